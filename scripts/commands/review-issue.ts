// `sitrep review-issue --week 2026-W47 --file report.md`: opens or updates the "Incident review
// <week>" issue with the report's Markdown (review.yml runs it after `sitrep report`). The upsert
// is github/review-issue.ts; this command checks its input before any call to GitHub.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { SitrepError, UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { createGithubClient, resolveGithubTarget, writeIntervalFromEnv } from "../github/octokit.ts";
import { describeApiError, issuesApi } from "../github/issues-api.ts";
import { upsertReviewIssue } from "../github/review-issue.ts";

type Result = { week: string; action: string; number: number; warnings: string[] };

export const command: Command<Result> = {
  spec: {
    name: "review-issue",
    summary: "Open or update the weekly incident-review issue from a report.",
    usage: "sitrep review-issue --week <YYYY-Www> --file <report.md>",
    description:
      'Finds the "Incident review <week>" issue by its hidden marker (over every page of the label\'s issues) and\n' +
      "creates it, updates its body, or leaves it unchanged. Needs GITHUB_TOKEN with issues: write, and\n" +
      "GITHUB_REPOSITORY (owner/name) unless sitrep.config.yaml names github.repository.",
    options: {
      week: { type: "string", valueName: "YYYY-Www", description: "The ISO week of the report, e.g. 2026-W47." },
      file: { type: "string", valueName: "report.md", description: "The report's Markdown (what `sitrep report --output` wrote)." },
    },
    examples: ['npx sitrep review-issue --week 2026-W47 --file "$RUNNER_TEMP/review.md"'],
  },

  async run({ values, cwd, env }) {
    const week = values.week as string | undefined;
    if (!week || !/^\d{4}-W\d{2}$/.test(week)) throw new UsageError(`--week must be an ISO week such as 2026-W47${week ? `, not \`${week}\`` : ""}.`, "Usage: sitrep review-issue --week <YYYY-Www> --file <report.md>");
    if (typeof values.file !== "string") throw new UsageError("--file must name the report's Markdown file.", "Write it first with `sitrep report --week <week> --output <file>`.");
    let report: string;
    try {
      report = readFileSync(path.resolve(cwd, values.file), "utf8");
    } catch (error) {
      throw new SitrepError(`Could not read the report ${values.file}: ${(error as Error).message}`, { hint: "Write it first with `sitrep report --week <week> --output <file>`.", cause: error });
    }
    const { config } = loadConfig(findRecordsRoot(cwd));
    const target = resolveGithubTarget(env, config ?? { github: { labels: [] } });
    if (!target.token) {
      throw new SitrepError("GITHUB_TOKEN is not set, so the review issue cannot be written.", { hint: "In Actions pass `GITHUB_TOKEN: ${{ github.token }}` with `issues: write`; locally export a token." });
    }
    const warnings: string[] = [];
    const octokit = createGithubClient(target, { warn: (m) => warnings.push(m), writeIntervalMs: writeIntervalFromEnv(env) });
    try {
      const outcome = await upsertReviewIssue(issuesApi(octokit, target), week, report);
      return { week, action: outcome.action, number: outcome.number, warnings };
    } catch (error) {
      throw new SitrepError(`GitHub failed while writing the review issue: ${describeApiError(error)}.`, {
        hint: "Check GITHUB_TOKEN (it needs issues: write), GITHUB_REPOSITORY and GITHUB_API_URL, then run it again.",
        cause: error,
      });
    }
  },

  present: ({ week, action, number, warnings }) => ({
    stdout: `Incident review ${week}: ${action} #${number}`,
    stderr: warnings.map((w) => `warning: ${w}`).join("\n") || undefined,
    exitCode: 0,
  }),
};
