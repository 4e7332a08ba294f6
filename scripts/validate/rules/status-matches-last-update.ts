import { perRecord } from "../rule.ts";

export const statusMatchesLastUpdate = perRecord("incidents", {
  id: "status-matches-last-update",
  severity: "error",
  description: "`status` equals the status of the last update.",
  each:
    () =>
    ({ status, updates }, report) => {
      const last = updates.at(-1);
      if (!last || last.status === status) return;
      report(
        ["status"],
        `\`status\` is \`${status}\` but the last update says \`${last.status}\`.`,
        `Set \`status: ${last.status}\`, or add an update with status \`${status}\` explaining the change (the public page shows the updates).`,
      );
    },
});
