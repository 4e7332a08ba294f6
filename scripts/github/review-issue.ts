// The weekly incident-review issue: one issue per ISO week, found again by a hidden marker over
// a paginated listing by label (never by title or search), created or updated, never duplicated.
import type { IssuesApi } from "./issues-api.ts";
import { GITHUB_BODY_LIMIT } from "./issue-body.ts";

export const REVIEW_LABEL = "incident-review";
export const reviewMarker = (week: string) => `<!-- sitrep:incident-review ${week} -->`;
export const reviewTitle = (week: string) => `Incident review ${week}`;

/** Pure: the issue body for a week's report, trimmed under GitHub's limit. */
export function reviewBody(week: string, report: string): string {
  const head = `${reviewMarker(week)}\n`;
  const foot = "\n\n_Written by the review workflow from `sitrep report`; edits are overwritten on the next run._";
  const room = GITHUB_BODY_LIMIT - head.length - foot.length;
  const text = report.trim();
  const fitted =
    text.length <= room ? text : `${text.slice(0, room - 60)}\n\n…(trimmed; run \`sitrep report --week ${week}\` for all of it)`;
  return `${head}${fitted}${foot}`;
}

export type ReviewOutcome = { action: "created" | "updated" | "unchanged"; number: number };

export async function upsertReviewIssue(api: IssuesApi, week: string, report: string): Promise<ReviewOutcome> {
  const body = reviewBody(week, report);
  const title = reviewTitle(week);
  const listed = await api.listByLabel(REVIEW_LABEL);
  const existing = listed.filter((i) => !i.isPullRequest && i.body.includes(reviewMarker(week))).sort((a, b) => a.number - b.number)[0];
  if (!existing) {
    if (listed.length === 0) await api.createLabel({ name: REVIEW_LABEL, color: "1d76db", description: "Weekly incident review (sitrep)" });
    return { action: "created", number: await api.create({ title, body, labels: [REVIEW_LABEL], assignees: [] }) };
  }
  if (existing.body === body && existing.title === title) return { action: "unchanged", number: existing.number };
  await api.update(existing.number, { title, body });
  return { action: "updated", number: existing.number };
}
