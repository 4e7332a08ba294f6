// Statuspage's component statuses and their order of badness. One table, used by the
// current status, the daily bars, the API and the badges, so they can never disagree.

export type ComponentStatus = "operational" | "degraded_performance" | "partial_outage" | "major_outage" | "under_maintenance";

/** A status that is an impact (everything but operational). */
export type ImpactStatus = Exclude<ComponentStatus, "operational">;

export const COMPONENT_STATUSES: readonly ComponentStatus[] = [
  "operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage",
];

export const IMPACT_STATUSES: readonly ImpactStatus[] = [
  "under_maintenance", "degraded_performance", "partial_outage", "major_outage",
];

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
