import { finding, ms, type Rule } from "../rule.ts";

const DAY = 86_400_000;

export const postmortemRequired: Rule = {
  id: "postmortem-required",
  severity: "error",
  description: "Resolved incidents of a severity with `postmortem_required` have a postmortem within policies.postmortem_due_days (drills and near-misses excepted).",
  needsConfig: true,
  check({ incidents, postmortems, files, config, now }) {
    const required = new Set(config.severities.filter((s) => s.postmortem_required).map((s) => s.id));
    const covered = new Set([...postmortems.map((p) => p.data.incident), ...files.filter((f) => f.kind === "postmortem").map((f) => f.id)]);
    const days = config.policies.postmortem_due_days;
    return incidents.flatMap((record) => {
      const { type, drill, severity, status, resolved_at } = record.data;
      if (type !== "incident" || drill || !severity || !required.has(severity) || status !== "resolved" || !resolved_at) return [];
      if (covered.has(record.id)) return [];
      const dueMs = ms(resolved_at) + days * DAY;
      // NaN for a leap second (`23:59:60Z`), which the date-time format accepts: no due date to miss.
      if (Number.isNaN(dueMs) || now.getTime() <= dueMs) return [];
      const due = new Date(dueMs).toISOString().slice(0, 10);
      return [finding(postmortemRequired, record, ["severity"],
        `${severity} incident resolved ${resolved_at.slice(0, 10)} has no postmortem; it was due ${due} (${days} days after resolution).`,
        `Create one with \`npx sitrep postmortem ${record.id}\` (a draft counts), or lower the severity if it was misjudged.`)];
    });
  },
};
