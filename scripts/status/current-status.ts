// The status of every component and of the whole page at `now` (the build time), with
// Statuspage's semantics. Callers pass incidents already filtered for their audience.
import type { Config, IncidentRecord } from "../records/model.ts";
import { statusRank, worstStatus, type ComponentStatus, type ImpactStatus } from "./component-status.ts";
import { impactWindows, isOpenAt, maintenanceSpan, type ImpactWindow } from "./impact-windows.ts";
import { toMillis } from "./time.ts";

export interface ComponentState {
  id: string;
  name: string;
  group: string | undefined;
  description: string | undefined;
  status: ComponentStatus;
  /** Incidents and maintenance with an impact on this component open at `now`, worst first. */
  incidentIds: string[];
}

/** Every configured component, in config order, with the worst impact open at `now`. */
export function componentStates(config: Config, incidents: IncidentRecord[], now: Date): ComponentState[] {
  const at = now.getTime();
  const open = new Map<string, ImpactWindow[]>();
  for (const incident of incidents) {
    for (const window of impactWindows(incident, now)) {
      if (!isOpenAt(window, at)) continue;
      const list = open.get(window.componentId) ?? [];
      list.push(window);
      open.set(window.componentId, list);
    }
  }
  return config.components.map((component) => {
    const windows = (open.get(component.id) ?? []).sort((a, b) => statusRank(b.status) - statusRank(a.status));
    return {
      id: component.id,
      name: component.name,
      group: component.group,
      description: component.description,
      status: worstStatus(windows.map((w) => w.status)),
      incidentIds: [...new Set(windows.map((w) => w.incidentId))],
    };
  });
}

export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";

/** Statuspage's words for each indicator. */
export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major Service Outage",
  maintenance: "Service Under Maintenance",
};

const IMPACT_ORDER = ["none", "minor", "major", "critical"] as const;
type Impact = (typeof IMPACT_ORDER)[number];

/** How bad a component status is, on Statuspage's impact scale. */
const COMPONENT_IMPACT: Record<ImpactStatus, Impact> = {
  under_maintenance: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};

/** The Statuspage impact of an incident from its severity (config.severities[].impact); maintenance is "maintenance". */
export function incidentImpact(incident: IncidentRecord, config: Config): Indicator {
  if (incident.data.type === "maintenance") return "maintenance";
  const severity = config.severities.find((s) => s.id === incident.data.severity);
  // A missing severity only passes validation for maintenance; "minor" is the cautious fallback.
  return severity?.impact ?? "minor";
}

/**
 * The page indicator: the worst of (a) the impact of every active incident's severity and
 * (b) the worst component status (degraded → minor, partial → major, major outage → critical).
 * When both are "none" but maintenance is under way (a component under maintenance or an active
 * maintenance), the indicator is "maintenance".
 */
export function overallStatus(
  states: ComponentState[],
  incidents: IncidentRecord[],
  config: Config,
  now: Date,
): { indicator: Indicator; description: string } {
  let worst: Impact = "none";
  const raise = (impact: Impact) => {
    if (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst)) worst = impact;
  };
  for (const incident of activeIncidents(incidents, now)) {
    const impact = incidentImpact(incident, config);
    if (impact !== "maintenance") raise(impact);
  }
  let maintenance = activeMaintenance(incidents, now).length > 0;
  for (const state of states) {
    if (state.status === "operational") continue;
    if (state.status === "under_maintenance") maintenance = true;
    raise(COMPONENT_IMPACT[state.status]);
  }
  const indicator: Indicator = worst === "none" && maintenance ? "maintenance" : worst;
  return { indicator, description: INDICATOR_DESCRIPTIONS[indicator] };
}

/** Unresolved incidents and near-misses that have started by `now`, newest first. */
export function activeIncidents(incidents: IncidentRecord[], now: Date): IncidentRecord[] {
  const at = now.getTime();
  return incidents
    .filter((incident) => incident.data.type !== "maintenance" && incident.data.status !== "resolved")
    .filter((incident) => (startOf(incident) ?? -Infinity) <= at)
    .sort(byStartDescending);
}

/** Maintenance in its window at `now` (or reported in progress / verifying), earliest start first. */
export function activeMaintenance(incidents: IncidentRecord[], now: Date): IncidentRecord[] {
  const at = now.getTime();
  return incidents
    .filter((incident) => {
      if (incident.data.type !== "maintenance" || incident.data.status === "completed") return false;
      if (incident.data.status === "in_progress" || incident.data.status === "verifying") return true;
      const span = maintenanceSpan(incident);
      return span !== undefined && span.start <= at && at < span.end;
    })
    .sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0));
}

/** Maintenance still scheduled to start after `now`, soonest first. */
export function upcomingMaintenance(incidents: IncidentRecord[], now: Date): IncidentRecord[] {
  const at = now.getTime();
  return incidents
    .filter((incident) => incident.data.type === "maintenance" && incident.data.status === "scheduled")
    .filter((incident) => (toMillis(incident.data.scheduled_start) ?? -Infinity) > at)
    .sort((a, b) => (startOf(a) ?? 0) - (startOf(b) ?? 0));
}

/** When a record's story starts: scheduled_start for maintenance, started_at (else detected_at, else first update) otherwise. */
export function startOf(incident: IncidentRecord): number | undefined {
  const data = incident.data;
  if (data.type === "maintenance") return toMillis(data.scheduled_start) ?? toMillis(data.updates[0]?.at);
  return toMillis(data.started_at) ?? toMillis(data.detected_at) ?? toMillis(data.updates[0]?.at);
}

function byStartDescending(a: IncidentRecord, b: IncidentRecord): number {
  return (startOf(b) ?? 0) - (startOf(a) ?? 0) || a.id.localeCompare(b.id);
}
