import { perRecord } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const postmortemIncidentExists = perRecord("postmortems", {
  id: "postmortem-incident-exists",
  severity: "error",
  description: "A postmortem's `incident` names an existing incident.",
  each:
    ({ ids }) =>
    ({ incident }, report, record) => {
      if (ids.incident.has(incident)) return;
      const suggestion = closest(incident, [...ids.incident]) ?? closest(record.id, [...ids.incident]);
      report(
        ["incident"],
        `Incident \`${incident}\` does not exist.`,
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use the incident's file name without .md, e.g. \`2026-11-20-checkout-errors\`.`,
      );
    },
});
