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
      return found;
    });
  },
};
