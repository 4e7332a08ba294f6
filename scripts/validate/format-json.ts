// Machine-readable output: { version, summary, diagnostics[] }, each diagnostic with file, line,
// column (1-based), rule, severity, message and hint.
import { countBySeverity, type Diagnostic } from "../core/diagnostic.ts";

export function formatJson(diagnostics: readonly Diagnostic[], fileCount: number): string {
  return JSON.stringify({ version: 1, summary: { files: fileCount, ...countBySeverity(diagnostics) }, diagnostics }, null, 2);
}
