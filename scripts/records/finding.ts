// A problem found while reading or checking records, before it is placed at a line and column.
// It lives with the records (the lowest layer) because reading a file already finds problems
// (encoding, front matter, YAML); validate/ places findings and turns them into diagnostics.
import type { DiagnosticSeverity } from "../core/diagnostic.ts";

export type { DiagnosticSeverity };

/**
 * A finding before it is placed in the file: a JSON path into the front matter (or a fixed
 * line for problems outside it). Positions are resolved only for files with findings, so clean
 * files never pay for a position-tracking parse.
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
