// The shape of every problem sitrep reports (after vfile-message and ESLint). It sits in core/,
// below records/, because every layer reports problems: records find them while reading,
// validate places them, errors.ts carries them to the CLI, formatters print them.

export type DiagnosticSeverity = "error" | "warning";

export interface Diagnostic {
  /** Path from the records root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Stable rule id, e.g. `status-matches-last-update`. */
  rule: string;
  severity: DiagnosticSeverity;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  hint: string;
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
