import { finding, type Rule } from "../rule.ts";
import type { RecordFile } from "../../records/discover.ts";

/** The files sharing each duplicated `kind:id`, grouped once per run over every file (null: none). */
const groupsByFiles = new WeakMap<readonly RecordFile[], Map<string, RecordFile[]> | null>();

function duplicateGroups(allFiles: readonly RecordFile[]): Map<string, RecordFile[]> | null {
  let groups = groupsByFiles.get(allFiles);
  if (groups !== undefined) return groups;
  // Nearly always every id is unique: one pass of Sets says so before any grouping is built.
  const seen = { incident: new Set<string>(), postmortem: new Set<string>(), runbook: new Set<string>() };
  let duplicate = false;
  for (const f of allFiles) {
    const ids = seen[f.kind];
    if (ids.has(f.id)) duplicate = true;
    ids.add(f.id);
  }
  groups = null;
  if (duplicate) {
    groups = new Map();
    for (const [key, group] of Map.groupBy(allFiles, (f) => `${f.kind}:${f.id}`)) if (group.length > 1) groups.set(key, group);
  }
  groupsByFiles.set(allFiles, groups);
  return groups;
}

export const idUnique: Rule = {
  id: "id-unique",
  severity: "error",
  description: "A record's id (its file name without .md) is unique across its folder tree.",
  check({ files, allFiles }) {
    const groups = duplicateGroups(allFiles);
    if (!groups) return [];
    return files.flatMap((record) => {
      const group = groups.get(`${record.kind}:${record.id}`);
      if (!group) return [];
      return [
        finding(
          idUnique,
          record,
          [],
          `Id \`${record.id}\` is used by ${group.length} files: ${group.map((r) => r.path).join(", ")}.`,
          "Rename all but one file: ids must be unique across year folders, because links, postmortems and issues refer to records by id.",
        ),
      ];
    });
  },
};
