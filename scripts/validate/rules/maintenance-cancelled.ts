// A cancelled maintenance was called off before the work began (decision 0115): nothing it says
// may contradict that, or the page would show a window that both ran and never happened.
import { perRecord } from "../rule.ts";

const STARTED = new Set(["in_progress", "verifying", "completed"]);

export const maintenanceCancelled = perRecord("incidents", {
  id: "maintenance-cancelled",
  severity: "error",
  description:
    "A `cancelled` maintenance update is the last one, comes before any `in_progress`, `verifying` or `completed` update, and sets no component to an impact.",
  each:
    () =>
    ({ type, updates }, report) => {
      if (type !== "maintenance") return;
      const index = updates.findIndex((u) => u.status === "cancelled");
      if (index === -1) return;
      const started = updates.findIndex((u) => STARTED.has(u.status));
      if (started !== -1 && started < index) {
        report(
          ["updates", index, "status"],
          `updates[${index}] cancels the maintenance after updates[${started}] said \`${updates[started].status}\`: work that began was not cancelled.`,
          "End a window whose work began with a `completed` update (`npx sitrep complete <id>`) saying what was and was not done.",
        );
      }
      if (index < updates.length - 1) {
        const next = updates[index + 1];
        report(
          ["updates", index + 1, "status"],
          `updates[${index + 1}] (\`${next.status}\`) comes after the maintenance was cancelled in updates[${index}].`,
          "A cancelled maintenance is over. Schedule the work again as new maintenance (`npx sitrep maintenance …`), or remove the `cancelled` update if it was a mistake.",
        );
      }
      for (const [id, impact] of Object.entries(updates[index].components ?? {})) {
        if (impact === "operational") continue;
        report(
          ["updates", index, "components", id],
          `The cancelling update sets \`${id}\` to \`${impact}\`: a cancelled maintenance has no impact.`,
          `Set \`${id}: operational\` (or leave \`components\` out of the cancelling update).`,
        );
      }
    },
});
