// The weekly report as Markdown. Pure.
import type { WeeklyReport } from "./weekly-report.ts";
import { formatLoadTables } from "./format-oncall.ts";
import { formatRate, table } from "./format-table.ts";
import { formatDuration } from "../model/duration.ts";

export function formatWeeklyReport(report: WeeklyReport): string {
  const out: string[] = [];
  const { week } = report;
  out.push(`# Incident review — ${week.label}`, "");
  out.push(
    `${week.start.slice(0, 10)} to ${week.end.slice(0, 10)} (UTC). Judged as of ${report.as_of}, from the records and their git history.`,
  );

  out.push("", "## Incidents declared this week", "");
  out.push(
    markdownTableOrNone(
      ["incident", "severity", "status", "declared (first commit)"],
      report.declared.map((i) => [`${i.id} — ${i.title}`, label(i), i.status, i.declared_at ?? "–"]),
    ),
  );
  out.push("", "## Incidents resolved this week", "");
  out.push(
    markdownTableOrNone(
      ["incident", "severity", "resolved", "time to resolve"],
      report.resolved.map((i) => [`${i.id} — ${i.title}`, label(i), i.resolved_at ?? "–", formatDuration(i.ttr_minutes)]),
      ["left", "left", "left", "right"],
    ),
  );

  out.push("", "## Incidents that need a postmortem and have none", "");
  out.push(
    markdownTableOrNone(
      ["incident", "severity", "resolved", "due", "overdue"],
      report.missing_postmortems.map((d) => [d.incident, d.severity, d.resolved_at, d.due_at, d.overdue ? "yes" : "not yet"]),
    ),
  );

  out.push("", "## Overdue action items by owner", "");
  if (report.overdue_by_owner.length === 0) out.push("None.");
  for (const { owner, items } of report.overdue_by_owner) {
    out.push(`### @${owner} (${items.length})`, "");
    out.push(
      table(
        ["item", "title", "priority", "due", "days overdue"],
        items.map((i) => [i.key, i.title, i.priority, i.due, String(i.days_overdue)]),
        "markdown",
        ["left", "left", "left", "left", "right"],
      ),
      "",
    );
  }
  if (report.overdue_by_owner.length > 0) out.pop();

  out.push("", `## Action-item completion, last ${report.completion_trend.length} weeks`, "");
  out.push("Completion rate = done ÷ (done + open) among the items that existed at the end of each week (won't-do left out).", "");
  out.push(
    table(
      ["week", "done", "open", "won't do", "completion"],
      report.completion_trend.map((t) => [t.week, String(t.done), String(t.open), String(t.wont_do), formatRate(t.rate)]),
      "markdown",
      ["left", "right", "right", "right", "right"],
    ),
  );

  out.push("", "## Update cadence gaps", "");
  out.push(
    markdownTableOrNone(
      ["incident", "severity", "silent from", "to", "gap", "expected"],
      report.cadence_gaps.map((g) => [
        g.incident,
        g.severity,
        g.from,
        g.ongoing ? `${g.to} (ongoing)` : g.to,
        formatDuration(g.minutes),
        `every ${g.expected_minutes} min`,
      ]),
    ),
  );

  out.push("", "## Runbooks overdue for review", "");
  out.push(
    markdownTableOrNone(
      ["runbook", "owner", "last reviewed", "due", "days overdue"],
      report.runbooks_overdue.map((r) => [`${r.id} — ${r.title}`, `@${r.owner}`, r.last_reviewed, r.due, String(r.days_overdue)]),
      ["left", "left", "left", "left", "right"],
    ),
  );
  if (report.on_call) {
    out.push("", "## On-call load", "");
    out.push(formatLoadTables(report.on_call, "markdown"));
  }
  return `${out.join("\n")}\n`;
}

/** A section's table, or "None." when it has no rows (an empty table reads as a rendering fault). */
function markdownTableOrNone(header: string[], rows: string[][], align?: ("left" | "right")[]): string {
  return rows.length === 0 ? "None." : table(header, rows, "markdown", align);
}

function label(i: { severity: string | null; type: string; drill?: boolean }): string {
  return `${i.severity ?? "–"}${i.type === "near_miss" ? " (near-miss)" : ""}${i.drill ? " (drill)" : ""}`;
}
