import { finding, type Rule } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const postmortemIncidentExists: Rule = {
  id: "postmortem-incident-exists",
  severity: "error",
  description: "A postmortem's `incident` names an existing incident.",
  check({ postmortems, files }) {
    const ids = files.filter((f) => f.kind === "incident").map((f) => f.id);
    const known = new Set(ids);
    return postmortems.flatMap((record) => {
      const id = record.data.incident;
      if (known.has(id)) return [];
      const suggestion = closest(id, ids) ?? closest(record.id, ids);
      return [finding(postmortemIncidentExists, record, ["incident"], `Incident \`${id}\` does not exist.`,
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use the incident's file name without .md, e.g. \`2026-11-20-checkout-errors\`.`)];
    });
  },
};
