// The dashboard's charts as SVG strings, drawn at build time with Observable Plot on a
// server-side DOM (linkedom): no client JavaScript. Every mark uses currentColor, so the charts
// follow the page's light or dark text colour; median and p90 differ by mark shape, not colour.
// Each chart is one image with a name; its numbers are in the table beside it.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { formatDuration } from "../../scripts/model/duration.ts";
import type { DashboardData } from "./dashboard-data.ts";

/** Fewer month-end points than this draw no line (two points on a time axis mislead); the table has them. */
export const MIN_POINTS_FOR_A_LINE = 3;

export interface DashboardCharts {
  ttrBySeverity: string;
  monthlyCount: string;
  monthlyTtr: string;
  actionItems: string;
  declarationLag: string;
  commanders: string;
}

type PlotOptions = Parameters<typeof Plot.plot>[0];
/** The part of linkedom's element the charts use (the project compiles without DOM types). */
type SvgNode = {
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): Iterable<{ removeAttribute(name: string): void }>;
  outerHTML: string;
};

function svg(name: string, label: string, options: PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({
    document,
    className: `chart-${name}`,
    width: 640,
    style: { background: "transparent", fontSize: "12px" },
    ariaLabel: label,
    ...options,
  } as PlotOptions) as unknown as SvgNode;
  chart.setAttribute("role", "img");
  // Plot names its mark groups with aria-label, which ARIA forbids on an element without a role
  // (axe: aria-prohibited-attr); inside one image they add nothing, so only the svg keeps a name.
  for (const part of chart.querySelectorAll("[aria-label]")) part.removeAttribute("aria-label");
  return chart.outerHTML;
}

const HOURS = (minutes: number) => minutes / 60;
/** Axis ticks in hours, written like every duration on the site ("40 min", "2 h 5 min"). */
const hoursTick = (hours: number) => formatDuration(hours * 60);
/** Whole-number ticks from 0 to at least `max`, at most about six: a count axis never reads "0, 1, 1, 2". */
export function countTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(Math.max(1, max) / 5));
  return Array.from({ length: Math.ceil(Math.max(1, max) / step) + 1 }, (_, i) => i * step);
}

