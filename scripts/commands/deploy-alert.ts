// `sitrep deploy-alert`: opens or closes the one issue that says the live site's deployed.json
// cannot be read (scripts/deploy/unreadable-alert.ts). deploy.yml runs it in a small job of its own
// with `issues: write` when `sitrep deploy-due --alert-issue` answered alert=open or alert=close,
// so the job that builds the site never holds a token that can write.
import type { Command } from "../cli/command.ts";
import { SitrepError, UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { createGithubClient, resolveGithubTarget } from "../github/octokit.ts";
import { describeApiError, issuesApi } from "../github/issues-api.ts";
import { closeAlert, openAlert } from "../deploy/alert-issue.ts";

interface Result {
  action: "created" | "exists" | "closed";
  number: number;
}

export const command: Command<Result> = {
  spec: {
    name: "deploy-alert",
    summary: "Open (or close) the one issue saying the live site's deployed.json cannot be read (for the scheduled deploy).",
    usage: "sitrep deploy-alert --action open --reason <text> | --action close --issue <number>",
    description:
      "--action open creates the issue (label status-site, found again by a hidden marker) unless one is open\n" +
      "already; --action close --issue <number> comments that deployed.json can be read again and closes it.\n" +
      "deploy.yml passes deploy-due's alert, alert_issue and reason outputs as they are. Uses GITHUB_TOKEN,\n" +
      "GITHUB_REPOSITORY (else github.repository) and GITHUB_API_URL; the run's link from GITHUB_SERVER_URL and GITHUB_RUN_ID.",
    options: {
      action: { type: "string", valueName: "open|close", description: "Open the issue (once), or close it." },
      reason: { type: "string", valueName: "text", description: "Why deployed.json could not be read (deploy-due's reason)." },
      issue: { type: "string", valueName: "number", description: "The issue to close (deploy-due's alert_issue)." },
    },
    examples: [
      'npx sitrep deploy-alert --action open --reason "https://status.acme.example/deployed.json answered HTTP 404"',
      "npx sitrep deploy-alert --action close --issue 42",
    ],
    exitCodes: "0 done, 2 the request failed or the flags are wrong.",
  },

  async run({ values, cwd, env }) {
    const action = values.action;
    if (action !== "open" && action !== "close")
      throw new UsageError(
        `--action \`${String(action ?? "")}\` is neither open nor close.`,
        "deploy.yml passes deploy-due's alert output: --action open or --action close.",
      );
    const close = action === "close" ? Number(values.issue) : undefined;
    if (close !== undefined && !(Number.isInteger(close) && close > 0))
      throw new UsageError(
        `--issue \`${String(values.issue ?? "")}\` is not an issue number.`,
        "--action close needs the issue to close, e.g. --issue 42.",
      );
    const { config } = loadConfig(findRecordsRoot(cwd));
    const target = resolveGithubTarget(env, config ?? { github: { labels: [] } });
    if (!target.token)
      throw new SitrepError("GITHUB_TOKEN is not set.", {
        hint: "deploy.yml passes github.token with `issues: write`; locally, export a token that may write issues.",
        exitCode: 2,
      });
    const api = issuesApi(createGithubClient(target, { warn: () => {} }), target);
    const runUrl = env.GITHUB_RUN_ID ? `${target.serverUrl}/${target.owner}/${target.repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    try {
      if (close !== undefined) {
        await closeAlert(api, close, runUrl);
        return { action: "closed", number: close };
      }
      return await openAlert(api, typeof values.reason === "string" && values.reason ? values.reason : "no reason given", runUrl);
    } catch (error) {
      throw new SitrepError(describeApiError(error), {
        hint: "Run the workflow again; if it repeats, check the token's `issues: write` permission.",
        exitCode: 2,
      });
    }
  },

  present: (result) => ({
    stdout:
      result.action === "closed"
        ? `Closed #${result.number}: deployed.json can be read again.`
        : result.action === "created"
          ? `Opened #${result.number}: deployed.json cannot be read.`
          : `#${result.number} already reports it.`,
    exitCode: 0,
  }),
};
