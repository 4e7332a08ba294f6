import { finding, type Rule } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const severityExists: Rule = {
  id: "severity-exists",
  severity: "error",
  description: "Incidents and near-misses have a severity defined in sitrep.config.yaml; maintenance has none.",
  needsConfig: true,
  check({ incidents, config }) {
    const ids = config.severities.map((s) => s.id);
    const list = config.severities.map((s) => `${s.id} (${s.name})`).join(", ");
    return incidents.flatMap((record) => {
      const { type, severity } = record.data;
      if (type === "maintenance") {
        return severity === undefined ? [] : [finding(severityExists, record, ["severity"], "Maintenance has no severity.",
          "Remove `severity`; the components' `under_maintenance` status tells customers what is affected.", "key")];
      }
      if (severity === undefined) {
        return [finding(severityExists, record, [], `Missing \`severity\` for ${type === "near_miss" ? "a near-miss" : "an incident"}.`,
          `Add \`severity: …\`, one of ${list}, chosen by customer impact.`, "key")];
      }
      if (ids.includes(severity)) return [];
      const suggestion = closest(severity, ids);
      return [finding(severityExists, record, ["severity"], `Severity \`${severity}\` is not defined in sitrep.config.yaml.`,
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use one of ${list}.`)];
    });
  },
};
