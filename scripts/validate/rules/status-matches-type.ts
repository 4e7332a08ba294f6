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
      // Built only for a finding: this rule sees every incident, and nearly all are clean.
      const hint = () =>
        `Use one of: ${allowed.join(", ")}${type === "maintenance" ? "" : " (or set `type: maintenance` for planned work)"}.`;
      if (!allowed.includes(status)) report(["status"], `\`${status}\` is not a status for ${noun}.`, hint());
      for (let i = 0; i < updates.length; i++) {
        const update = updates[i];
        if (!allowed.includes(update.status)) report(["updates", i, "status"], `\`${update.status}\` is not a status for ${noun}.`, hint());
      }
      if (type === "maintenance") return;
      // `under_maintenance` on an incident would show planned work where there is an outage.
      // Walked in place (no list of [path, map] pairs per record): the same order of findings.
      // `update` -1: the record's own components.
      const check = (map: Record<string, string> | undefined, update: number) => {
        if (!map) return;
        for (const id in map) {
          if (map[id] !== "under_maintenance") continue;
          report(
            update < 0 ? ["components", id] : ["updates", update, "components", id],
            `Component \`${id}\` is \`under_maintenance\` in ${noun}.`,
            "Use degraded_performance, partial_outage or major_outage for incidents; `under_maintenance` is for `type: maintenance` records.",
          );
        }
      };
      check(components, -1);
      for (let i = 0; i < updates.length; i++) check(updates[i].components, i);
    },
});
