import { finding, type Rule } from "../rule.ts";

export const idUnique: Rule = {
  id: "id-unique",
  severity: "error",
  description: "A record's id (its file name without .md) is unique across its folder tree.",
  check({ files }) {
    // Nearly always every id is unique: one pass of Sets says so before any grouping is built.
    const seen = { incident: new Set<string>(), postmortem: new Set<string>(), runbook: new Set<string>() };
    let duplicate = false;
    for (const f of files) {
      const ids = seen[f.kind];
      if (ids.has(f.id)) duplicate = true;
      ids.add(f.id);
    }
    if (!duplicate) return [];
    const byKey = Map.groupBy(files, (f) => `${f.kind}:${f.id}`);
    return [...byKey.values()]
      .filter((group) => group.length > 1)
      .flatMap((group) =>
        group.map((record) =>
          finding(
            idUnique,
            record,
            [],
            `Id \`${record.id}\` is used by ${group.length} files: ${group.map((r) => r.source.path).join(", ")}.`,
            "Rename all but one file: ids must be unique across year folders, because links, postmortems and issues refer to records by id.",
          ),
        ),
      );
  },
};
