// ESLint-style report: grouped by file, `line:col  severity  message  rule`, the hint below, then a count.
import { styleText } from "node:util";
import { countBySeverity, type Diagnostic } from "../core/diagnostic.ts";
import { escapeControlCharacters as visible } from "../core/control-characters.ts";

export function formatPretty(diagnostics: readonly Diagnostic[], options: { color: boolean }): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, text, { validateStream: false }) : text;
  if (diagnostics.length === 0) return "";
  const lines: string[] = [];
  for (const [file, group] of Map.groupBy(diagnostics, (d) => d.file)) {
    lines.push(paint("underline", visible(file)));
    const width = Math.max(...group.map((d) => `${d.line}:${d.column}`.length));
    for (const d of group) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const severity = d.severity === "error" ? paint("red", "error  ") : paint("yellow", "warning");
      // A message may quote a record's value: its control characters are shown, not obeyed.
      lines.push(`  ${paint("dim", where)}  ${severity}  ${visible(d.message)}  ${paint("dim", d.rule)}`);
      lines.push(`  ${" ".repeat(width)}  ${paint("dim", `hint: ${visible(d.hint)}`)}`);
    }
    lines.push("");
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const summary = `✖ ${errors + warnings} problem${errors + warnings === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"})`;
  lines.push(paint(errors > 0 ? ["red", "bold"] : ["yellow", "bold"], summary));
  return lines.join("\n");
}
