// `sitrep review-issue --week 2026-W47 --file report.md`: upserts the "Incident review <week>"
// issue with the weekly report's Markdown (review.yml runs it after `sitrep report`).
import { readFileSync } from "node:fs";
import type { Command } from "../cli/command.ts";
import { SitrepError, UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { createGithubClient, resolveGithubTarget, writeIntervalFromEnv } from "../github/octokit.ts";
import { describeApiError, issuesApi } from "../github/issues-api.ts";
import { upsertReviewIssue } from "../github/review-issue.ts";

export interface ReviewIssueResult {
  week: string;
  action: string;
  number: number;
  warnings: string[];
}

export const command: Command<ReviewIssueResult> = {
  spec: {
    name: "review-issue",
    summary: "Open or update the weekly incident-review issue with a report.",
    usage: "sitrep review-issue --week <yyyy-Www> --file <report.md>",
    description:
      "Finds the week's issue by its hidden marker (label incident-review) and creates it, updates its body, or\n" +
      "leaves it when unchanged. Uses GITHUB_TOKEN, GITHUB_REPOSITORY (else github.repository) and GITHUB_API_URL.",
    options: {
      week: { type: "string", valueName: "yyyy-Www", description: "ISO week of the review, e.g. 2026-W47." },
      file: { type: "string", valueName: "report.md", description: "The report's Markdown (from `sitrep report`)." },
    },
    examples: ["npx sitrep report --week 2026-W47 > review.md && npx sitrep review-issue --week 2026-W47 --file review.md"],
    exitCodes: "0 the issue is up to date, 2 the request failed or the flags are wrong.",
  },

  async run({ values, cwd, env }) {
    const week = typeof values.week === "string" ? values.week : "";
    if (!/^\d{4}-W\d{2}$/.test(week)) throw new UsageError(`--week \`${week}\` is not an ISO week.`, "e.g. --week 2026-W47");
    if (typeof values.file !== "string")
      throw new UsageError("--file is missing.", "Name the report's Markdown file, e.g. --file review.md (from `sitrep report`).");
    const report = readFileSync(values.file, "utf8");
    const { config } = loadConfig(findRecordsRoot(cwd));
    const target = resolveGithubTarget(env, config ?? { github: { labels: [] } });
    if (!target.token)
      throw new SitrepError("GITHUB_TOKEN is not set.", {
        hint: "The workflow passes github.token with `issues: write`; locally, export a token that may write issues.",
        exitCode: 2,
      });
    const warnings: string[] = [];
    const octokit = createGithubClient(target, { warn: (m) => warnings.push(m), writeIntervalMs: writeIntervalFromEnv(env) });
    try {
      const outcome = await upsertReviewIssue(issuesApi(octokit, target), week, report);
      return { week, action: outcome.action, number: outcome.number, warnings };
    } catch (error) {
      throw new SitrepError(describeApiError(error), {
        hint: "Run the workflow again; if it repeats, check the token's `issues: write` permission.",
        exitCode: 2,
      });
    }
  },

  present: (result) => ({
    stdout: `Incident review ${result.week}: ${result.action} #${result.number}`,
    stderr: result.warnings.map((w) => `warning: ${w}`).join("\n") || undefined,
    exitCode: 0,
  }),
};
