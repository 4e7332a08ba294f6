// Tables as aligned plain text (terminal) or GitHub-flavoured Markdown (job summaries). Pure.
export type Flavour = "text" | "markdown";

export function table(header: string[], rows: string[][], flavour: Flavour, align: ("left" | "right")[] = []): string {
  if (flavour === "markdown") {
    const escape = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
    const lines = [`| ${header.map(escape).join(" | ")} |`, `|${header.map((_, i) => (align[i] === "right" ? "---:" : "---")).join("|")}|`];
    for (const row of rows) lines.push(`| ${row.map(escape).join(" | ")} |`);
    return lines.join("\n");
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (align[i] === "right" ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** 95 → "1h 35m"; 3000 → "2d 2h"; 0.5 → "30s". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  const sign = minutes < 0 ? "-" : "";
  const m = Math.abs(minutes);
  if (m < 1) return `${sign}${Math.round(m * 60)}s`;
  if (m < 60) return `${sign}${Math.round(m)}m`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = Math.round(m - h * 60);
    return `${sign}${h}h${rest ? ` ${rest}m` : ""}`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m - d * 1440) / 60);
  return `${sign}${d}d${h ? ` ${h}h` : ""}`;
}

export function formatDays(days: number | null): string {
  return days === null ? "–" : `${days.toFixed(1)} d`;
}

export function formatRate(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(0)} %`;
}
