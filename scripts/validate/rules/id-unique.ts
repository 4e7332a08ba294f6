import { finding, type Rule } from "../rule.ts";

export const idUnique: Rule = {
  id: "id-unique",
  severity: "error",
  description: "A record's id (its file name without .md) is unique across its folder tree.",
  check({ files }) {
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
