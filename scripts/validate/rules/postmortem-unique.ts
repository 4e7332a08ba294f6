import { finding, type Rule } from "../rule.ts";

export const postmortemUnique: Rule = {
  id: "postmortem-unique",
  severity: "error",
  description: "At most one postmortem per incident, named after it (postmortems/<incident-id>.md).",
  check({ postmortems }) {
    const found = [];
    for (const group of Map.groupBy(postmortems, (p) => p.data.incident).values()) {
      if (group.length < 2) continue;
      for (const record of group) {
        found.push(
          finding(
            postmortemUnique,
            record,
            ["incident"],
            `Incident \`${record.data.incident}\` has ${group.length} postmortems: ${group.map((p) => p.source.path).join(", ")}.`,
            `Merge them into postmortems/${record.data.incident}.md and delete the others.`,
          ),
        );
      }
    }
    for (const record of postmortems) {
      if (record.id !== record.data.incident) {
        found.push(
          finding(
            postmortemUnique,
            record,
            ["incident"],
            `Postmortem file \`${record.id}.md\` is not named after its incident \`${record.data.incident}\`.`,
            `Rename it to postmortems/${record.data.incident}.md, so each incident has one findable postmortem.`,
          ),
        );
      }
    }
    return found;
  },
};
