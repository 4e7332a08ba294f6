// What an authoring command returns, and how the CLI shows it: the files written (with the
// record data as validated), warnings about them, and the commands to run next.
import path from "node:path";
import type { CommandOutput } from "../cli/command.ts";
import type { RecordKind, Repository } from "../records/record-types.ts";
import type { Diagnostic } from "../core/diagnostic.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import { SITREP } from "../core/run-sitrep.ts";

/** The exit codes of every command that writes records (docs/declaring-an-incident.md, ADR 0086). */
export const AUTHORING_EXIT_CODES =
  "0 written, or nothing to do (a note says why; e.g. resolving a resolved incident); 1 nothing was written\n" +
  "because the result would not validate or a record it needs is broken (the report says where); 2 nothing was\n" +
  "written because of the command line (unknown flag or id, missing value, bad time); 130 cancelled at a prompt.";

export interface WrittenRecord {
  /** Path from the records root. */
  path: string;
  id: string;
  kind: RecordKind | "config";
  /** The front matter as written (what the schema validated). */
  record: Record<string, unknown>;
}

export interface AuthoringResult {
  /** One line saying what was done, e.g. "Declared SEV2 incident 2026-11-22-checkout-errors". */
  summary: string;
  root: string;
  written: WrittenRecord[];
  removed: string[];
  warnings: Diagnostic[];
  /** Warnings about the situation rather than a record (a similar open incident), on stderr. */
  cautions?: string[];
  /** Shell commands to paste (git, gh). */
  commands: string[];
  commandsTitle: string;
  /** Free-form advice printed last. */
  notes: string[];
  /** Facts of this command's own that --json adds beside the record (publish-postmortem: what became public). */
  details?: Record<string, unknown>;
}

/** The written record's front matter, from the validation of the would-be repository. */
export function writtenRecord(repository: Repository, kind: RecordKind, recordPath: string): WrittenRecord {
  const all = kind === "incident" ? repository.incidents : kind === "postmortem" ? repository.postmortems : repository.runbooks;
  const found = all.find((r) => r.source.path === recordPath);
  return { path: recordPath, id: path.posix.basename(recordPath, ".md"), kind, record: found?.raw ?? {} };
}

export function presentAuthoring(
  result: AuthoringResult,
  input: { values: Record<string, unknown>; cwd: string; color: boolean },
): CommandOutput {
  if (input.values.json === true) {
    const [only] = result.written;
    const payload =
      result.written.length === 0
        ? { written: [], removed: result.removed, warnings: result.warnings, cautions: result.cautions ?? [], note: result.summary }
        : result.written.length === 1 && result.removed.length === 0
          ? { path: only.path, id: only.id, record: only.record, warnings: result.warnings, cautions: result.cautions }
          : { written: result.written, removed: result.removed, warnings: result.warnings, cautions: result.cautions };
    return { stdout: JSON.stringify({ ...payload, ...result.details }, null, 2), stderr: cautionText(result), exitCode: 0 };
  }
  const shown = (p: string) => path.relative(input.cwd, path.join(result.root, p)) || p;
  const lines = [`${result.written.length === 0 && result.removed.length === 0 ? "·" : "✔"} ${result.summary}`];
  for (const w of result.written) lines.push(`  wrote   ${shown(w.path)}`);
  if (result.removed.length > 0) lines.push(`  removed ${result.removed.length} example record(s)`);
  // A pull request to open: `sitrep publish` does it in one step (init's commit is not one).
  const pullRequest = result.commands.some((c) => c.startsWith("gh pr create"));
  const title = pullRequest
    ? `Or by hand — ${result.commandsTitle[0]?.toLowerCase() ?? ""}${result.commandsTitle.slice(1)}`
    : result.commandsTitle;
  if (result.commands.length > 0)
    lines.push("", ...(pullRequest ? [`Publish it in one step: ${SITREP} publish`] : []), title, ...result.commands.map((c) => `  ${c}`));
  if (result.notes.length > 0) lines.push("", ...result.notes);
  const stderr =
    [cautionText(result), result.warnings.length > 0 ? formatPretty(result.warnings, { color: input.color }) : undefined]
      .filter(Boolean)
      .join("\n") || undefined;
  return { stdout: lines.join("\n"), stderr, exitCode: 0 };
}

function cautionText(result: AuthoringResult): string | undefined {
  return result.cautions && result.cautions.length > 0 ? result.cautions.map((c) => `warning: ${c}`).join("\n") : undefined;
}
