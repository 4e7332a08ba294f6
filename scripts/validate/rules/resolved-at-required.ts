import { perRecord } from "../rule.ts";

export const resolvedAtRequired = perRecord("incidents", {
  id: "resolved-at-required",
  severity: "error",
  description: "A resolved incident has `resolved_at`; an unresolved one does not.",
  each:
    () =>
    ({ status, resolved_at, type }, report) => {
      if (type === "maintenance") {
        if (resolved_at !== undefined) {
          report(
            ["resolved_at"],
            "Maintenance uses `scheduled_start`/`scheduled_end`, not `resolved_at`.",
            "Remove `resolved_at`; set `status: completed` with a final update.",
            "key",
          );
        }
      } else if (status === "resolved" && resolved_at === undefined) {
        report(
          ["status"],
          "Status is `resolved` but `resolved_at` is missing.",
          "Add `resolved_at:` with the time the incident was fully resolved (RFC 3339 with offset), or run `npx sitrep resolve <id>`.",
        );
      } else if (status !== "resolved" && resolved_at !== undefined) {
        report(
          ["resolved_at"],
          `\`resolved_at\` is set but status is \`${status}\`.`,
          "Either add a final update with `status: resolved`, or remove `resolved_at` while the incident is still open.",
          "key",
        );
      }
    },
});
