// Entry for ci.yml: `node scripts/github/pr-summary-main.ts --base <sha>` prints the Markdown
// summary of what the working tree changes in the records relative to <sha> (a PR's base, or a
// push's "before"). Read-only; the workflow writes it to the job summary and the PR comment.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { forActionsLog } from "../core/workflow-commands.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";
import { countBySeverity } from "../core/diagnostic.ts";
import { formatPrSummary, summarizePullRequest } from "./pr-summary.ts";
import { recordsAtRef } from "./records-at-ref.ts";
import { nowFrom } from "../core/time.ts";

export function prSummaryMarkdown(cwd: string, baseRef: string | undefined, now: Date): string {
  const root = findRecordsRoot(cwd);
  const head = validateRepository(root, { now });
  const snapshot = recordsAtRef(root, baseRef);
  try {
    const base = snapshot && existsSync(path.join(snapshot.root, "sitrep.config.yaml")) ? validateRepository(snapshot.root, { now }).repository : undefined;
    return formatPrSummary(summarizePullRequest(base, head.repository, countBySeverity(head.diagnostics)));
  } finally {
    snapshot?.cleanup();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { base: { type: "string" } } });
  try {
    const now = nowFrom(process.env);
    process.stdout.write(`${prSummaryMarkdown(process.cwd(), values.base, now)}\n`);
  } catch (error) {
    process.stderr.write(forActionsLog(`error: could not summarise the change: ${(error as Error).message}\n`, process.env));
    process.exitCode = 2;
  }
}
