// `sitrep deploy-due`: would the public site change since the last deploy? The scheduled deploy
// asks before building (docs/github.md, "The schedule"); the logic is scripts/deploy/publish-due.ts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { SitrepError, UsageError } from "../errors.ts";
import { createGithubClient, resolveGithubTarget } from "../github/octokit.ts";
import { describeApiError, issuesApi, type IssuesApi } from "../github/issues-api.ts";
import { findOpenAlert } from "../deploy/alert-issue.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadRepository } from "../validate/load-repository.ts";
import { buildClock, type BuildClock } from "../deploy/build-clock.ts";
import { formatStamp, readStamp, stampUrl, STAMP_FILE } from "../deploy/deploy-stamp.ts";
import { publishDue, type DeployStamp, type DueDecision } from "../deploy/publish-due.ts";
import { unreadableStampAlert, type AlertAction } from "../deploy/unreadable-alert.ts";
import { exampleConfigurationReason } from "../github/pre-init.ts";

const FORMATS = ["text", "github", "json"] as const;
type Format = (typeof FORMATS)[number];

type Result =
  | { kind: "decision"; decision: DueDecision; source: string; format: Format; alert: AlertAction }
  | { kind: "stamp"; file: string; text: string }
  | { kind: "build-time"; clock: BuildClock };

