// The shape of every problem sitrep reports (after vfile-message and ESLint). It sits in core/,
// below records/, because every layer reports problems: records find them while reading,
// validate places them, errors.ts carries them to the CLI, formatters print them.

export type DiagnosticSeverity = "error" | "warning";

/** How bad: errors fail the run, warnings are reported, notices only inform (sync's untrusted issues). */
export type ProblemSeverity = DiagnosticSeverity | "notice";

/**
 * One problem, wherever it was found — validate's diagnostics, notify's channels and deliveries,
 * sync's drift and failures, the error classes (scripts/errors.ts) — so one printer serves all
 * (core/problem-output.ts). Where it is and which rule found it are there when they are known.
 */
export interface Problem {
  severity: ProblemSeverity;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** Path from the records root, forward slashes. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Stable id of the rule or check, e.g. `status-matches-last-update`, `notify-delivery`. */
  rule?: string;
}

/** A problem in a record file: always placed, always from a named rule. */
export interface Diagnostic extends Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: DiagnosticSeverity;
  /** The JSON path in the front matter the problem is about, when there is one. */
  path?: (string | number)[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}
