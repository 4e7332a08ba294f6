// Entry for review.yml: `node scripts/github/review-issue-main.ts --week 2026-W47 --file report.md`
// upserts the "Incident review <week>" issue with the report's Markdown.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { forActionsLog } from "../core/workflow-commands.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { createGithubClient, resolveGithubTarget, writeIntervalFromEnv } from "./octokit.ts";
import { describeApiError, issuesApi } from "./issues-api.ts";
import { upsertReviewIssue } from "./review-issue.ts";

if (import.meta.main) {
  const { values } = parseArgs({ options: { week: { type: "string" }, file: { type: "string" } } });
  try {
    if (!values.week || !/^\d{4}-W\d{2}$/.test(values.week)) throw new Error("--week must be an ISO week such as 2026-W47");
    if (!values.file) throw new Error("--file must name the report's Markdown file");
    const report = readFileSync(values.file, "utf8");
    const { config } = loadConfig(findRecordsRoot(process.cwd()));
    const target = resolveGithubTarget(process.env, config ?? { github: { labels: [] } });
    if (!target.token) throw new Error("GITHUB_TOKEN is not set (the workflow passes github.token with issues: write)");
    const octokit = createGithubClient(target, { warn: (m) => process.stderr.write(forActionsLog(`warning: ${m}\n`, process.env)), writeIntervalMs: writeIntervalFromEnv(process.env) });
    const outcome = await upsertReviewIssue(issuesApi(octokit, target), values.week, report);
    process.stdout.write(`Incident review ${values.week}: ${outcome.action} #${outcome.number}\n`);
  } catch (error) {
    process.stderr.write(forActionsLog(`error: ${describeApiError(error)}\n`, process.env));
    process.exitCode = 2;
  }
}
