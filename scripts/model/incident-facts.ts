// The facts of one incident or maintenance at `now`, computed once and read by every consumer:
// when it started and ended, whether it is planned, open or over, its impact windows, its
// current and worst impact per component, the components it touched, whether it is public, and
// the Statuspage impact of its severity. Pure: record, config and `now` in, facts out.
import type { Config, IncidentData, IncidentRecord } from "../records/record-types.ts";
import { componentsTouched } from "./component-maps.ts";
import { impactWindows, isOpenAt, maintenanceSpan, type ImpactWindow } from "./impact-windows.ts";
import { toMillis } from "../core/time.ts";
import { COMPONENT_IMPACT, IMPACT_ORDER, statusRank, type ImpactStatus, type Indicator } from "./vocabulary.ts";
import { cancelledMillis, completedMillis, isFinished, startMillis } from "./incident-times.ts";

/** Planned: maintenance still to come. Open: started and not over. Over: resolved, completed or past. */
export type Phase = "planned" | "open" | "over";

export interface IncidentFacts {
  id: string;
  record: IncidentRecord;
  /** Ms since the epoch: started_at (else detected_at, else the first update); scheduled_start for maintenance. */
  start: number | undefined;
  /** Ms: resolved_at; for maintenance the first `completed` (or the `cancelled`) update, else the scheduled end of a window that is over. */
  end: number | undefined;
  phase: Phase;
  /**
   * The status a reader is told: the record's, except that maintenance still marked `scheduled`
   * is `in_progress` once its window has started and `completed` once it is over (Statuspage's
   * automatic transitions), until an update says otherwise.
   */
  status: string;
  /** Impact windows clipped to `now` (decision 0020). */
  windows: ImpactWindow[];
  /** Components with an impact from this record open at `now`, worst impact each. */
  currentImpact: Record<string, ImpactStatus>;
  /** The worst impact each component had from this record up to `now`; the declared map where nothing happened yet (none for a cancelled maintenance). */
  worstImpact: Record<string, ImpactStatus>;
  /** Components named by the record or any update, first mention first. */
  touched: string[];
  public: boolean;
  /** Statuspage impact of the severity; "maintenance" for maintenance. */
  impact: Indicator;
}

export function incidentFacts(record: IncidentRecord, config: Config, now: Date): IncidentFacts {
  const windows = impactWindows(record, now);
  const at = now.getTime();
  const currentImpact: Record<string, ImpactStatus> = {};
  const worstImpact: Record<string, ImpactStatus> = {};
  for (const window of windows) {
    raise(worstImpact, window.componentId, window.status);
    if (isOpenAt(window, at)) raise(currentImpact, window.componentId, window.status);
  }
  // A cancelled maintenance never happened (decision 0115): its declared map was never true.
  if (record.data.status !== "cancelled") {
    for (const [id, status] of Object.entries(record.data.components)) {
      if (worstImpact[id] === undefined) worstImpact[id] = status;
    }
  }
  const phase = phaseOf(record, at);
  return {
    id: record.id,
    record,
    start: startOf(record),
    end: endOf(record, phase),
    phase,
    status: publishedStatus(record, phase),
    windows,
    currentImpact,
    worstImpact,
    touched: componentsTouched(record.data),
    public: isPublic(record.data),
    impact: incidentImpact(record, config),
  };
}

function raise(map: Record<string, ImpactStatus>, id: string, status: ImpactStatus): void {
  const seen = map[id];
  if (seen === undefined || statusRank(status) > statusRank(seen)) map[id] = status;
}

/** Public: neither internal nor a drill (near-misses are internal unless they say otherwise). */
export function isPublic(data: Pick<IncidentData, "visibility" | "drill">): boolean {
  return data.visibility === "public" && data.drill !== true;
}

/** When a record's story starts: scheduled_start for maintenance, started_at (else detected_at, else first update) otherwise. */
export function startOf(incident: IncidentRecord): number | undefined {
  return startMillis(incident.data);
}

/**
 * Incidents are open from their start until resolved. Maintenance is open while reported
 * in_progress/verifying or inside its window, planned while scheduled and not yet started, and
 * over once completed or past its window.
 */
function phaseOf(incident: IncidentRecord, at: number): Phase {
  const data = incident.data;
  if (isFinished(data)) return "over";
  if (data.type !== "maintenance") {
    return (startOf(incident) ?? -Infinity) <= at ? "open" : "planned";
  }
  if (data.status === "in_progress" || data.status === "verifying") return "open";
  const span = maintenanceSpan(incident);
  if (span !== undefined && span.start <= at && at < span.end) return "open";
  return (toMillis(data.scheduled_start) ?? -Infinity) > at ? "planned" : "over";
}

/** The record's status, moved on for maintenance whose window has started or ended (see IncidentFacts.status). */
export function publishedStatus(incident: IncidentRecord, phase: Phase): string {
  const status = incident.data.status;
  if (incident.data.type !== "maintenance" || status !== "scheduled") return status;
  return phase === "open" ? "in_progress" : phase === "over" ? "completed" : status;
}

function endOf(incident: IncidentRecord, phase: Phase): number | undefined {
  const data = incident.data;
  if (data.type !== "maintenance") return toMillis(data.resolved_at);
  return completedMillis(data) ?? cancelledMillis(data) ?? (phase === "over" ? toMillis(data.scheduled_end) : undefined);
}

/** The Statuspage impact of an incident from its severity (config.severities[].impact); maintenance is "maintenance". */
export function incidentImpact(incident: IncidentRecord, config: Config): Indicator {
  if (incident.data.type === "maintenance") return "maintenance";
  const severity = config.severities.find((s) => s.id === incident.data.severity);
  // A missing severity only passes validation for maintenance; "minor" is the cautious fallback.
  return severity?.impact ?? "minor";
}

/**
 * The impact a reader is told in words on cards and lists: the severity's impact, raised to what
 * the record did to its components (the rule of the overall indicator), so a SEV4 whose severity
 * says "none" is not "No customer impact" beside "Login (Degraded Performance)".
 */
export function impactShown(fact: IncidentFacts): Indicator {
  if (fact.impact === "maintenance") return fact.impact;
  let worst: Indicator = fact.impact;
  for (const status of Object.values(fact.worstImpact)) {
    const impact = COMPONENT_IMPACT[status];
    if (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst as (typeof IMPACT_ORDER)[number])) worst = impact;
  }
  return worst;
}

/** Whether a record concerns a component: it names it, or had impact on it (its page, feed and calendar list it). */
export function concerns(fact: IncidentFacts, componentId: string): boolean {
  return fact.touched.includes(componentId) || fact.windows.some((w) => w.componentId === componentId);
}

/**
 * Minutes in which the record affected any component (the union of its impact windows, a
 * minute counted once), excluding maintenance; undefined while a window is open or when it had
 * no impact. An incident that lasted 1 h 18 min from start to resolution may have had 36 min.
 */
export function customerImpactMinutes(fact: IncidentFacts): number | undefined {
  const windows = fact.windows.filter((w) => w.status !== "under_maintenance");
  if (windows.length === 0 || windows.some((w) => w.end === null)) return undefined;
  const spans = windows.map((w) => [w.start, w.end as number]).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = spans[0];
  for (const [start, end] of spans.slice(1)) {
    if (start > to) {
      total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  return (total + to - from) / 60_000;
}
