// The status of every component and of the whole page at `now` (the build time), with
// Statuspage's semantics, read from the model's facts. Callers pass the facts of the records
// visible to their audience (published-model.ts).
import type { Config } from "../records/record-types.ts";
import { compareCodeUnits } from "../records/order.ts";
import type { IncidentFacts } from "../model/incident-facts.ts";
import {
  COMPONENT_IMPACT,
  IMPACT_ORDER,
  INDICATOR_DESCRIPTIONS,
  statusRank,
  worstStatus,
  type ComponentStatus,
  type Impact,
  type Indicator,
} from "../model/vocabulary.ts";

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
export function componentStates(config: Config, facts: readonly IncidentFacts[]): ComponentState[] {
  const open = new Map<string, { id: string; status: ComponentStatus }[]>();
  for (const fact of facts) {
    for (const [componentId, status] of Object.entries(fact.currentImpact)) {
      const list = open.get(componentId) ?? [];
      list.push({ id: fact.id, status });
      open.set(componentId, list);
    }
  }
  return config.components.map((component) => {
    const impacts = (open.get(component.id) ?? []).sort((a, b) => statusRank(b.status) - statusRank(a.status));
    return {
      id: component.id,
      name: component.name,
      group: component.group,
      description: component.description,
      status: worstStatus(impacts.map((i) => i.status)),
      incidentIds: [...new Set(impacts.map((i) => i.id))],
    };
  });
}

/**
 * The page indicator: the worst of (a) the impact of every active incident's severity and
 * (b) the worst component status (degraded → minor, partial → major, major outage → critical).
 * When both are "none" but maintenance is under way (a component under maintenance or an active
 * maintenance), the indicator is "maintenance".
 */
export function overallStatus(states: ComponentState[], facts: readonly IncidentFacts[]): { indicator: Indicator; description: string } {
  let worst: Impact = "none";
  const raise = (impact: Impact) => {
    if (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst)) worst = impact;
  };
  for (const fact of activeIncidents(facts)) if (fact.impact !== "maintenance") raise(fact.impact);
  let maintenance = activeMaintenance(facts).length > 0;
  for (const state of states) {
    if (state.status === "operational") continue;
    if (state.status === "under_maintenance") maintenance = true;
    raise(COMPONENT_IMPACT[state.status]);
  }
  const indicator: Indicator = worst === "none" && maintenance ? "maintenance" : worst;
  return { indicator, description: INDICATOR_DESCRIPTIONS[indicator] };
}

const isMaintenance = (fact: IncidentFacts) => fact.record.data.type === "maintenance";

/** Unresolved incidents and near-misses that have started by `now`, newest first. */
export function activeIncidents(facts: readonly IncidentFacts[]): IncidentFacts[] {
  return facts.filter((f) => !isMaintenance(f) && f.phase === "open").sort(byStartDescending);
}

/** Maintenance in its window at `now` (or reported in progress / verifying), earliest start first. */
export function activeMaintenance(facts: readonly IncidentFacts[]): IncidentFacts[] {
  return facts.filter((f) => isMaintenance(f) && f.phase === "open").sort(byStartAscending);
}

/** Maintenance still scheduled to start after `now`, soonest first. */
export function upcomingMaintenance(facts: readonly IncidentFacts[]): IncidentFacts[] {
  return facts.filter((f) => isMaintenance(f) && f.phase === "planned").sort(byStartAscending);
}

function byStartAscending(a: IncidentFacts, b: IncidentFacts): number {
  return (a.start ?? 0) - (b.start ?? 0);
}

/** Newest first; ties by id so every output lists them in the same order. */
export function byStartDescending(a: IncidentFacts, b: IncidentFacts): number {
  return (b.start ?? 0) - (a.start ?? 0) || compareCodeUnits(a.id, b.id);
}
