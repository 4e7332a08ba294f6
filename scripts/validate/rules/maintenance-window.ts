import { finding, ms, type Rule } from "../rule.ts";

export const maintenanceWindow: Rule = {
  id: "maintenance-window",
  severity: "error",
  description: "Maintenance has scheduled_start < scheduled_end; other records have no window.",
  check({ incidents }) {
    return incidents.flatMap((record) => {
      const { type, scheduled_start, scheduled_end } = record.data;
      if (type !== "maintenance") {
        const field = scheduled_start !== undefined ? "scheduled_start" : scheduled_end !== undefined ? "scheduled_end" : undefined;
        return field ? [finding(maintenanceWindow, record, [field], `\`${field}\` is only for maintenance.`,
          "Set `type: maintenance` for planned work, or use `started_at` for an incident.", "key")] : [];
      }
      const missing = (["scheduled_start", "scheduled_end"] as const).filter((f) => record.data[f] === undefined);
      if (missing.length > 0) {
        return [finding(maintenanceWindow, record, [], `Maintenance needs a window: \`${missing.join("` and `")}\` missing.`,
          "Add `scheduled_start:` and `scheduled_end:` (RFC 3339 with offset); customers plan around them.", "key")];
      }
      if (ms(scheduled_end!) <= ms(scheduled_start!)) {
        return [finding(maintenanceWindow, record, ["scheduled_end"], `\`scheduled_end\` (${scheduled_end}) is not after \`scheduled_start\` (${scheduled_start}).`,
          "Correct the window (check the offsets).")];
      }
      return [];
    });
  },
};
