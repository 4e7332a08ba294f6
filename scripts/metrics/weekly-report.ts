// The weekly incident-review report as data. Pure: records, events, the week and `now`.
//
// Everything is judged as of the end of the week (or `now`, if the week is not over), using
// history for what the repository knew then: which incidents had been declared (first commit),
// which postmortems existed, each action item's status at that moment. Resolved-in-week uses
// the recorded resolved_at. Due dates and owners are today's (history keeps statuses only).
import type { Repository } from "../records/record-types.ts";
import { itemStatusAt, recordKey, type HistoryEvents } from "../history/events.ts";
import { actionItemRows } from "./action-items.ts";
import { cadenceGaps, type CadenceGap } from "./cadence-compliance.ts";
import { postmortemDues, type PostmortemDue } from "./postmortems.ts";
import { selectIncidents, type Selection } from "./selection.ts";
import { rate, round } from "./statistics.ts";
import { shiftWeek, type IsoWeek } from "./iso-week.ts";
import { daysFrom, runbookReview } from "../model/due-dates.ts";
import { toUtc } from "./time-boundaries.ts";
import { utcDate } from "../core/time.ts";
import { responseMinutes } from "../model/incident-times.ts";
import { loadReport, type LoadReport } from "../oncall/load-report.ts";
import type { Schedule } from "../oncall/schedule.ts";

export const TREND_WEEKS = 8;

export interface ReportIncident {
  id: string;
  title: string;
  severity: string | null;
  type: string;
  /** A game day (only listed with --include-drills): tagged so it never reads as a real outage. */
  drill: boolean;
  status: string;
  declared_at: string | null;
  resolved_at: string | null;
  ttr_minutes: number | null;
}

export interface OverdueItem {
  key: string;
  title: string;
  priority: string;
  due: string;
  days_overdue: number;
}

export interface WeeklyReport {
  week: IsoWeek;
  as_of: string;
  declared: ReportIncident[];
  resolved: ReportIncident[];
  missing_postmortems: PostmortemDue[];
  overdue_by_owner: { owner: string; items: OverdueItem[] }[];
  completion_trend: { week: string; as_of: string; done: number; open: number; wont_do: number; rate: number | null }[];
  cadence_gaps: CadenceGap[];
  runbooks_overdue: { id: string; title: string; owner: string; last_reviewed: string; due: string; days_overdue: number }[];
  /** On-call load during the week (up to `as_of`), per person and rotation; null without schedules (docs/oncall.md). */
  on_call: LoadReport | null;
}