export function dashboardCharts(data: DashboardData): DashboardCharts {
  const ttr = data.ttrBySeverity.flatMap((g) => g.values.map((v) => ({ group: g.key, hours: HOURS(v.minutes) })));
  const ttrMarks = data.ttrBySeverity
    .filter((g) => g.stats.median !== null)
    .flatMap((g) => [
      { group: g.key, hours: HOURS(g.stats.median!), mark: "median" },
      { group: g.key, hours: HOURS(g.stats.p90!), mark: "p90" },
    ]);
  const lag = data.declarationLag.values.map((v) => ({ hours: HOURS(v.minutes) }));
  const lagStats = data.declarationLag.stats;
  const itemRows = data.actionItems.points.flatMap((p) => [
    { date: new Date(`${p.date}T12:00:00Z`), state: "open", count: p.open },
    { date: new Date(`${p.date}T12:00:00Z`), state: "done", count: p.done },
    { date: new Date(`${p.date}T12:00:00Z`), state: "overdue", count: p.overdue },
  ]);
  const months = data.months.map((m) => ({
    month: new Date(`${m.month}-15T12:00:00Z`),
    incidents: m.incidents,
    ttr: m.ttr.median === null ? null : HOURS(m.ttr.median),
  }));
  return {
    ttrBySeverity: svg("ttr", "Time to resolve per severity, log scale, with median and p90 marked", {
      height: 60 + 40 * Math.max(1, data.ttrBySeverity.length),
      marginLeft: 60,
      x: { type: "log", label: "Time to resolve (log scale) →", grid: true, tickFormat: hoursTick, ticks: 4 },
      y: { label: null, domain: data.ttrBySeverity.map((g) => g.key) },
      marks: [
        Plot.dot(ttr, { x: "hours", y: "group", r: 3, fill: "currentColor", fillOpacity: 0.5 }),
        Plot.tickX(
          ttrMarks.filter((m) => m.mark === "median"),
          { x: "hours", y: "group", strokeWidth: 3 },
        ),
        Plot.tickX(
          ttrMarks.filter((m) => m.mark === "p90"),
          { x: "hours", y: "group", strokeWidth: 1.5, strokeDasharray: "3,2" },
        ),
      ],
    }),
    monthlyCount: svg("monthly-count", "Incidents per month", {
      height: 200,
      x: { type: "band", label: null, tickFormat: "%b %y" },
      y: { label: "↑ Incidents", grid: true, ticks: countTicks(Math.max(0, ...months.map((m) => m.incidents))), tickFormat: "d" },
      marks: [Plot.barY(months, { x: "month", y: "incidents", fill: "currentColor", fillOpacity: 0.7 }), Plot.ruleY([0])],
    }),
    monthlyTtr: svg("monthly-ttr", "Median time to resolve per month", {
      height: 200,
      x: { type: "band", label: null, tickFormat: "%b %y" },
      y: { label: "↑ Median time to resolve", grid: true, tickFormat: hoursTick, ticks: 4 },
      marks: [
        Plot.dot(
          months.filter((m) => m.ttr !== null),
          { x: "month", y: "ttr", r: 4, fill: "currentColor" },
        ),
        Plot.ruleY([0]),
      ],
    }),
    actionItems:
      data.actionItems.points.length < MIN_POINTS_FOR_A_LINE
        ? ""
        : svg("action-items", "Action items open, done and overdue at the end of each month", {
            height: 220,
            x: { type: "utc", label: null },
            y: { label: "↑ Action items", grid: true, ticks: countTicks(Math.max(0, ...itemRows.map((r) => r.count))), tickFormat: "d" },
            marks: [
              // Told apart by dash pattern (open solid, done dashed, overdue dotted) and an end label.
              ...(["open", "done", "overdue"] as const).map((state, i) =>
                Plot.lineY(
                  itemRows.filter((r) => r.state === state),
                  { x: "date", y: "count", stroke: "currentColor", strokeWidth: 2, strokeDasharray: ["none", "6,3", "2,2"][i] },
                ),
              ),
              Plot.dot(itemRows, { x: "date", y: "count", r: 3, fill: "currentColor" }),
              Plot.text(
                itemRows.filter((r) => r.date.getTime() === itemRows.at(-1)?.date.getTime()),
                { x: "date", y: "count", text: "state", dx: 6, textAnchor: "start" },
              ),
              Plot.ruleY([0]),
            ],
            marginRight: 60,
          }),
    declarationLag: svg("declaration-lag", "Declaration lag per incident, log scale, with median and p90 marked", {
      height: 110,
      x: { type: "log", label: "Detected → record committed (log scale) →", grid: true, tickFormat: hoursTick, ticks: 4 },
      marks: [
        Plot.dot(lag, { x: "hours", r: 3, fill: "currentColor", fillOpacity: 0.5 }),
        ...(lagStats.median !== null
          ? [
              Plot.tickX([HOURS(lagStats.median)], { x: (d: number) => d, strokeWidth: 3 }),
              Plot.tickX([HOURS(lagStats.p90!)], { x: (d: number) => d, strokeDasharray: "3,2" }),
            ]
          : []),
      ],
    }),
    commanders: svg("commanders", "Incidents led per incident commander", {
      height: 40 + 22 * Math.max(1, data.commanders.length),
      marginLeft: 110,
      x: {
        label: "Incidents led →",
        grid: true,
        ticks: countTicks(Math.max(0, ...data.commanders.map((c) => c.incidents))),
        tickFormat: "d",
      },
      y: { label: null, domain: data.commanders.map((c) => c.person) },
      marks: [Plot.barX(data.commanders, { x: "incidents", y: "person", fill: "currentColor", fillOpacity: 0.7 }), Plot.ruleX([0])],
    }),
  };
}

/** On-call hours per person, the out-of-hours part darker: who carries the rotation, and its nights and weekends. */
export function onCallChart(people: readonly { person: string; hours: number; out_of_hours: number }[]): string {
  const rows = [...people].sort((a, b) => b.hours - a.hours);
  return svg("on-call", "On-call hours per person, out of hours darker", {
    height: 40 + 22 * Math.max(1, rows.length),
    marginLeft: 110,
    x: { label: "Hours on call →", grid: true },
    y: { label: null, domain: rows.map((r) => r.person) },
    marks: [
      Plot.barX(rows, { x: "hours", y: "person", fill: "currentColor", fillOpacity: 0.3 }),
      Plot.barX(rows, { x: "out_of_hours", y: "person", fill: "currentColor", fillOpacity: 0.8 }),
      Plot.ruleX([0]),
    ],
  });
}
