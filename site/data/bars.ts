// The daily bars of one component as the page draws them: plain days, and links for the days
// with impact. Pure: takes the component's days (oldest first) and returns what to render.
//
// Each day with impact is its own link, named by that day alone (decision 0122: a shared link
// repeated a run's days in its name and tip). Narrow screens lay the recent days out as 24 px
// cells, so every link there is a 24×24 target (WCAG 2.5.8); see site.css.
import type { ComponentStatus, Indicator } from "../../scripts/model/vocabulary.ts";
import { RECENT_DAYS, type ComponentView, type DayView } from "./views/component-view.ts";

export { UPTIME_FORMULA_TEXT } from "../../scripts/status/uptime.ts";

/** Days drawn on narrow screens (≤ 40rem): declared beside BAR_DAYS in views/component-view.ts, which computes the recent uptime. */
export { RECENT_DAYS };

export type BarCell = { kind: "day" } | { kind: "link"; anchor: string; label: string; status: ComponentStatus };

export interface BarsView {
  /** Days before the recent period (hidden on narrow screens). */
  older: BarCell[];
  recent: BarCell[];
  /** Number of days in each part, for the labels. */
  olderDays: number;
  recentDays: number;
  /** Days with impact in the whole period and in the recent part. */
  impactDays: number;
  recentImpactDays: number;
}

/** The fragment of a day on the component page (its row in "Days with impact"). */
export function dayAnchor(date: string): string {
  return `day-${date}`;
}

const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "17 Nov 2026: degraded performance 25 min, partial outage 36 min (Elevated checkout errors)". */
export function daySummary(day: DayView, formatMinutes: (minutes: number) => string): string {
  const date = DAY_LABEL.format(new Date(`${day.date}T12:00:00Z`));
  const impact = day.minutes.map((m) => `${m.label.toLowerCase()} ${formatMinutes(m.minutes)}`).join(", ");
  const incidents = day.incidents.length > 0 ? ` (${day.incidents.map((i) => i.title).join("; ")})` : "";
  return `${date}: ${impact}${incidents}`;
}

export function barsView(component: ComponentView, formatMinutes: (minutes: number) => string): BarsView {
  const split = Math.max(0, component.days.length - RECENT_DAYS);
  const older = component.days.slice(0, split);
  const recent = component.days.slice(split);
  const impacted = (d: DayView) => d.status !== "operational";
  return {
    older: cells(older, formatMinutes),
    recent: cells(recent, formatMinutes),
    olderDays: older.length,
    recentDays: recent.length,
    impactDays: component.days.filter(impacted).length,
    recentImpactDays: recent.filter(impacted).length,
  };
}

function cells(days: DayView[], formatMinutes: (minutes: number) => string): BarCell[] {
  return days.map(
    (day): BarCell =>
      day.status === "operational"
        ? { kind: "day" }
        : { kind: "link", anchor: dayAnchor(day.date), label: daySummary(day, formatMinutes), status: day.status },
  );
}

const IMPACT_LABELS: Record<Indicator, string> = {
  none: "No customer impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
  maintenance: "Maintenance",
};

/** An incident's impact in words, for cards and lists (colour only repeats it). */
export function impactLabel(impact: Indicator): string {
  return IMPACT_LABELS[impact];
}
