import { finding, ms, type Rule } from "../rule.ts";

export const updateCadence: Rule = {
  id: "update-cadence",
  severity: "warning",
  description: "While an incident is active, public updates are no further apart than its severity's update_every_minutes.",
  needsConfig: true,
  check({ incidents, config }) {
    const cadence = new Map(config.severities.map((s) => [s.id, s.update_every_minutes]));
    return incidents.flatMap((record) => {
      const { type, severity, updates } = record.data;
      const minutes = severity ? cadence.get(severity) : undefined;
      if (type !== "incident" || minutes === undefined) return [];
      const found = [];
      // Gaps between consecutive updates while the incident was still active.
      for (let i = 1; i < updates.length; i++) {
        if (updates[i - 1].status === "resolved") break;
        const gap = (ms(updates[i].at) - ms(updates[i - 1].at)) / 60_000;
        if (gap > minutes) {
          found.push(finding(updateCadence, record, ["updates", i, "at"],
            `${Math.round(gap)} minutes passed between updates ${i - 1} and ${i}; ${severity} expects an update every ${minutes} minutes.`,
            "Post updates on cadence even when there is no news (\"still investigating, next update in 15 minutes\"); customers read silence as neglect."));
        }
      }
      return found;
    });
  },
};
