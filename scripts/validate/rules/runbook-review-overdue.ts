import { finding, type Rule } from "../rule.ts";

const DAY = 86_400_000;

export const runbookReviewOverdue: Rule = {
  id: "runbook-review-overdue",
  severity: "warning",
  description: "A runbook was reviewed within its review_every_days (default policies.runbook_review_days).",
  check({ runbooks, now }) {
    return runbooks.flatMap((record) => {
      const { last_reviewed, review_every_days } = record.data;
      const dueMs = Date.parse(`${last_reviewed}T00:00:00Z`) + review_every_days * DAY;
      if (now.getTime() <= dueMs) return [];
      const overdueDays = Math.floor((now.getTime() - dueMs) / DAY);
      return [finding(runbookReviewOverdue, record, ["last_reviewed"],
        `Runbook review is ${overdueDays} day(s) overdue (last reviewed ${last_reviewed}, every ${review_every_days} days).`,
        "Walk through the runbook, fix what changed, and set `last_reviewed` to today's date.")];
    });
  },
};