export const command: Command<Result> = {
  spec: {
    name: "deploy-due",
    summary: "Tell whether the public site would change since the last deploy (for the scheduled deploy).",
    usage:
      "sitrep deploy-due [--deployed <url|file>] [--since <time>] [--commit <sha>] [--max-age <minutes>] [--alert-issue] [--format text|github|json] | --write-stamp <file> | --build-time <build.json>",
    description:
      "The site is computed at build time, so without a new commit it changes only when the clock passes a time in\n" +
      "the records (a maintenance window starts or ends, a future-dated update becomes due), when a new day begins in\n" +
      "site.timezone (the 90-day bars roll over), or while an incident or maintenance is open. The last deploy is read\n" +
      `from the ${STAMP_FILE} the deploy publishes with the site (default <site.url>/${STAMP_FILE}); when it cannot be\n` +
      'read, or names another commit than this run\'s (--commit, default GITHUB_SHA), the answer is "due".\n' +
      'While sitrep.config.yaml is still the template\'s example (before `sitrep init`) the answer is "not due".\n' +
      "--alert-issue (the scheduled deploy): an unreadable stamp is reported once — the first such run is due and\n" +
      "answers alert=open (the workflow opens one issue with `sitrep deploy-alert`); while that issue is open, runs\n" +
      "are not due; once the stamp reads again, alert=close. Reads issues with GITHUB_TOKEN and GITHUB_REPOSITORY.\n" +
      "--format github prints due=true|false, reason=…, next=…, alert=none|open|close and alert_issue=… lines for\n" +
      "$GITHUB_OUTPUT. Exit 0 either way.\n" +
      `--write-stamp <file> writes the ${STAMP_FILE} of a build made now (SITREP_NOW, if set) from --commit.\n` +
      "--build-time <build.json> prints the time to build at: now, or the live build's built_at when that is later\n" +
      "(a runner clock behind it would drop updates the live site shows, and notify would announce them again).",
    options: {
      deployed: {
        type: "string",
        valueName: "url|file",
        description: `Where the last deploy's ${STAMP_FILE} is (default: under site.url).`,
      },
      since: { type: "string", valueName: "time", description: `The last deploy's time (RFC 3339), instead of reading ${STAMP_FILE}.` },
      commit: { type: "string", valueName: "sha", description: "The commit this run builds (default GITHUB_SHA)." },
      "max-age": { type: "string", valueName: "minutes", description: "Rebuild anyway when the last deploy is at least this old." },
      format: { type: "string", short: "f", valueName: "text|github|json", description: "Output format (default text)." },
      json: { type: "boolean", aliasOf: "format", description: "Same as --format json." },
      "alert-issue": { type: "boolean", description: "Report an unreadable stamp once, by one issue (see above)." },
      "write-stamp": { type: "string", valueName: "file", description: `Write ${STAMP_FILE} for a build made now, then exit.` },
      "build-time": {
        type: "string",
        valueName: "build.json",
        description: "Print the time to build at (now, never before this live build.json's built_at), then exit.",
      },
    },
    examples: [
      "npx sitrep deploy-due",
      "npx sitrep deploy-due --since 2026-11-22T11:45:00Z",
      'npx sitrep deploy-due --format github >> "$GITHUB_OUTPUT"',
      "npx sitrep deploy-due --write-stamp dist/deployed.json",
    ],
  },

  async run({ values, cwd, env, now }) {
    const commit = (values.commit as string | undefined) ?? env.GITHUB_SHA;
    if (typeof values["write-stamp"] === "string") {
      const file = path.resolve(cwd, values["write-stamp"]);
      const text = formatStamp({ builtAt: now, commit });
      writeFileSync(file, text);
      return { kind: "stamp", file, text };
    }
    if (typeof values["build-time"] === "string") {
      const file = path.resolve(cwd, values["build-time"]);
      return { kind: "build-time", clock: buildClock(now, existsSync(file) ? readFileSync(file, "utf8") : undefined) };
    }
    const format = (values.json ? "json" : (values.format ?? "text")) as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format \`${format}\`.`, `Use one of: ${FORMATS.join(", ")}.`);
    const maxAge = values["max-age"] === undefined ? undefined : Number(values["max-age"]);
    if (maxAge !== undefined && !(Number.isFinite(maxAge) && maxAge > 0)) {
      throw new UsageError(
        `--max-age \`${String(values["max-age"])}\` is not a number of minutes.`,
        "e.g. --max-age 360 to rebuild at least every 6 hours.",
      );
    }
    const repository = loadRepository(findRecordsRoot(cwd), { now });
    const none: AlertAction = { action: "none" };
    const example = exampleConfigurationReason(repository.config.site.url);
    if (example)
      return { kind: "decision", decision: { due: false, reason: example, next: null }, source: "sitrep.config.yaml", format, alert: none };

    let last: DeployStamp | undefined;
    let source: string;
    let unreadable: string | undefined;
    if (typeof values.since === "string") {
      const time = Date.parse(values.since);
      if (Number.isNaN(time))
        throw new UsageError(`--since \`${values.since}\` is not a time.`, "Give an RFC 3339 time such as 2026-11-22T11:45:00Z.");
      last = { builtAt: new Date(time) };
      source = "--since";
    } else {
      source = (values.deployed as string | undefined) ?? stampUrl(repository.config.site.url);
      const stamp = await readStamp(source.startsWith("http") ? source : path.resolve(cwd, source));
      if (typeof stamp === "string") unreadable = stamp;
      else last = stamp;
    }
    const decided = publishDue({ repository, now, last, head: commit, maxAgeMinutes: maxAge });
    // Say why there is no stamp: "could not be read" alone would not tell a 404 from a timeout.
    if (unreadable) decided.reason = `${decided.reason}: ${unreadable}`;
    if (values["alert-issue"] !== true) return { kind: "decision", decision: decided, source, format, alert: none };
    const api = alertIssuesApi(env, repository.config);
    let openIssue: number | undefined;
    try {
      openIssue = await findOpenAlert(api);
    } catch (error) {
      // GitHub could not be asked: decide as without --alert-issue (build when unsure), and say so.
      decided.reason = `${decided.reason} (the alert issue could not be looked up: ${describeApiError(error)})`;
      return { kind: "decision", decision: decided, source, format, alert: none };
    }
    const { decision, alert } = unreadableStampAlert({ decision: decided, unreadable, openIssue });
    return { kind: "decision", decision, source, format, alert };
  },

  present(result) {
    if (result.kind === "stamp") return { stdout: `Wrote ${result.file}:\n${result.text}`, exitCode: 0 };
    if (result.kind === "build-time") {
      // Whole seconds for now (as `date -u +%FT%TZ` gave); the live build's time exactly, never before it.
      const at = result.clock.note ? result.clock.at : new Date(Math.floor(result.clock.at.getTime() / 1000) * 1000);
      return {
        stdout: at.toISOString().replace(".000Z", "Z"),
        stderr: result.clock.note ? `Note: ${result.clock.note}.` : "",
        exitCode: 0,
      };
    }
    const { decision, format, alert } = result;
    const next = decision.next?.toISOString() ?? "";
    const alertIssue = alert.action === "close" ? String(alert.issue) : "";
    if (format === "json") {
      return {
        stdout: JSON.stringify(
          {
            due: decision.due,
            reason: decision.reason,
            next: decision.next?.toISOString() ?? null,
            source: result.source,
            alert: alert.action,
            alert_issue: alertIssue || null,
          },
          null,
          2,
        ),
        exitCode: 0,
      };
    }
    // One line per output: a newline in a value would end it early in $GITHUB_OUTPUT.
    if (format === "github") {
      return {
        stdout: [
          `due=${decision.due}`,
          `reason=${decision.reason.replace(/[\r\n]+/g, " ")}`,
          `next=${next}`,
          `alert=${alert.action}`,
          `alert_issue=${alertIssue}`,
        ].join("\n"),
        exitCode: 0,
      };
    }
    return { stdout: `${decision.due ? "Due" : "Not due"}: ${decision.reason}.`, exitCode: 0 };
  },
};

/** The issues API for --alert-issue: GITHUB_TOKEN (issues: read is enough here) and the repository. */
function alertIssuesApi(env: Record<string, string | undefined>, config: Parameters<typeof resolveGithubTarget>[1]): IssuesApi {
  const target = resolveGithubTarget(env, config);
  if (!target.token) {
    throw new SitrepError("--alert-issue needs GITHUB_TOKEN to look for the issue that reports an unreadable deployed.json.", {
      hint: "deploy.yml passes github.token with `issues: read`; locally, leave out --alert-issue.",
      exitCode: 2,
    });
  }
  return issuesApi(createGithubClient(target, { warn: () => {} }), target);
}
