import { finding, type Rule } from "../rule.ts";

const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"];
const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"];

export const statusMatchesType: Rule = {
  id: "status-matches-type",
  severity: "error",
  description: "Incidents and near-misses use investigating/identified/monitoring/resolved; maintenance uses scheduled/in_progress/verifying/completed.",
  check({ incidents }) {
    return incidents.flatMap((record) => {
      const allowed = record.data.type === "maintenance" ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;
      const noun = record.data.type === "maintenance" ? "maintenance" : record.data.type === "near_miss" ? "a near-miss" : "an incident";
      const hint = `Use one of: ${allowed.join(", ")}${record.data.type === "maintenance" ? "" : " (or set `type: maintenance` for planned work)"}.`;
      const found = [];
      if (!allowed.includes(record.data.status)) {
        found.push(finding(statusMatchesType, record, ["status"], `\`${record.data.status}\` is not a status for ${noun}.`, hint));
      }
      record.data.updates.forEach((update, i) => {
        if (!allowed.includes(update.status)) {
          found.push(finding(statusMatchesType, record, ["updates", i, "status"], `\`${update.status}\` is not a status for ${noun}.`, hint));
        }
      });
      if (record.data.type !== "maintenance") {
        // `under_maintenance` on an incident would show planned work where there is an outage.
        const maps: [(string | number)[], Record<string, string>][] = [[["components"], record.data.components],
          ...record.data.updates.map((u, i): [(string | number)[], Record<string, string>] => [["updates", i, "components"], u.components ?? {}])];
        for (const [path, map] of maps) {
          for (const [id, impact] of Object.entries(map)) {
            if (impact !== "under_maintenance") continue;
            found.push(finding(statusMatchesType, record, [...path, id], `Component \`${id}\` is \`under_maintenance\` in ${noun}.`,
              "Use degraded_performance, partial_outage or major_outage for incidents; `under_maintenance` is for `type: maintenance` records."));
          }
        }
      }
      return found;
    });
  },
};
