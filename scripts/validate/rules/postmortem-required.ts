import { finding, type Rule } from "../rule.ts";
import { postmortemDue } from "../../model/postmortem-policy.ts";

export const postmortemRequired: Rule = {
  id: "postmortem-required",
  severity: "error",
  description: "Resolved incidents of a severity with `postmortem_required` have a postmortem within policies.postmortem_due_days (drills and near-misses excepted).",
  needsConfig: true,
  check({ incidents, postmortems, files, config, now }) {
    const covered = new Set([...postmortems.map((p) => p.data.incident), ...files.filter((f) => f.kind === "postmortem").map((f) => f.id)]);
    const days = config.policies.postmortem_due_days;
    return incidents.flatMap((record) => {
      const dueMs = postmortemDue(record.data, config);
      if (dueMs === undefined || covered.has(record.id) || now.getTime() <= dueMs) return [];
      const { severity, resolved_at } = record.data;
      const due = new Date(dueMs).toISOString().slice(0, 10);
      return [finding(postmortemRequired, record, ["severity"],
        `${severity} incident resolved ${resolved_at?.slice(0, 10)} has no postmortem; it was due ${due} (${days} days after resolution).`,
        `Create one with \`npx sitrep postmortem ${record.id}\` (a draft counts), or lower the severity if it was misjudged.`)];
    });
  },
};
