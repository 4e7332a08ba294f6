import { perRecord } from "../rule.ts";
import { postmortemDue } from "../../model/postmortem-policy.ts";
import { utcDate } from "../../core/time.ts";

export const postmortemRequired = perRecord("incidents", {
  id: "postmortem-required",
  severity: "error",
  description:
    "Resolved incidents of a severity with `postmortem_required` have a postmortem within policies.postmortem_due_days (drills, near-misses and imported records excepted).",
  needsConfig: true,
  each({ postmortemIncidents, ids, config, now }) {
    // Covered: a schema-valid postmortem names it, or a postmortem file carries its id.
    const covered = (id: string) => postmortemIncidents.has(id) || ids.postmortem.has(id);
    const days = config.policies.postmortem_due_days;
    return (data, report, record) => {
      const dueMs = postmortemDue(data, config);
      if (dueMs === undefined || covered(record.id) || now.getTime() <= dueMs) return;
      const due = utcDate(dueMs);
      report(
        ["severity"],
        `${data.severity} incident resolved ${data.resolved_at?.slice(0, 10)} has no postmortem; it was due ${due} (${days} days after resolution).`,
        `Create one with \`npx sitrep postmortem ${record.id}\` (a draft counts), or lower the severity if it was misjudged.`,
      );
    };
  },
});
