// An unreadable deployed.json, reported once. The scheduled deploy reads the live site's stamp to
// decide whether to build; when it cannot (before the first deploy, Pages not turned on, a wrong
// site.url, a site that is down) every run would build in full — about 290–480 billed minutes a
// day — and nobody would hear of it (issue 22, M5). So the first such run builds (the deploy may
// be what fixes it), opens one issue, and says so in the job summary; later runs see that open
// issue and skip the build; once the stamp can be read again the issue is closed. Closing the
// issue by hand asks for one more attempt. Pure: stamp, issue and decision in, decision and action out.
import type { DueDecision } from "./publish-due.ts";

export const ALERT_LABEL = "status-site";
export const ALERT_MARKER = "<!-- sitrep:deploy-unreadable -->";
export const ALERT_TITLE = "The status site's deployed.json cannot be read: scheduled deploys are paused";

export type AlertAction = { action: "none" } | { action: "open" } | { action: "close"; issue: number };

export interface AlertInput {
  decision: DueDecision;
  /** Why the stamp could not be read; undefined when it was read. */
  unreadable: string | undefined;
  /** The open issue that already reports it, if any. */
  openIssue: number | undefined;
}

export function unreadableStampAlert({ decision, unreadable, openIssue }: AlertInput): { decision: DueDecision; alert: AlertAction } {
  if (unreadable === undefined)
    return { decision, alert: openIssue === undefined ? { action: "none" } : { action: "close", issue: openIssue } };
  if (openIssue === undefined) return { decision, alert: { action: "open" } };
  return {
    decision: {
      ...decision,
      due: false,
      reason: `the live site's deployed.json still cannot be read (${unreadable}), already reported in #${openIssue}: scheduled runs skip the build until it can be read or #${openIssue} is closed (a push or a run by hand still deploys)`,
    },
    alert: { action: "none" },
  };
}

/** Pure: the issue's body — what happened, why it usually happens, what to do. */
export function alertBody(reason: string, runUrl: string | undefined): string {
  return [
    ALERT_MARKER,
    `The scheduled deploy could not read the live site's \`deployed.json\`: ${reason}.`,
    "",
    "Without it the schedule cannot tell whether the page would change, and would build the whole site every 15 minutes. It built once and now skips scheduled builds while this issue is open; pushes and runs by hand still deploy.",
    "",
    "Usual causes:",
    "- GitHub Pages is not turned on yet (Settings → Pages → Source: GitHub Actions), or the first deploy has not finished;",
    "- `site.url` in sitrep.config.yaml is not where the site is served (a custom domain not set up yet, a missing path);",
    "- the site is published from another repository (SITREP_PUBLISH_REPOSITORY) that does not serve Pages yet.",
    "",
    "Fix the cause and push, or run the deploy by hand: the next scheduled run that reads `deployed.json` closes this issue. Close it yourself to have the next scheduled run build and try again.",
    ...(runUrl ? ["", `Reported by ${runUrl}.`] : []),
  ].join("\n");
}
