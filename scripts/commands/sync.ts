// `sitrep sync [--dry-run] [--json]`: one GitHub issue per postmortem action item, kept in step.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadRepository } from "../validate/load-repository.ts";
import { syncActionItems } from "../github/sync.ts";
import type { SyncReport } from "../github/sync.ts";
import { countByKind } from "../github/sync-plan.ts";
import type { Operation } from "../github/sync-plan.ts";
import { fenceUntrusted } from "../core/workflow-commands.ts";
import type { Problem } from "../core/diagnostic.ts";
import { annotations, problemText } from "../core/problem-output.ts";

export const command: Command<SyncReport> = {
  spec: {
    name: "sync",
    summary: "Keep one GitHub issue per postmortem action item.",
    usage: "sitrep sync [--dry-run] [--json]",
    description:
      "Creates an issue for every open action item, updates title/body/labels/assignee when the item changes,\n" +
      "closes the issue (with a comment naming the commit) when the item is done or wont_do, and adopts `issue: N`.\n" +
      "Issues are found by a hidden marker over a listing by the first label in github.labels; a second run writes nothing.\n" +
      "An issue closed by hand while its item is open is reported, never reopened.\n" +
      "Uses GITHUB_TOKEN, GITHUB_REPOSITORY (else github.repository) and GITHUB_API_URL.\n" +
      "Exit 0 in step, 1 something needs a person (drift reported), 2 a request failed or sync could not run (rerun it).",
    options: {
      "dry-run": {
        type: "boolean",
        description: "List issues and print the plan; write nothing (works without a token on public repositories).",
      },
      json: jsonOption("Print the plan and the outcome of every write as JSON."),
    },
    examples: ["npx sitrep sync --dry-run", "GITHUB_TOKEN=… GITHUB_REPOSITORY=acme/status npx sitrep sync", "npx sitrep sync --json"],
  },

  async run({ values, cwd, env, now }) {
    const repository = loadRepository(findRecordsRoot(cwd), { now });
    return syncActionItems(repository, { env, dryRun: values["dry-run"] === true });
  },

  present(report, { values, env }) {
    const exitCode = exitCodeOf(report);
    const annotate = env.GITHUB_ACTIONS === "true";
    const found = problems(report);
    // Warnings, drift and failures go to stderr in both modes; --json changes only stdout.
    const stdout = values.json ? JSON.stringify({ ...report, exitCode }, null, 2) : formatReport(report);
    // On Actions the problems are annotations (each escaped to one line: core/problem-output.ts);
    // stdout quotes records and GitHub's answers, so it is fenced (workflow-commands.ts).
    if (annotate) return { stdout: fenceUntrusted(stdout), stderr: annotations(found).join("\n"), exitCode, workflowCommands: true };
    return { stdout, stderr: found.map(problemText).join("\n"), exitCode };
  },
};

/** 2: a write failed (rerun). 1: drift only a person can resolve. 0: in step. */
export function exitCodeOf(report: SyncReport): number {
  if (report.outcomes.some((o) => o.status === "failed")) return 2;
  if (report.operations.some((op) => op.kind === "report")) return 1;
  return 0;
}

function formatReport(report: SyncReport): string {
  const counts = countByKind(report.operations);
  const written = report.outcomes.filter((o) => o.status === "ok").length;
  const head =
    `sitrep sync → ${report.repository} (label "${report.label}", ${report.listed} listed): ` +
    `${counts.create} to create, ${counts.update} to update, ${counts.adopt} to adopt, ${counts.close} to close, ${counts.report} to report, ${counts.noop} in step` +
    `${counts.notice ? `, ${counts.notice} untrusted ignored` : ""}.`;
  const lines = report.operations.filter((op) => op.kind !== "noop").map(formatOperation);
  const tail = report.dryRun ? "Dry run: nothing was written." : `${written} write(s) done in ${report.requests} request(s).`;
  return [head, ...lines, tail].join("\n");
}

function formatOperation(op: Operation): string {
  const at = "number" in op && op.number !== undefined ? `#${op.number} ` : "";
  switch (op.kind) {
    case "create":
      return `  create  ${op.key}  "${op.title}"${op.assignees.length ? ` → @${op.assignees[0]}` : ""}`;
    case "update":
      return `  update  ${at}${op.key} (${op.reasons.join(", ")})`;
    case "adopt":
      return `  adopt   ${at}${op.key}${op.close ? ` and close (${op.close.status})` : ""}`;
    case "close":
      return `  close   ${at}${op.key} (${op.close.status})`;
    case "report":
      return `  report  ${at}${op.key}: ${op.message}`;
    case "notice":
      return `  ignore  ${at}${op.key}: ${op.message}`;
    default:
      return `  noop    ${at}${op.key}`;
  }
}

/** What a person should see: GitHub's warnings, drift only a person can resolve, untrusted issues, failed writes. */
function problems(report: SyncReport): Problem[] {
  const found: Problem[] = report.warnings.map((message) => ({
    severity: "warning",
    rule: "sync-github",
    message,
    hint: "The run went on; the warning says what to check if it keeps happening.",
  }));
  for (const op of report.operations) {
    if (op.kind === "report") {
      found.push({
        severity: "warning",
        rule: "sync-drift",
        message: `${op.key}: ${op.message}`,
        hint: "Only a person can settle this: sync reports it on every run (exit 1) until the record or the issue changes.",
      });
    }
  }
  // Untrusted issues: said once per run, never a failure (exitCodeOf ignores notices).
  for (const op of report.operations) {
    if (op.kind === "notice")
      found.push({
        severity: "notice",
        rule: "sync-untrusted",
        message: `${op.key}: ${op.message}`,
        hint: "Nothing to do: sync never edits an issue it does not trust (docs/github.md).",
      });
  }
  for (const f of report.outcomes.filter((o) => o.status === "failed")) {
    found.push({
      severity: "error",
      rule: "sync-write",
      message: `${f.kind} ${f.number ? `#${f.number} ` : ""}${f.key} failed: ${f.message}`,
      hint: f.hint ?? "Run `sitrep sync` again: it finds every issue written so far by its marker, so nothing is duplicated.",
    });
  }
  return found;
}
