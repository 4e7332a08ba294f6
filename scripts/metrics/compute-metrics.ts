// The whole metrics report: one block for everything selected, one per group. Pure: records,
// events and `now` in, data out. The JSON shape (docs/metrics.md) is this data.
import type { Repository } from "../records/record-types.ts";
import type { HistoryEvents } from "../history/events.ts";
import { recordKey } from "../history/events.ts";
import { actionItemMetrics, actionItemRows, type ActionItemMetrics, type ActionItemRow } from "./action-items.ts";
import { cadenceMetrics, type CadenceMetrics } from "./cadence-compliance.ts";
import { durationMetrics, type DurationMetrics } from "./durations.ts";
import { postmortemMetrics, type PostmortemMetrics } from "./postmortems.ts";
import { roleMetrics, type RoleMetrics } from "./roles.ts";
import { groupIncidents, selectIncidents, type GroupBy, type Selection } from "./selection.ts";
import { PERCENTILE_METHOD, SMALL_SAMPLE } from "./statistics.ts";
import { toUtc } from "./time-boundaries.ts";
import { onCallSummary, type OnCallSummary } from "../oncall/incident-on-call.ts";
import type { Schedule } from "../oncall/schedule.ts";
import type { HistorySummary } from "../history/load-with-history.ts";

/** Bump when a field is removed or changes meaning; adding fields keeps the version. */
export const METRICS_JSON_VERSION = 1;

export interface IncidentCounts {
  count: number;
  resolved: number;
  active: number;
  /** Incidents whose history shows a change from resolved back to an active status. */
  reopened: number;
  /** Incidents not yet committed (no history): they have no declaration lag. */
  uncommitted: number;
  /** Incidents imported from another status page (`source`): left out of declaration lag. */
  imported: number;
}

export interface MetricsBlock {
  incidents: IncidentCounts;
  durations: DurationMetrics;
  postmortems: PostmortemMetrics;
  action_items: ActionItemMetrics;
  update_cadence: CadenceMetrics;
  roles: RoleMetrics;
}

export interface MetricsGroup extends MetricsBlock {
  key: string;
  label: string;
}

export interface MetricsReport {
  version: number;
  generated_at: string;
  filters: {
    since: string | null;
    until: string | null;
    severity: string[];
    component: string[];
    include_drills: boolean;
    include_near_misses: boolean;
  };
  group_by: GroupBy | null;
  method: { percentile: string; small_sample_threshold: number };
  history: HistorySummary;
  overall: MetricsBlock;
  groups: MetricsGroup[];
  /** Who was on call in each schedule (oncall/) when each selected incident started. */
  on_call: OnCallSummary;
}

export interface MetricsInput {
  repository: Repository;
  history: HistoryEvents;
  historySummary: HistorySummary;
  selection: Selection;
  groupBy?: GroupBy;
  now: Date;
  /** On-call schedules (oncall/*.yaml); none when left out. */
  schedules?: readonly Schedule[];
}

export function computeMetrics({
  repository,
  history,
  historySummary,
  selection,
  groupBy,
  now,
  schedules = [],
}: MetricsInput): MetricsReport {
  const selected = selectIncidents(repository.incidents, selection);
  const allRows = actionItemRows(repository.postmortems, repository.incidents, repository.config, history, now);
  const block = (incidents: typeof selected): MetricsBlock => {
    const ids = new Set(incidents.map((i) => i.id));
    const postmortems = repository.postmortems.filter((p) => ids.has(p.data.incident));
    const rows: ActionItemRow[] = allRows.filter((r) => ids.has(r.incident));
    return {
      incidents: incidentCounts(incidents, history),
      durations: durationMetrics(incidents, history),
      postmortems: postmortemMetrics(incidents, postmortems, repository.config, now),
      action_items: actionItemMetrics(rows),
      update_cadence: withoutGaps(cadenceMetrics(incidents, repository.config, now)),
      roles: roleMetrics(incidents),
    };
  };
  return {
    version: METRICS_JSON_VERSION,
    generated_at: toUtc(now),
    filters: {
      since: selection.since ?? null,
      until: selection.until ?? null,
      severity: selection.severities,
      component: selection.components,
      include_drills: selection.includeDrills,
      include_near_misses: selection.includeNearMisses,
    },
    group_by: groupBy ?? null,
    method: { percentile: PERCENTILE_METHOD, small_sample_threshold: SMALL_SAMPLE },
    history: historySummary,
    overall: block(selected),
    groups: groupBy
      ? groupIncidents(selected, groupBy, repository.config).map((g) => ({ key: g.key, label: g.label, ...block(g.incidents) }))
      : [],
    on_call: onCallSummary(selected, schedules),
  };
}

function incidentCounts(incidents: readonly Repository["incidents"][number][], history: HistoryEvents): IncidentCounts {
  let reopened = 0;
  let uncommitted = 0;
  for (const incident of incidents) {
    const timeline = history.records.get(recordKey("incident", incident.id));
    if (!timeline) uncommitted++;
    else if (timeline.statuses.some((s, i) => i > 0 && timeline.statuses[i - 1].status === "resolved" && s.status !== "resolved"))
      reopened++;
  }
  const resolved = incidents.filter((i) => i.data.status === "resolved").length;
  const imported = incidents.filter((i) => i.data.source !== undefined).length;
  return { count: incidents.length, resolved, active: incidents.length - resolved, reopened, uncommitted, imported };
}

function withoutGaps({ gaps: _gaps, ...rest }: CadenceMetrics & { gaps: unknown[] }): CadenceMetrics {
  return rest;
}
