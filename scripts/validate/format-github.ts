// GitHub Actions workflow commands: one annotation per problem (the first 10 per rule, as
// GitHub shows at most 10 of a kind per step), then the full report in the log.
import type { Diagnostic } from "../core/diagnostic.ts";
import { formatPretty } from "./format-pretty.ts";
import { escapeData, escapeProperty, fenceUntrusted } from "../core/workflow-commands.ts";

export const ANNOTATIONS_PER_RULE = 10;

export function formatGithub(diagnostics: readonly Diagnostic[], options: { pathPrefix?: string } = {}): string {
  const lines: string[] = [];
  const perRule = new Map<string, number>();
  let omitted = 0;
  for (const d of diagnostics) {
    const count = (perRule.get(d.rule) ?? 0) + 1;
    perRule.set(d.rule, count);
    if (count > ANNOTATIONS_PER_RULE) {
      omitted++;
      continue;
    }
    const file = `${options.pathPrefix ?? ""}${d.file}`;
    const props = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(`sitrep ${d.rule}`)}`;
    lines.push(`::${d.severity === "error" ? "error" : "warning"} ${props}::${escapeData(`${d.message} Hint: ${d.hint}`)}`);
  }
  if (omitted > 0) lines.push(`::notice::${omitted} more problem(s) not annotated (GitHub shows 10 per kind); all are listed below.`);
  if (diagnostics.length > 0) {
    lines.push("::group::All problems");
    // The report prints values and file names verbatim: fenced, so none of its lines is a command.
    lines.push(fenceUntrusted(formatPretty(diagnostics, { color: false })));
    lines.push("::endgroup::");
  }
  return lines.join("\n");
}
