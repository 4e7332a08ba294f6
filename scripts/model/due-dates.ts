// Due dates that are dates, not times (an action item's `due`, a runbook's review): something is
// due ON its date and overdue from the next UTC day on. One definition for the metrics, the
// weekly report, validation and the internal site.
import type { ActionItem, RunbookRecord } from "../records/record-types.ts";
import { DAY_MS, utcDate } from "../core/time.ts";

/** Whole days from date `from` to date `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Open and past its due date at `now`. */
export function isActionItemOverdue(item: Pick<ActionItem, "status" | "due">, now: Date): boolean {
  return item.status === "open" && item.due < utcDate(now);
}

export interface RunbookReview {
  /** YYYY-MM-DD: last_reviewed + review_every_days. */
  due: string;
  /** Whole days past `due` at `now` (0 or less: not overdue). */
  daysOverdue: number;
  overdue: boolean;
}

/** When a runbook's next review is due, and whether it is overdue at `now`. */
export function runbookReview(runbook: RunbookRecord["data"], now: Date): RunbookReview {
  const due = utcDate(Date.parse(`${runbook.last_reviewed}T00:00:00Z`) + runbook.review_every_days * DAY_MS);
  const daysOverdue = daysFrom(due, utcDate(now));
  return { due, daysOverdue, overdue: daysOverdue > 0 };
}
