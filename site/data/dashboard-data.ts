// The internal dashboard's numbers, from the same functions `sitrep metrics` uses
// (scripts/metrics): per-incident durations, groups, action-item rows and distributions. Pure:
// records, history events and the clock in, plain data out; site/data/dashboard.ts does the I/O.
import { recordKey, type HistoryEvents } from "../../scripts/history/events.ts";
import { actionItemRows } from "../../scripts/metrics/action-items.ts";
import { incidentDurations } from "../../scripts/metrics/durations.ts";
import { groupIncidents, selectIncidents } from "../../scripts/metrics/selection.ts";
import { distribution, SMALL_SAMPLE, type Distribution } from "../../scripts/metrics/statistics.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { millis, utcDate } from "../../scripts/core/time.ts";

export { SMALL_SAMPLE };

export interface DurationGroup {
  key: string;
  label: string;
  /** Minutes, one per incident that has the duration. */
  values: { id: string; title: string; minutes: number }[];
  stats: Distribution;
}

export interface MonthRow {
  month: string;
  incidents: number;
  ttr: Distribution;
}

export interface ActionItemPoint {
  /** Last day of the month (YYYY-MM-DD), or the build date for the current month. */
  date: string;
  done: number;
  open: number;
  overdue: number;
}

export interface DashboardData {
  ttrBySeverity: DurationGroup[];
  months: MonthRow[];
  actionItems: { points: ActionItemPoint[]; undatedDone: number };
  declarationLag: DurationGroup;
  /** Incidents whose record first reached git after they were resolved (written up afterwards): not in the lag. */
  backfilled: number;
  commanders: { person: string; incidents: number; share: number }[];
  /** Incidents counted (drills, near misses and maintenance left out, as `sitrep metrics` does). */
  incidentCount: number;
}

export function dashboardData(repository: Repository, history: HistoryEvents | undefined, now: Date): DashboardData {
  const { config } = repository;
  const incidents = selectIncidents(repository.incidents, {
    severities: [],
    components: [],
    includeDrills: false,
    includeNearMisses: false,
  });
  const durations = new Map(incidents.map((i) => [i.id, incidentDurations(i, history)]));
  const titled = (list: typeof incidents, key: "ttr" | "declaration_lag") =>
    list.flatMap((i) => {
      const minutes = durations.get(i.id)?.[key];
      return minutes === undefined ? [] : [{ id: i.id, title: i.data.title, minutes }];
    });
  const group = (key: string, label: string, list: typeof incidents, which: "ttr" | "declaration_lag"): DurationGroup => {
    const values = titled(list, which);
    return {
      key,
      label,
      values,
      stats: distribution(
        values.map((v) => v.minutes),
        "minutes",
      ),
    };
  };
  const severityNames = new Map(config.severities.map((s) => [s.id, s.name]));
  const ttrBySeverity = groupIncidents(incidents, "severity", config).map((g) =>
    group(g.key, severityNames.has(g.key) ? `${g.key} · ${severityNames.get(g.key)}` : g.label, g.incidents, "ttr"),
  );
  const months = groupIncidents(incidents, "month", config).map((g) => ({
    month: g.key,
    incidents: g.incidents.length,
    ttr: distribution(
      titled(g.incidents, "ttr").map((v) => v.minutes),
      "minutes",
    ),
  }));
  const counts = new Map<string, number>();
  for (const i of incidents) {
    const person = i.data.roles?.commander;
    if (person) counts.set(person, (counts.get(person) ?? 0) + 1);
  }
  const withCommander = [...counts.values()].reduce((a, b) => a + b, 0);
  const backfilled = new Set(incidents.filter((i) => isBackfilled(i, history)).map((i) => i.id));
  return {
    ttrBySeverity,
    months,
    actionItems: actionItemsOverTime(repository, history, now),
    declarationLag: group(
      "all",
      "All incidents",
      incidents.filter((i) => !backfilled.has(i.id)),
      "declaration_lag",
    ),
    backfilled: backfilled.size,
    commanders: [...counts]
      .map(([person, n]) => ({ person, incidents: n, share: n / withCommander }))
      .sort((a, b) => b.incidents - a.incidents || a.person.localeCompare(b.person)),
    incidentCount: incidents.length,
  };
}

/**
 * A record first committed after its incident was resolved was written up afterwards (imported or
 * back-filled): its "lag" says when someone wrote it down, not how late the incident was declared.
 */
function isBackfilled(incident: Repository["incidents"][number], history: HistoryEvents | undefined): boolean {
  const declaredAt = history?.records.get(recordKey("incident", incident.id))?.declaredAt;
  const resolvedAt = incident.data.resolved_at;
  return declaredAt !== undefined && resolvedAt !== undefined && millis(declaredAt) > millis(resolvedAt);
}

/**
 * Open, done and overdue action items at the end of each month since the first was added. An
 * item counts from its added_at; a done item from its closed_at. Done items whose closing the
 * history cannot date count as done only at the build date (reported as undatedDone).
 */
function actionItemsOverTime(repository: Repository, history: HistoryEvents | undefined, now: Date): DashboardData["actionItems"] {
  const rows = actionItemRows(repository.postmortems, repository.incidents, repository.config, history, now);
  const added = rows
    .map((r) => r.added_at)
    .filter((a): a is string => a !== null)
    .sort();
  if (added.length === 0) return { points: [], undatedDone: 0 };
  const today = utcDate(now);
  const points: ActionItemPoint[] = [];
  for (let month = added[0].slice(0, 7); ; month = nextMonth(month)) {
    // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings; Math.min would make them NaN.
    const end = lastDay(month) < today ? lastDay(month) : today;
    const at = `${end}T23:59:59Z`;
    let done = 0,
      open = 0,
      overdue = 0;
    for (const row of rows) {
      if (row.added_at === null || row.added_at > at || row.status === "wont_do") continue;
      const closedBy = row.closed_at !== null ? row.closed_at <= at : row.status === "done" && end === today;
      if (row.status === "done" && closedBy) done++;
      else if (row.status === "open" || !closedBy) {
        open++;
        if (row.due < end) overdue++;
      }
    }
    points.push({ date: end, done, open, overdue });
    if (end === today) break;
  }
  return { points, undatedDone: rows.filter((r) => r.status === "done" && r.closed_at === null).length };
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return utcDate(Date.UTC(y, m, 0));
}
