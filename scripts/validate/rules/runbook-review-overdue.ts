import { perRecord } from "../rule.ts";
import { runbookReview } from "../../model/due-dates.ts";

export const runbookReviewOverdue = perRecord("runbooks", {
  id: "runbook-review-overdue",
  severity: "warning",
  description: "A runbook was reviewed within its review_every_days (default policies.runbook_review_days).",
  each:
    ({ now }) =>
    (data, report) => {
      const review = runbookReview(data, now);
      if (!review.overdue) return;
      report(
        ["last_reviewed"],
        `Runbook review is ${review.daysOverdue} day(s) overdue (last reviewed ${data.last_reviewed}, every ${data.review_every_days} days, due ${review.due}).`,
        "Walk through the runbook, fix what changed, and set `last_reviewed` to today's date.",
      );
    },
});
