// When each component was affected by an incident or maintenance, and how. Everything the
// status page shows about the past and present (current status, 90-day bars, uptime) is
// computed from these windows. The rules are written in docs/status-model.md and
// docs/decisions/0020-impact-window-end.md.
import type { IncidentRecord } from "../records/record-types.ts";
import type { ImpactStatus } from "./vocabulary.ts";
import { mapSteps, type ComponentMap } from "./component-maps.ts";
import { toMillis } from "../core/time.ts";
import { completedMillis, startMillis } from "./incident-times.ts";

export interface ImpactWindow {
  incidentId: string;
  componentId: string;
  status: ImpactStatus;
  /** Ms since the epoch. */
  start: number;
  /** Ms since the epoch; null when the window is still open at `now`. */
  end: number | null;
}

/** A component map in force from `from` (inclusive) to `to` (exclusive; Infinity = open). */
interface Segment {
  from: number;
  to: number;
  map: ComponentMap;
}

/**
 * The impact windows of one record, clipped to `now`: windows that start after `now` are left
 * out, and a window still running at `now` has `end: null`. Contiguous windows of the same
 * component and status (an update that restates an impact) are merged into one.
 */
export function impactWindows(incident: IncidentRecord, now: Date): ImpactWindow[] {
  const segments = incident.data.type === "maintenance" ? maintenanceSegments(incident) : incidentSegments(incident);
  return clipToNow(merge(incident.id, segments), now.getTime());
}

/** True when the window covers the instant `at` (start inclusive, end exclusive). */
export function isOpenAt(window: ImpactWindow, at: number): boolean {
  return window.start <= at && (window.end === null || window.end > at);
}

/**
 * Incidents and near-misses: the `components` map holds from `started_at` (else `detected_at`,
 * else the first update). Each update's `components` replaces the map from the update's time.
 * Impact ends at `mitigated_at` (when customer impact stopped), else `resolved_at`. A map set by
 * an update posted at or after `mitigated_at` is an explicit statement that some impact remains
 * (e.g. "payouts may still lag"); it holds until the next map or `resolved_at`. Nothing holds
 * after `resolved_at`.
 */
function incidentSegments(incident: IncidentRecord): Segment[] {
  const data = incident.data;
  const impactStart = startMillis(data);
  if (impactStart === undefined) return [];
  const resolvedAt = toMillis(data.resolved_at);
  const cutoff = toMillis(data.mitigated_at) ?? resolvedAt;

  const starts = mapSteps(data, impactStart);

  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const { from, map } = starts[i];
    let to = starts[i + 1]?.from ?? Infinity;
    if (cutoff !== undefined && from < cutoff) to = Math.min(to, cutoff);
    if (resolvedAt !== undefined) to = Math.min(to, resolvedAt);
    if (to > from) segments.push({ from, to, map });
  }
  return segments;
}

/** The time span in which a maintenance has impact; end Infinity while it runs past its schedule. */
export interface MaintenanceSpan {
  start: number;
  end: number;
}

/**
 * Maintenance has impact only inside its window: from the first `in_progress`/`verifying`
 * update (else `scheduled_start`) to the first `completed` update; without one, to
 * `scheduled_end` — unless the record says the work is still under way (status `in_progress` or
 * `verifying`), in which case it stays open past the schedule until someone completes it.
 * A cancelled maintenance has none.
 */
export function maintenanceSpan(incident: IncidentRecord): MaintenanceSpan | undefined {
  const data = incident.data;
  // Called off before the work began (decision 0115): no impact, no downtime, ever.
  if (data.status === "cancelled") return undefined;
  const startedUpdate = data.updates.find((u) => u.status === "in_progress" || u.status === "verifying");
  const start = toMillis(startedUpdate?.at) ?? toMillis(data.scheduled_start);
  if (start === undefined) return undefined;
  let end = completedMillis(data);
  if (end === undefined) {
    const underWay = data.status === "in_progress" || data.status === "verifying";
    end = underWay ? Infinity : (toMillis(data.scheduled_end) ?? Infinity);
  }
  return end > start ? { start, end } : undefined;
}

function maintenanceSegments(incident: IncidentRecord): Segment[] {
  const span = maintenanceSpan(incident);
  if (span === undefined) return [];
  // The map in force at any moment: the record's `components`, replaced by each update's.
  const starts = mapSteps(incident.data, -Infinity);
  const segments: Segment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = Math.max(starts[i].from, span.start);
    const to = Math.min(starts[i + 1]?.from ?? Infinity, span.end);
    if (to > from) segments.push({ from, to, map: starts[i].map });
  }
  return segments;
}

/** One window per component and status, merging segments that touch. */
function merge(incidentId: string, segments: Segment[]): ImpactWindow[] {
  const windows: { window: ImpactWindow; to: number }[] = [];
  const latest = new Map<string, { window: ImpactWindow; to: number }>();
  for (const segment of segments) {
    for (const [componentId, status] of Object.entries(segment.map)) {
      if (status === "operational") continue;
      const key = `${componentId}\u0000${status}`;
      const previous = latest.get(key);
      if (previous !== undefined && previous.to === segment.from) {
        previous.to = segment.to;
        continue;
      }
      const entry = { window: { incidentId, componentId, status: status as ImpactStatus, start: segment.from, end: null }, to: segment.to };
      windows.push(entry);
      latest.set(key, entry);
    }
  }
  return windows.map(({ window, to }) => ({ ...window, end: to === Infinity ? null : to }));
}

function clipToNow(windows: ImpactWindow[], now: number): ImpactWindow[] {
  const clipped: ImpactWindow[] = [];
  for (const window of windows) {
    if (window.start > now) continue; // a window starting exactly at the build is already open
    const end = window.end === null || window.end > now ? null : window.end;
    clipped.push({ ...window, end });
  }
  return clipped.sort((a, b) => a.start - b.start || a.componentId.localeCompare(b.componentId));
}
