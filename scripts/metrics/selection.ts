// Which incidents count, and how they are grouped. Pure.
//
// Maintenance never counts. Drills and near-misses count only when asked. --since / --until
// compare with the incident's start (model/incident-times.ts: started_at, else detected_at, else
// the first update): an incident belongs to the period its impact began in.
import type { Config, IncidentRecord } from "../records/record-types.ts";
import { componentsTouched as componentsOf } from "../model/component-maps.ts";
import { monthOf, quarterOf } from "./time-boundaries.ts";
import { startTime } from "../model/incident-times.ts";

export const GROUP_BY = ["severity", "component", "quarter", "month"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface Selection {
  /** UTC, inclusive. */
  since?: string;
  until?: string;
  severities: string[];
  components: string[];
  includeDrills: boolean;
  includeNearMisses: boolean;
}

/** What `sitrep metrics` counts without flags, and what the internal site's metrics page shows. */
export const DEFAULT_SELECTION: Selection = Object.freeze({
  severities: [],
  components: [],
  includeDrills: false,
  includeNearMisses: false,
});

export function selectIncidents(incidents: readonly IncidentRecord[], selection: Selection): IncidentRecord[] {
  const severities = new Set(selection.severities);
  const components = new Set(selection.components);
  return incidents.filter(({ data }) => {
    if (data.type === "maintenance") return false;
    if (data.type === "near_miss" && !selection.includeNearMisses) return false;
    if (data.drill && !selection.includeDrills) return false;
    const started = startTime(data);
    if (selection.since !== undefined && (!started || Date.parse(started) < Date.parse(selection.since))) return false;
    if (selection.until !== undefined && (!started || Date.parse(started) > Date.parse(selection.until))) return false;
    if (severities.size > 0 && (!data.severity || !severities.has(data.severity))) return false;
    if (components.size > 0 && !componentsOf(data).some((c) => components.has(c))) return false;
    return true;
  });
}

export interface Group {
  key: string;
  label: string;
  incidents: IncidentRecord[];
}

/** Groups in a stable order: config order for severities and components, time for periods. An incident in two components is in both. */
export function groupIncidents(incidents: readonly IncidentRecord[], by: GroupBy, config: Config): Group[] {
  const groups = new Map<string, IncidentRecord[]>();
  const add = (key: string, incident: IncidentRecord) => {
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(incident);
  };
  for (const incident of incidents) {
    const { data } = incident;
    if (by === "severity") add(data.severity ?? "none", incident);
    else if (by === "component") for (const c of componentsOf(data)) add(c, incident);
    else {
      const started = startTime(data);
      if (started) add(by === "quarter" ? quarterOf(started) : monthOf(started), incident);
    }
  }
  const labels = new Map<string, string>(
    by === "severity"
      ? config.severities.map((s) => [s.id, `${s.id} ${s.name}`])
      : by === "component"
        ? config.components.map((c) => [c.id, c.name])
        : [],
  );
  const order = by === "severity" ? config.severities.map((s) => s.id) : by === "component" ? config.components.map((c) => c.id) : [];
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, list]) => ({ key, label: labels.get(key) ?? key, incidents: list }));
}
