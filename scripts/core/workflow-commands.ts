// Everything sitrep prints where a GitHub Actions runner reads it goes through here.
//
// The runner treats any output line that starts (after blanks) with `::` or `##[` as a workflow
// command: `::add-mask::`, `::error file=…::`, `::stop-commands::`… Record text, file names and
// GitHub issue titles are untrusted, and the pretty report prints them verbatim, so a status of
// "resolvd\n::error::Injected" would reach the runner as a command (issue 13 item 3).
// Two tools, as in actions/toolkit: annotations escape their data (escapeData/escapeProperty),
// and any other text that could hold a command is fenced with `::stop-commands::<token>` and
// `::<token>::`, the token random per block so the text cannot guess it and end the fence early.
// See docs/decisions/0082-actions-output-fenced.md.
import { randomBytes } from "node:crypto";

/** Per actions/toolkit's command.ts: data escapes %, CR and LF, so a message stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Properties (file=, title=) also escape `:` and `,`, which would end or split them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A line the runner would read as a command: `::name…` or the legacy `##[name…`, after blanks. */
const COMMAND_LINE = /^[ \t\f\v\uFEFF\xA0]*(::|##\[)/m;

/** Whether GitHub Actions reads this process's output (the runner sets GITHUB_ACTIONS=true). */
export function onActions(env: Record<string, string | undefined>): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/**
 * Text that may carry untrusted content, made inert for the runner: unchanged when no line could
 * be a command (logs stay clean), else fenced by stop-commands. The fence's own lines are
 * commands, so callers put it on lines of its own; a group (`::group::`) must enclose the fence,
 * as `::endgroup::` inside it would be ignored too.
 */
export function fenceUntrusted(text: string, token = randomToken()): string {
  if (!COMMAND_LINE.test(text.replace(/\r/g, "\n"))) return text;
  const trailing = text.endsWith("\n") ? "\n" : "";
  return `::stop-commands::${token}\n${trailing ? text.slice(0, -1) : text}\n::${token}::${trailing}`;
}

/** fenceUntrusted when on GitHub Actions; elsewhere the text as it is. */
export function forActionsLog(text: string, env: Record<string, string | undefined>): string {
  return onActions(env) ? fenceUntrusted(text) : text;
}

function randomToken(): string {
  return `sitrep-${randomBytes(16).toString("hex")}`;
}
