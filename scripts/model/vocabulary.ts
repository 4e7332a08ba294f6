// The words and orders of status, in one place: component statuses (Statuspage's, with their
// order of badness), incident and maintenance statuses, the page indicator. Used by the current
// status, the daily bars, the API, the badges, the feeds, the site and the CLI, so they can
// never disagree about what a status is called or which of two is worse.

export type ComponentStatus = "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";

/** A status that is an impact (everything but operational). */
export type ImpactStatus = Exclude<ComponentStatus, "operational">;

export const COMPONENT_STATUSES: readonly ComponentStatus[] = [
  "operational",
  "under_maintenance",
  "degraded_performance",
  "partial_outage",
  "major_outage",
];

export const IMPACT_STATUSES: readonly ImpactStatus[] = ["under_maintenance", "degraded_performance", "partial_outage", "major_outage"];

/**
 * Higher is worse: major > partial > degraded > maintenance > operational. Maintenance ranks
 * below any outage because an unplanned problem during a window is what customers need to see.
 */
const RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function statusRank(status: ComponentStatus): number {
  return RANK[status];
}

/** The worse of two statuses. */
export function worseStatus<S extends ComponentStatus>(a: S, b: S): S {
  return RANK[b] > RANK[a] ? b : a;
}

/** The worst of a list; operational for an empty list. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = "operational";
  for (const status of statuses) worst = worseStatus(worst, status);
  return worst;
}

/** Human labels, as Statuspage words them. */
export const STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: "Operational",
  under_maintenance: "Under Maintenance",
  degraded_performance: "Degraded Performance",
  partial_outage: "Partial Outage",
  major_outage: "Major Outage",
};

/** The statuses of an incident or near-miss, in the order a response goes through them. */
export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;

/** The statuses of maintenance, in the order a window goes through them. */
/** `cancelled`: called off before the work began (decision 0115); it ends the record like `completed`. */
export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed", "cancelled"] as const;

/** Words for incident and maintenance (update) statuses. */
export const UPDATE_STATUS_LABELS: Record<string, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** "In progress" for in_progress; the raw value for anything unknown. */
export function updateStatusLabel(status: string): string {
  return UPDATE_STATUS_LABELS[status] ?? status;
}

/** Words for an update status or a component status (the site shows both in the same places). */
export function statusLabel(status: string): string {
  return UPDATE_STATUS_LABELS[status] ?? STATUS_LABELS[status as ComponentStatus] ?? status;
}

/** Statuspage's page indicator: the impact scale plus "maintenance". */
export type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";

/** Statuspage's words for each indicator. */
export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major Service Outage",
  maintenance: "Service Under Maintenance",
};

/** Statuspage's impact scale, least first. */
export const IMPACT_ORDER = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACT_ORDER)[number];

/** How bad a component status is, on Statuspage's impact scale. */
export const COMPONENT_IMPACT: Record<ImpactStatus, Impact> = {
  under_maintenance: "none",
  degraded_performance: "minor",
  partial_outage: "major",
  major_outage: "critical",
};