export function weeklyReport(
  repository: Repository,
  history: HistoryEvents,
  week: IsoWeek,
  selection: Selection,
  now: Date,
  schedules: readonly Schedule[] = [],
): WeeklyReport {
  const asOf = toUtc(Math.min(Date.parse(week.end), now.getTime()));
  const asOfDate = new Date(asOf);
  const inWeek = (time: string | undefined | null) =>
    !!time && Date.parse(time) >= Date.parse(week.start) && Date.parse(time) <= Date.parse(week.end);
  const incidents = selectIncidents(repository.incidents, selection);
  const declaredAt = (id: string) => history.records.get(recordKey("incident", id))?.declaredAt ?? null;
  const toRow = (i: (typeof incidents)[number]): ReportIncident => ({
    id: i.id,
    title: i.data.title,
    severity: i.data.severity ?? null,
    type: i.data.type,
    drill: i.data.drill === true,
    status: i.data.status,
    declared_at: declaredAt(i.id),
    resolved_at: i.data.resolved_at ? toUtc(i.data.resolved_at) : null,
    ttr_minutes: ttrOf(i.data),
  });
  const byTime = (key: "declared_at" | "resolved_at") => (a: ReportIncident, b: ReportIncident) =>
    (a[key] ?? "").localeCompare(b[key] ?? "");

  // Postmortems that existed at as_of (by their first commit; uncommitted ones count as existing).
  const postmortemsThen = repository.postmortems.filter((p) => {
    const declared = history.records.get(recordKey("postmortem", p.id))?.declaredAt;
    return declared === undefined || declared <= asOf;
  });
  const resolvedByThen = incidents.filter((i) => i.data.resolved_at && Date.parse(i.data.resolved_at) <= asOfDate.getTime());
  const missing = postmortemDues(resolvedByThen, postmortemsThen, repository.config, asOfDate).filter((d) => d.status === "missing");

  // Action items of the selected incidents, with each one's status at a moment.
  const selectedIds = new Set(incidents.map((i) => i.id));
  const rows = actionItemRows(repository.postmortems, repository.incidents, repository.config, history, now).filter((r) =>
    selectedIds.has(r.incident),
  );
  const statusAt = (row: (typeof rows)[number], time: string) => {
    const timeline = history.actionItems.get(row.key);
    return timeline ? itemStatusAt(timeline, time) : row.status; // not committed yet: today's status
  };
  const owners = new Map<string, OverdueItem[]>();
  const today = utcDate(asOf);
  for (const row of rows) {
    if (statusAt(row, asOf) !== "open" || !(row.due < today)) continue;
    let list = owners.get(row.owner);
    if (!list) owners.set(row.owner, (list = []));
    list.push({ key: row.key, title: row.title, priority: row.priority, due: row.due, days_overdue: daysFrom(row.due, today) });
  }
  const overdueByOwner = [...owners.entries()]
    .map(([owner, items]) => ({ owner, items: items.sort((a, b) => b.days_overdue - a.days_overdue || a.key.localeCompare(b.key)) }))
    .sort((a, b) => b.items.length - a.items.length || a.owner.localeCompare(b.owner));

  const trend = [];
  for (let offset = -(TREND_WEEKS - 1); offset <= 0; offset++) {
    const w = shiftWeek(week, offset);
    const at = toUtc(Math.min(Date.parse(w.end), now.getTime()));
    let done = 0;
    let open = 0;
    let wontDo = 0;
    for (const row of rows) {
      const status = statusAt(row, at);
      if (status === "done") done++;
      else if (status === "open") open++;
      else if (status === "wont_do") wontDo++;
    }
    trend.push({ week: w.label, as_of: at, done, open, wont_do: wontDo, rate: rate(done, done + open) });
  }

  const gaps = incidents
    .flatMap((i) => cadenceGaps(i, repository.config, asOfDate).gaps)
    .filter((g) => Date.parse(g.from) <= Date.parse(week.end) && Date.parse(g.to) >= Date.parse(week.start))
    .sort((a, b) => a.from.localeCompare(b.from));

  const runbooks = repository.runbooks
    .map((r) => {
      const review = runbookReview(r.data, asOfDate);
      return {
        id: r.id,
        title: r.data.title,
        owner: r.data.owner,
        last_reviewed: r.data.last_reviewed,
        due: review.due,
        days_overdue: review.daysOverdue,
      };
    })
    .filter((r) => r.days_overdue > 0)
    .sort((a, b) => b.days_overdue - a.days_overdue || a.id.localeCompare(b.id));

  return {
    week,
    as_of: asOf,
    declared: incidents
      .map(toRow)
      .filter((r) => inWeek(r.declared_at))
      .sort(byTime("declared_at")),
    resolved: incidents
      .map(toRow)
      .filter((r) => inWeek(r.resolved_at))
      .sort(byTime("resolved_at")),
    missing_postmortems: missing,
    overdue_by_owner: overdueByOwner,
    completion_trend: trend,
    cadence_gaps: gaps,
    runbooks_overdue: runbooks,
    on_call:
      schedules.length === 0 || Date.parse(asOf) <= Date.parse(week.start)
        ? null
        : loadReport({ schedules, incidents, config: repository.config, from: Date.parse(week.start), to: Date.parse(asOf) + 1000 }),
  };
}

function ttrOf(data: Parameters<typeof responseMinutes>[0]): number | null {
  const { ttr } = responseMinutes(data);
  return ttr === undefined ? null : round(ttr);
}
