import { finding, type Rule } from "../rule.ts";
import { runbookReview } from "../../model/due-dates.ts";

export const runbookReviewOverdue: Rule = {
  id: "runbook-review-overdue",
  severity: "warning",
  description: "A runbook was reviewed within its review_every_days (default policies.runbook_review_days).",
  check({ runbooks, now }) {
    return runbooks.flatMap((record) => {
      const { last_reviewed, review_every_days } = record.data;
      const review = runbookReview(record.data, now);
      if (!review.overdue) return [];
      return [finding(runbookReviewOverdue, record, ["last_reviewed"],
        `Runbook review is ${review.daysOverdue} day(s) overdue (last reviewed ${last_reviewed}, every ${review_every_days} days, due ${review.due}).`,
        "Walk through the runbook, fix what changed, and set `last_reviewed` to today's date.")];
    });
  },
};
