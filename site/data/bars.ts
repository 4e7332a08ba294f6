// The daily bars of one component as the page draws them: plain days, and links for the days
// with impact. Pure: takes the component's days (oldest first) and returns what to render.
//
// Days with impact that lie close together share one link: on a 90-day row each bar is about
// 6-9 px wide, and WCAG 2.5.8 wants the centres of small targets at least 24 px apart
// (docs/decisions/0095-bars-as-links.md). Groups never cross the start of the recent period,
// so narrow screens, which show only that period, never show half a link.
import type { ComponentStatus, Indicator } from "../../scripts/model/vocabulary.ts";
import { RECENT_DAYS, type ComponentView, type DayView } from "./views/component-view.ts";

export { UPTIME_FORMULA_TEXT } from "../../scripts/status/uptime.ts";
/** Days drawn on narrow screens: declared beside BAR_DAYS in views/component-view.ts, which computes the recent uptime. */
export { RECENT_DAYS };
/** Impact days with fewer plain days than this between them share one link. */
export const MIN_PLAIN_DAYS_BETWEEN_LINKS = 3;

export type BarCell =
  | { kind: "day" }
  | { kind: "link"; anchor: string; label: string; days: ComponentStatus[] };

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
  const result: BarCell[] = [];
  let i = 0;
  while (i < days.length) {
    if (days[i].status === "operational") {
      result.push({ kind: "day" });
      i++;
      continue;
    }
    // Extend the group while the next impact day is fewer than MIN_PLAIN_DAYS_BETWEEN_LINKS away.
    let end = i;
    for (let j = i + 1; j < days.length && j - end <= MIN_PLAIN_DAYS_BETWEEN_LINKS; j++) {
      if (days[j].status !== "operational") end = j;
    }
    const group = days.slice(i, end + 1);
    result.push({
      kind: "link",
      anchor: dayAnchor(group[0].date),
      label: group.filter((d) => d.status !== "operational").map((d) => daySummary(d, formatMinutes)).join("; "),
      days: group.map((d) => d.status),
    });
    i = end + 1;
  }
  return result;
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
