// The GitHub side of the unreadable-stamp alert (unreadable-alert.ts decides): find the one open
// issue by its hidden marker over a paginated listing by label, open it, close it.
import type { IssuesApi } from "../github/issues-api.ts";
import type { ExistingIssue } from "../github/sync-plan.ts";
import { ALERT_LABEL, ALERT_MARKER, ALERT_TITLE, alertBody } from "./unreadable-alert.ts";

const openOf = (listed: ExistingIssue[]) =>
  listed.filter((i) => !i.isPullRequest && i.state === "open" && i.body.includes(ALERT_MARKER)).sort((a, b) => a.number - b.number)[0]
    ?.number;

export async function findOpenAlert(api: IssuesApi): Promise<number | undefined> {
  return openOf(await api.listByLabel(ALERT_LABEL));
}

/** Opens the issue unless one is open already (a second run must not open a second issue). */
export async function openAlert(
  api: IssuesApi,
  reason: string,
  runUrl: string | undefined,
): Promise<{ action: "created" | "exists"; number: number }> {
  const listed = await api.listByLabel(ALERT_LABEL);
  const open = openOf(listed);
  if (open !== undefined) return { action: "exists", number: open };
  if (listed.length === 0) await api.createLabel({ name: ALERT_LABEL, color: "d93f0b", description: "The status site's deploys (sitrep)" });
  return {
    action: "created",
    number: await api.create({ title: ALERT_TITLE, body: alertBody(reason, runUrl), labels: [ALERT_LABEL], assignees: [] }),
  };
}

export async function closeAlert(api: IssuesApi, number: number, runUrl: string | undefined): Promise<void> {
  await api.comment(
    number,
    `The live site's \`deployed.json\` can be read again${runUrl ? ` (${runUrl})` : ""}: scheduled deploys decide from it as usual.`,
  );
  await api.update(number, { state: "closed", state_reason: "completed" });
}
