import { perRecord } from "../rule.ts";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../../model/vocabulary.ts";

export const statusMatchesType = perRecord("incidents", {
  id: "status-matches-type",
  severity: "error",
  description:
    "Incidents and near-misses use investigating/identified/monitoring/resolved; maintenance uses scheduled/in_progress/verifying/completed.",
  each:
    () =>
    ({ type, status, updates, components }, report) => {
      const allowed: readonly string[] = type === "maintenance" ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
      const noun = type === "maintenance" ? "maintenance" : type === "near_miss" ? "a near-miss" : "an incident";
      const hint = `Use one of: ${allowed.join(", ")}${type === "maintenance" ? "" : " (or set `type: maintenance` for planned work)"}.`;
      if (!allowed.includes(status)) report(["status"], `\`${status}\` is not a status for ${noun}.`, hint);
      updates.forEach((update, i) => {
        if (!allowed.includes(update.status)) report(["updates", i, "status"], `\`${update.status}\` is not a status for ${noun}.`, hint);
      });
      if (type === "maintenance") return;
      // `under_maintenance` on an incident would show planned work where there is an outage.
      const maps: [(string | number)[], Record<string, string>][] = [
        [["components"], components],
        ...updates.map((u, i): [(string | number)[], Record<string, string>] => [["updates", i, "components"], u.components ?? {}]),
      ];
      for (const [path, map] of maps) {
        for (const [id, impact] of Object.entries(map)) {
          if (impact !== "under_maintenance") continue;
          report(
            [...path, id],
            `Component \`${id}\` is \`under_maintenance\` in ${noun}.`,
            "Use degraded_performance, partial_outage or major_outage for incidents; `under_maintenance` is for `type: maintenance` records.",
          );
        }
      }
    },
});
