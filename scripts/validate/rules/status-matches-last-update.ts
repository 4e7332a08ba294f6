import { finding, type Rule } from "../rule.ts";

export const statusMatchesLastUpdate: Rule = {
  id: "status-matches-last-update",
  severity: "error",
  description: "`status` equals the status of the last update.",
  check({ incidents }) {
    return incidents.flatMap((record) => {
      const { status, updates } = record.data;
      const last = updates.at(-1);
      if (!last || last.status === status) return [];
      return [finding(statusMatchesLastUpdate, record, ["status"],
        `\`status\` is \`${status}\` but the last update says \`${last.status}\`.`,
        `Set \`status: ${last.status}\`, or add an update with status \`${status}\` explaining the change (the public page shows the updates).`)];
    });
  },
};
