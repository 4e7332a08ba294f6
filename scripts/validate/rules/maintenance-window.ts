import { ms, perRecord } from "../rule.ts";

export const maintenanceWindow = perRecord("incidents", {
  id: "maintenance-window",
  severity: "error",
  description: "Maintenance has scheduled_start < scheduled_end; other records have no window (nor first_scheduled_start).",
  each:
    () =>
    ({ type, scheduled_start, scheduled_end, first_scheduled_start }, report) => {
      if (type !== "maintenance") {
        const field =
          scheduled_start !== undefined
            ? "scheduled_start"
            : scheduled_end !== undefined
              ? "scheduled_end"
              : first_scheduled_start !== undefined
                ? "first_scheduled_start"
                : undefined;
        if (field)
          report(
            [field],
            `\`${field}\` is only for maintenance.`,
            "Set `type: maintenance` for planned work, or use `started_at` for an incident.",
            "key",
          );
      } else if (scheduled_start === undefined || scheduled_end === undefined) {
        const missing = Object.entries({ scheduled_start, scheduled_end })
          .filter(([, time]) => time === undefined)
          .map(([field]) => field);
        report(
          [],
          `Maintenance needs a window: \`${missing.join("` and `")}\` missing.`,
          "Add `scheduled_start:` and `scheduled_end:` (RFC 3339 with offset); customers plan around them.",
          "key",
        );
      } else if (ms(scheduled_end) <= ms(scheduled_start)) {
        report(
          ["scheduled_end"],
          `\`scheduled_end\` (${scheduled_end}) is not after \`scheduled_start\` (${scheduled_start}).`,
          "Correct the window (check the offsets).",
        );
      }
    },
});
