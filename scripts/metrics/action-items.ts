// Postmortem action items: one row per item with its dates, then counts and rates. Pure.
//
// Statuses come from today's files. Dates come from git when history is available: `added_at`
// (the item first reached the main line) and `closed_at` (the change to done / wont_do that
// stands today). Without history (not a git repository), `added_at` falls back to the
// incident's resolved_at (the anchor of the default due date) and `closed_at` is unknown.
//
// Completion rate = done ÷ (all − wont_do): a decision not to do an item is not a failure to
// do it. Time to done = closed_at − added_at for items whose history shows them open first
// (an item committed already done has no measurable time to done). Within SLO: time to done ≤
// policies.action_item_due_days[priority].
import type { Config, IncidentRecord, PostmortemRecord } from "../records/record-types.ts";
import type { HistoryEvents } from "../history/events.ts";
import { distribution, rate, round, type Distribution } from "./statistics.ts";
import { daysBetween, toUtc } from "./time-boundaries.ts";
import { compareCodeUnits } from "../records/order.ts";
import { daysFrom, isActionItemOverdue } from "../model/due-dates.ts";
import { utcDate } from "../core/time.ts";
import { dueAnchor } from "../model/incident-times.ts";

export interface ActionItemRow {
  /** `<postmortem id>/<item id>` */
  key: string;
  postmortem: string;
  incident: string;
  id: string;
  title: string;
  owner: string;
  priority: "P1" | "P2" | "P3";
  kind: string;
  status: "open" | "done" | "wont_do";
  /** YYYY-MM-DD (from the file, or the policy default). */
  due: string;
  issue: number | null;
  severity: string | null;
  added_at: string | null;
  /** "git": from history; "incident": the incident's resolved (or started) time, history unavailable. */
  added_at_source: "git" | "incident" | null;
  closed_at: string | null;
  /** Days from added_at to closed_at (closed items) or to now (open items). */
  age_days: number | null;
  overdue: boolean;
  /** Whole days past due (open items only), else 0. */
  days_overdue: number;
  /** Days from added to done, when history shows it open first. */
  time_to_done_days: number | null;
  within_slo: boolean | null;
  /** Earlier keys, when the item was moved from another postmortem. */
  moved_from: string[];
}

export interface ActionItemMetrics {
  total: number;
  open: number;
  done: number;
  wont_do: number;
  overdue: number;
  completion_rate: number | null;
  /** Done items with a measurable time to done. */
  done_measured: number;
  done_within_slo: number;
  within_slo_rate: number | null;
  time_to_done: Distribution;
}

export function actionItemRows(
  postmortems: readonly PostmortemRecord[],
  incidents: readonly IncidentRecord[],
  config: Config,
  history: HistoryEvents | undefined,
  now: Date,
): ActionItemRow[] {
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const today = utcDate(now);
  const rows: ActionItemRow[] = [];
  for (const postmortem of postmortems) {
    const incident = incidentById.get(postmortem.data.incident);
    for (const item of postmortem.data.action_items) {
      const key = `${postmortem.id}/${item.id}`;
      const timeline = history?.actionItems.get(key);
      let addedAt: string | null = null;
      let source: ActionItemRow["added_at_source"] = null;
      let closedAt: string | null = null;
      let timeToDone: number | null = null;
      if (timeline) {
        addedAt = timeline.addedAt;
        source = "git";
        const last = timeline.statuses[timeline.statuses.length - 1];
        if (item.status !== "open" && last?.status === item.status) closedAt = last.at;
        // Measurable only if the item was open at some point before it was done.
        if (item.status === "done" && closedAt && timeline.statuses.length > 1) timeToDone = daysBetween(addedAt, closedAt);
      } else if (!history) {
        const anchor = incident && dueAnchor(incident.data);
        if (anchor) {
          addedAt = toUtc(anchor);
          source = "incident";
        }
      }
      const end = item.status === "open" ? now.toISOString() : closedAt;
      const overdue = isActionItemOverdue(item, now);
      const slo = config.policies.action_item_due_days[item.priority];
      rows.push({
        key,
        postmortem: postmortem.id,
        incident: postmortem.data.incident,
        id: item.id,
        title: item.title,
        owner: item.owner,
        priority: item.priority,
        kind: item.kind,
        status: item.status,
        due: item.due,
        issue: item.issue ?? null,
        severity: incident?.data.severity ?? null,
        added_at: addedAt,
        added_at_source: source,
        closed_at: closedAt,
        age_days: addedAt && end ? round(Math.max(0, daysBetween(addedAt, end))) : null,
        overdue,
        days_overdue: overdue ? daysFrom(item.due, today) : 0,
        time_to_done_days: timeToDone === null ? null : round(timeToDone),
        within_slo: timeToDone === null ? null : timeToDone <= slo,
        moved_from: timeline?.previousKeys ?? [],
      });
    }
  }
  return rows.sort((a, b) => compareCodeUnits(a.key, b.key));
}

export function actionItemMetrics(rows: readonly ActionItemRow[]): ActionItemMetrics {
  const count = (status: ActionItemRow["status"]) => rows.filter((r) => r.status === status).length;
  const done = count("done");
  const wontDo = count("wont_do");
  const measured = rows.filter((r) => r.time_to_done_days !== null);
  const within = measured.filter((r) => r.within_slo).length;
  return {
    total: rows.length,
    open: count("open"),
    done,
    wont_do: wontDo,
    overdue: rows.filter((r) => r.overdue).length,
    completion_rate: rate(done, rows.length - wontDo),
    done_measured: measured.length,
    done_within_slo: within,
    within_slo_rate: rate(within, measured.length),
    time_to_done: distribution(
      measured.map((r) => r.time_to_done_days as number),
      "days",
    ),
  };
}
