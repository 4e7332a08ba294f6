import { perRecord } from "../rule.ts";
import { closest } from "../../records/closest.ts";

export const severityExists = perRecord("incidents", {
  id: "severity-exists",
  severity: "error",
  description: "Incidents and near-misses have a severity defined in sitrep.config.yaml; maintenance has none.",
  needsConfig: true,
  each({ config }) {
    const ids = config.severities.map((s) => s.id);
    const list = config.severities.map((s) => `${s.id} (${s.name})`).join(", ");
    return ({ type, severity }, report) => {
      if (type === "maintenance") {
        if (severity !== undefined) {
          report(
            ["severity"],
            "Maintenance has no severity.",
            "Remove `severity`; the components' `under_maintenance` status tells customers what is affected.",
            "key",
          );
        }
      } else if (severity === undefined) {
        report(
          [],
          `Missing \`severity\` for ${type === "near_miss" ? "a near-miss" : "an incident"}.`,
          `Add \`severity: …\`, one of ${list}, chosen by customer impact.`,
          "key",
        );
      } else if (!ids.includes(severity)) {
        const suggestion = closest(severity, ids);
        report(
          ["severity"],
          `Severity \`${severity}\` is not defined in sitrep.config.yaml.`,
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use one of ${list}.`,
        );
      }
    };
  },
});
