// The shape of every problem sitrep reports (after vfile-message and ESLint).

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

/**
 * A rule's finding before it is placed in the file: a JSON path into the front matter
 * (or a fixed line for problems outside it). Positions are resolved only for files with
 * findings, so clean files never pay for a position-tracking parse.
 */
export interface Finding {
  file: string;
  rule: string;
  severity: DiagnosticSeverity;
  message: string;
  hint: string;
  /** JSON path into the front matter; [] means the front matter as a whole. */
  path?: (string | number)[];
  /** Point at the key of the last path segment instead of its value (unknown fields). */
  at?: "key" | "value";
  /** A known position (parse errors, file-level problems). Takes precedence over `path`. */
  line?: number;
  column?: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}
