// Tables as aligned plain text (terminal) or GitHub-flavoured Markdown (job summaries). Pure.
export type Flavour = "text" | "markdown";

export function table(header: string[], rows: string[][], flavour: Flavour, align: ("left" | "right")[] = []): string {
  if (flavour === "markdown") {
    const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
    const lines = [
      `| ${header.map(escapeCell).join(" | ")} |`,
      `|${header.map((_, i) => (align[i] === "right" ? "---:" : "---")).join("|")}|`,
    ];
    for (const row of rows) lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
    return lines.join("\n");
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function formatDays(days: number | null): string {
  return days === null ? "–" : `${days.toFixed(1)} d`;
}

export function formatRate(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(0)} %`;
}
