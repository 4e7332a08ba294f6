// Maintenance moved to in_progress (or verifying) long before its window is almost always a
// wrong date or offset on the window or the update: customers would see "in progress" for a
// window the announcement puts days away.
import { ms, perRecord } from "../rule.ts";

/** Starting a little early happens (a team ready ahead of time); more than this is a mistake. */
export const EARLY_START_MS = 60 * 60_000;

export const maintenanceStartedEarly = perRecord("incidents", {
  id: "maintenance-started-early",
  severity: "error",
  description: "A maintenance update is not `in_progress` or `verifying` more than an hour before `scheduled_start`.",
  each:
    () =>
    ({ type, scheduled_start, updates }, report) => {
      if (type !== "maintenance" || scheduled_start === undefined) return;
      const index = updates.findIndex(
        (u) => (u.status === "in_progress" || u.status === "verifying") && ms(u.at) < ms(scheduled_start) - EARLY_START_MS,
      );
      if (index === -1) return;
      const update = updates[index];
      report(
        ["updates", index, "status"],
        `updates[${index}] says \`${update.status}\` at ${update.at}, more than an hour before the window starts (${scheduled_start}).`,
        "Check the dates and offsets of the update and of `scheduled_start`; if the work moved, move the window (`scheduled_start`, `scheduled_end`) too.",
      );
    },
});
