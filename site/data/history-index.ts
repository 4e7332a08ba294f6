// The history pages as Statuspage shows them: each month's incidents and maintenance with title,
// impact and duration, three months (a quarter) per page, newest first. Maintenance that has not
// started yet is not history: it is listed apart (and on the status page), never at the top.
import type { BuildContext } from "./build-context.ts";
import { archiveMonths, type IncidentSummary, type MonthView } from "./views.ts";
import { toMillis } from "../../scripts/core/time.ts";

export interface QuarterMonth {
  /** YYYY-MM. */
  month: string;
  label: string;
  incidents: IncidentSummary[];
  /** True when the month has its own page (/history/YYYY-MM/). */
  hasPage: boolean;
}

export interface QuarterView {
  /** "2026-q4"; the newest quarter is served at /history/ itself. */
  key: string;
  /** "October to December 2026". */
  label: string;
  /** Newest month first; months after the newest month with an entry are left out. */
  months: QuarterMonth[];
  /** Path under the site base: "history/" for the newest quarter, else "history/<key>/". */
  path: string;
  /** The pager's neighbours. */
  newer: { path: string; label: string } | undefined;
  older: { path: string; label: string } | undefined;
}

export interface HistoryIndex {
  quarters: QuarterView[];
  /** Maintenance scheduled to start after the build time, soonest first. */
  upcoming: IncidentSummary[];
}

const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const MONTH_YEAR = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Months that belong to history: the archive without maintenance that has not started. */
export function historyMonths(context: BuildContext): MonthView[] {
  const now = context.now.getTime();
  return archiveMonths(context)
    .map((month) => ({ ...month, incidents: month.incidents.filter((i) => !isUpcoming(i, now)) }))
    .filter((month) => month.incidents.length > 0);
}

export function historyIndex(context: BuildContext): HistoryIndex {
  const now = context.now.getTime();
  const months = historyMonths(context);
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const keys = [...new Set(months.map((m) => quarterOf(m.month)))];
  const quarters = keys.map((key, index): QuarterView => {
    const [year, q] = [Number(key.slice(0, 4)), Number(key.slice(6))];
    const monthKeys = [3, 2, 1].map((n) => `${year}-${String((q - 1) * 3 + n).padStart(2, "0")}`);
    // The newest quarter starts at its newest month with an entry, not at empty months ahead.
    const shown = index === 0 ? monthKeys.slice(monthKeys.indexOf(months[0].month)) : monthKeys;
    return {
      key,
      label: `${MONTH_NAME.format(monthDate(monthKeys[2]))} to ${MONTH_YEAR.format(monthDate(monthKeys[0]))}`,
      months: shown.map((month) => ({
        month,
        label: MONTH_YEAR.format(monthDate(month)),
        incidents: byMonth.get(month)?.incidents ?? [],
        hasPage: byMonth.has(month),
      })),
      path: index === 0 ? "history/" : `history/${key}/`,
      newer: undefined,
      older: undefined,
    };
  });
  // Each page links its neighbours (newest first), so the pager reaches the oldest quarter.
  quarters.forEach((quarter, i) => {
    const link = (q: QuarterView | undefined) => (q ? { path: q.path, label: q.label } : undefined);
    quarter.newer = link(quarters[i - 1]);
    quarter.older = link(quarters[i + 1]);
  });
  const upcoming = archiveMonths(context)
    .flatMap((m) => m.incidents)
    .filter((i) => isUpcoming(i, now))
    .sort((a, b) => (toMillis(a.start) ?? Number.NaN) - (toMillis(b.start) ?? Number.NaN));
  return { quarters, upcoming };
}

function isUpcoming(incident: IncidentSummary, now: number): boolean {
  return incident.type === "maintenance" && (toMillis(incident.start) ?? -Infinity) > now;
}

/** "2026-11" → "2026-q4". */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

function monthDate(month: string): Date {
  return new Date(`${month}-01T12:00:00Z`);
}
