// How a problem (core/diagnostic.ts) is printed, the same for every command: as a GitHub Actions
// annotation (`::error file=…,line=…,col=…,title=sitrep <rule>::<message> Hint: <hint>`, data
// escaped so one problem is one line: workflow-commands.ts), or as text for a terminal
// (`error: <message>` then `hint: <hint>`). validate's github format, notify and sync use these.
import type { Problem } from "./diagnostic.ts";
import { escapeData, escapeProperty } from "./workflow-commands.ts";
import { escapeControlCharacters as visible } from "./control-characters.ts";

/** GitHub shows at most 10 annotations of a kind per step. */
export const ANNOTATIONS_PER_RULE = 10;

/** One problem as one workflow command line. */
export function annotation(problem: Problem, options: { pathPrefix?: string } = {}): string {
  const props = [
    problem.file === undefined ? undefined : `file=${escapeProperty(`${options.pathPrefix ?? ""}${problem.file}`)}`,
    problem.line === undefined ? undefined : `line=${problem.line}`,
    problem.column === undefined ? undefined : `col=${problem.column}`,
    `title=${escapeProperty(`sitrep ${problem.rule ?? "problem"}`)}`,
  ].filter((p) => p !== undefined);
  return `::${problem.severity} ${props.join(",")}::${escapeData(visible(`${problem.message} Hint: ${problem.hint}`))}`;
}

/** The annotations of a run, at most ANNOTATIONS_PER_RULE per rule, then a notice of how many were left out. */
export function annotations(problems: readonly Problem[], options: { pathPrefix?: string } = {}): string[] {
  const lines: string[] = [];
  const perRule = new Map<string, number>();
  let omitted = 0;
  for (const problem of problems) {
    const rule = problem.rule ?? "problem";
    const count = (perRule.get(rule) ?? 0) + 1;
    perRule.set(rule, count);
    if (count > ANNOTATIONS_PER_RULE) omitted++;
    else lines.push(annotation(problem, options));
  }
  if (omitted > 0) lines.push(`::notice::${omitted} more problem(s) not annotated (GitHub shows 10 per kind); all are listed below.`);
  return lines;
}

/**
 * One problem for a terminal: `<severity>: <file:line:col: >message`, then its hint on the next
 * line. Control characters a record smuggled into a message (an ESC in a title) are escaped.
 */
export function problemText(problem: Problem): string {
  const place =
    problem.file === undefined
      ? ""
      : `${problem.file}${problem.line === undefined ? "" : `:${problem.line}${problem.column === undefined ? "" : `:${problem.column}`}`}: `;
  return visible(`${problem.severity}: ${place}${problem.message}\nhint: ${problem.hint}`);
}
