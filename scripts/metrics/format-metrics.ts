// The metrics report for people: a terminal table or Markdown for a job summary. Pure.
import type { MetricsBlock, MetricsReport } from "./compute-metrics.ts";
import type { Distribution } from "./statistics.ts";
import { formatDays, formatRate, table, type Flavour } from "./format-table.ts";
import { formatDuration } from "../model/duration.ts";

const DURATIONS: [keyof MetricsBlock["durations"], string][] = [
  ["ttd", "Time to detect (detected − started)"],
  ["tta", "Time to acknowledge (acknowledged − detected)"],
  ["ttm", "Time to mitigate (mitigated − started)"],
  ["ttr", "Time to resolve (resolved − started)"],
  ["declaration_lag", "Declaration lag (first commit − detected)"],
];

export function formatMetrics(report: MetricsReport, flavour: Flavour): string {
  const heading = (level: number, text: string) =>
    flavour === "markdown" ? `${"#".repeat(level)} ${text}` : level === 1 ? text.toUpperCase() : text;
  const out: string[] = [heading(flavour === "markdown" ? 2 : 1, "Incident metrics"), "", describeFilters(report, flavour)];
  out.push("", block(report.overall, flavour));
  for (const group of report.groups) {
    out.push("", heading(3, `${report.group_by}: ${group.label}`), "", block(group, flavour));
  }
  if (report.on_call.schedules.length > 0) {
    const counts = report.on_call.by_person.map((p) => `${p.person} ${p.incidents}`).join(", ") || "nobody";
    out.push(
      "",
      `On call when incidents started (${report.on_call.schedules.join(", ")}): ${counts}. Per incident: --json, or \`sitrep oncall report\`.`,
    );
  }
  out.push(
    "",
    `Percentiles: ${report.method.percentile}. Groups with n < ${report.method.small_sample_threshold} are marked "too small" — do not compare them.`,
  );
  return out.join("\n");
}

function describeFilters(report: MetricsReport, flavour: Flavour): string {
  const f = report.filters;
  const parts = [
    f.since || f.until ? `started ${f.since ?? "…"} to ${f.until ?? "…"}` : "all time",
    f.severity.length ? `severity ${f.severity.join(", ")}` : "",
    f.component.length ? `component ${f.component.join(", ")}` : "",
    f.include_drills ? "drills included" : "drills excluded",
    f.include_near_misses ? "near-misses included" : "near-misses excluded",
    "maintenance never counted",
  ].filter(Boolean);
  const h = report.history;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${parts.join(" · ")}${flavour === "markdown" ? "\n\n" : "\n"}History: ${plural(h.commits, "commit")}, ${plural(h.revisions, "revision")}${h.unparseable_revisions ? ` (${h.unparseable_revisions} that did not parse were ignored)` : ""}, as of ${report.generated_at}.`;
}

function distributionRow(label: string, d: Distribution): string[] {
  const f = d.unit === "days" ? formatDays : formatDuration;
  return [
    label,
    String(d.n),
    f(d.median),
    f(d.p90),
    f(d.mean),
    f(d.max),
    d.n === 0 ? "no data" : d.too_small ? "too small to compare" : "",
  ];
}

function block(b: MetricsBlock, flavour: Flavour): string {
  const i = b.incidents;
  const lines: string[] = [];
  lines.push(
    `Incidents: ${i.count} (${i.resolved} resolved, ${i.active} active, ${i.reopened} reopened${i.uncommitted ? `, ${i.uncommitted} not yet committed` : ""}${i.imported ? `, ${i.imported} imported (left out of declaration lag)` : ""})`,
  );
  lines.push("");
  const rows = DURATIONS.map(([key, label]) => distributionRow(label, b.durations[key]));
  rows.push(distributionRow("Postmortem lead time (published − resolved)", b.postmortems.lead_time));
  rows.push(distributionRow("Action item time to done (git)", b.action_items.time_to_done));
  lines.push(
    table(["metric", "n", "median", "p90", "mean", "max", ""], rows, flavour, [
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "left",
    ]),
  );
  lines.push("");
  const p = b.postmortems;
  const a = b.action_items;
  const c = b.update_cadence;
  const r = b.roles;
  const facts: string[][] = [
    ["Postmortems required", `${p.required} (${p.with_postmortem} written, ${p.published} published)`],
    ["Postmortems missing", `${p.missing} (${p.missing_overdue} overdue); ${p.unpublished_overdue} written but unpublished past due`],
    ["Action items", `${a.total}: ${a.open} open, ${a.done} done, ${a.wont_do} won't do; ${a.overdue} overdue`],
    ["Completion rate", `${formatRate(a.completion_rate)} (done ÷ items not won't-do)`],
    ["Done within SLO", `${formatRate(a.within_slo_rate)} (${a.done_within_slo} of ${a.done_measured} with a measurable time to done)`],
    ["Update cadence", `${formatRate(c.compliance_rate)} of ${c.checked} incidents on cadence; ${c.gap_count} gap(s)`],
    [
      "Commanders",
      r.with_commander === 0
        ? "none recorded"
        : `${r.distinct_commanders} distinct; busiest ${r.busiest_commander} led ${r.busiest_count} of ${r.with_commander} (${formatRate(r.busiest_share)})`,
    ],
  ];
  lines.push(flavour === "markdown" ? table(["", ""], facts, flavour) : facts.map(([k, v]) => `${`${k}:`.padEnd(23)}${v}`).join("\n"));
  return lines.join("\n");
}
