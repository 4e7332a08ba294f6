import { ms, perRecord } from "../rule.ts";

export const updatesOrdered = perRecord("incidents", {
  id: "updates-ordered",
  severity: "error",
  description: "Updates and timeline entries are oldest first, and no update precedes started_at.",
  each:
    () =>
    ({ updates, timeline, started_at }, report) => {
      for (const [list, name] of [
        [updates, "updates"],
        [timeline, "timeline"],
      ] as const) {
        // Each time read once, not once as the later and again as the earlier of a pair.
        let previous = list.length > 0 ? ms(list[0].at) : 0;
        for (let i = 1; i < list.length; i++) {
          const current = ms(list[i].at);
          const outOfOrder = current < previous;
          previous = current;
          if (outOfOrder) {
            report(
              [name, i, "at"],
              `${name}[${i}] (${list[i].at}) is earlier than ${name}[${i - 1}] (${list[i - 1].at}).`,
              `List ${name} oldest first: move this entry up, or correct its time.`,
            );
          }
        }
      }
      if (started_at && updates.length > 0 && ms(updates[0].at) < ms(started_at)) {
        report(
          ["updates", 0, "at"],
          `The first update (${updates[0].at}) is before the incident started (${started_at}).`,
          "Correct the update's time or `started_at` (check the offsets).",
        );
      }
    },
});
