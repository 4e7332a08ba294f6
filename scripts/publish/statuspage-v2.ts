// The Atlassian Statuspage v2 public API (/api/v2/*.json) as plain objects, so tools that
// already read a Statuspage (status aggregators, chat bots, `curl | jq` scripts) read ours.
// Field names, enums and nesting follow Statuspage; tests check every file against a JSON
// Schema written from its documentation (tests/fixtures/statuspage-v2/). Pure: records + now.
import type { Config, IncidentRecord, Repository } from "../records/model.ts";
import { incidentsFor, type Audience } from "../status/audience.ts";
import { worstStatus, type ComponentStatus } from "../status/component-status.ts";
import {
  activeIncidents, activeMaintenance, componentStates, incidentImpact, overallStatus, startOf, upcomingMaintenance,
  type ComponentState,
} from "../status/current-status.ts";
import { toMillis } from "../status/time.ts";
import { incidentUrl, siteBase } from "./site-url.ts";
import { stableId } from "./stable-id.ts";
import { compareCodeUnits } from "../records/order.ts";

/** Statuspage returns the 50 most recent incidents / maintenances from the list endpoints. */
export const LIST_LIMIT = 50;

export const API_PATHS = [
  "summary.json", "status.json", "components.json", "incidents.json", "incidents/unresolved.json",
  "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json",
] as const;

export type ApiPath = (typeof API_PATHS)[number];

/** Every API file, keyed by its path under /api/v2/. */
export function buildStatuspageApi(repository: Repository, options: { audience: Audience; now: Date }): Record<ApiPath, Record<string, unknown>> {
  const { config } = repository;
  const { now } = options;
  const records = incidentsFor(repository, options.audience);
  const states = componentStates(config, records, now);
  const components = componentObjects(config, states, historyStart(records, now), now);
  const context: Context = { config, now, byId: new Map(components.map((c) => [c.id as string, c])) };
  const page = pageObject(config, now);
  const status = overallStatus(states, records, config, now);

  const incidents = records.filter((r) => r.data.type !== "maintenance").sort(newestFirst);
  const maintenance = records.filter((r) => r.data.type === "maintenance").sort(newestFirst);
  const unresolved = activeIncidents(records, now).map((r) => incidentObject(r, context));
  const upcoming = upcomingMaintenance(records, now).map((r) => incidentObject(r, context));
  const active = activeMaintenance(records, now).map((r) => incidentObject(r, context));

  return {
    "summary.json": { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    "status.json": { page, status },
    "components.json": { page, components },
    "incidents.json": { page, incidents: incidents.slice(0, LIST_LIMIT).map((r) => incidentObject(r, context)) },
    "incidents/unresolved.json": { page, incidents: unresolved },
    "scheduled-maintenances.json": { page, scheduled_maintenances: maintenance.slice(0, LIST_LIMIT).map((r) => incidentObject(r, context)) },
    "scheduled-maintenances/upcoming.json": { page, scheduled_maintenances: upcoming },
    "scheduled-maintenances/active.json": { page, scheduled_maintenances: active },
  };
}

interface Context {
  config: Config;
  now: Date;
  /** Component objects by API id. */
  byId: Map<string, Record<string, unknown>>;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (time: string | undefined): string | null => {
  const ms = toMillis(time);
  return ms === undefined ? null : iso(ms);
};

function pageObject(config: Config, now: Date) {
  return {
    id: stableId("page", siteBase(config)),
    name: config.site.title,
    url: siteBase(config).replace(/\/$/, ""),
    time_zone: config.site.timezone,
    updated_at: iso(now.getTime()),
  };
}

function historyStart(records: IncidentRecord[], now: Date): string {
  let earliest = now.getTime();
  for (const record of records) earliest = Math.min(earliest, startOf(record) ?? earliest, toMillis(record.data.updates[0]?.at) ?? earliest);
  return iso(earliest);
}

/**
 * Components in config order; each group appears (as a group component) where its first member
 * does. `history` (the earliest time in the records) stands in for created_at, which records do not hold.
 */
function componentObjects(config: Config, states: ComponentState[], history: string, now: Date): Record<string, unknown>[] {
  const pageId = stableId("page", siteBase(config));
  const updatedAt = iso(now.getTime());
  const objects: Record<string, unknown>[] = [];
  const groups = new Map<string, { object: Record<string, unknown>; children: ComponentState[] }>();
  let topPosition = 0;
  const childPositions = new Map<string, number>();

  for (const state of states) {
    let groupId: string | null = null;
    let position: number;
    if (state.group !== undefined) {
      let group = groups.get(state.group);
      if (group === undefined) {
        group = {
          object: {
            id: stableId("group", state.group), name: state.group, status: "operational", created_at: history, updated_at: updatedAt,
            position: ++topPosition, description: null, showcase: false, start_date: null, group_id: null, page_id: pageId,
            group: true, only_show_if_degraded: false, components: [] as string[],
          },
          children: [],
        };
        groups.set(state.group, group);
        objects.push(group.object);
      }
      group.children.push(state);
      groupId = group.object.id as string;
      position = (childPositions.get(state.group) ?? 0) + 1;
      childPositions.set(state.group, position);
      (group.object.components as string[]).push(stableId("component", state.id));
    } else {
      position = ++topPosition;
    }
    objects.push({
      id: stableId("component", state.id), name: state.name, status: state.status, created_at: history, updated_at: updatedAt,
      position, description: state.description ?? null, showcase: true, start_date: null, group_id: groupId, page_id: pageId,
      group: false, only_show_if_degraded: false,
    });
  }
  for (const { object, children } of groups.values()) object.status = worstStatus(children.map((c) => c.status));
  return objects;
}

/** An incident, or a scheduled maintenance (same shape plus scheduled_for / scheduled_until). */
function incidentObject(record: IncidentRecord, context: Context): Record<string, unknown> {
  const { config } = context;
  const data = record.data;
  const id = stableId("incident", record.id);
  const isMaintenance = data.type === "maintenance";
  const updates = updateObjects(record, id, config);
  const firstUpdate = toMillis(data.updates[0]?.at);
  const lastUpdate = toMillis(data.updates.at(-1)?.at);
  const createdAt = firstUpdate ?? startOf(record) ?? context.now.getTime();
  const monitoring = data.updates.find((u) => u.status === "monitoring");
  const resolvedAt = isMaintenance ? toMillis(data.updates.find((u) => u.status === "completed")?.at) : toMillis(data.resolved_at);

  const object: Record<string, unknown> = {
    id,
    name: data.title,
    status: data.status,
    created_at: iso(createdAt),
    updated_at: iso(lastUpdate ?? createdAt),
    monitoring_at: isoOrNull(monitoring?.at),
    resolved_at: resolvedAt === undefined ? null : iso(resolvedAt),
    impact: isMaintenance ? "maintenance" : incidentImpact(record, config),
    shortlink: incidentUrl(config, record.id),
    started_at: iso(startOf(record) ?? createdAt),
    page_id: stableId("page", siteBase(config)),
    incident_updates: updates,
    components: mentionedComponents(record)
      .map((componentId) => context.byId.get(stableId("component", componentId)))
      .filter((c): c is Record<string, unknown> => c !== undefined),
  };
  if (isMaintenance) {
    object.scheduled_for = isoOrNull(data.scheduled_start);
    object.scheduled_until = isoOrNull(data.scheduled_end);
  }
  return object;
}

/** Components named by the record or any of its updates, in config order. */
function mentionedComponents(record: IncidentRecord): string[] {
  const ids = new Set(Object.keys(record.data.components));
  for (const update of record.data.updates) for (const id of Object.keys(update.components ?? {})) ids.add(id);
  return [...ids];
}

/** Updates newest first, as Statuspage lists them; each update's id is stable across builds. */
function updateObjects(record: IncidentRecord, incidentId: string, config: Config): Record<string, unknown>[] {
  const names = new Map(config.components.map((c) => [c.id, c.name]));
  let previous: Record<string, string> = record.data.components;
  const seen = new Map<string, number>();
  const objects = record.data.updates.map((update) => {
    const occurrence = seen.get(update.at) ?? 0;
    seen.set(update.at, occurrence + 1);
    let affected: Record<string, unknown>[] | null = null;
    if (update.components !== undefined) {
      const next = update.components;
      const ids = new Set([...Object.keys(previous), ...Object.keys(next)]);
      const before = previous;
      // Listed: what the update names (even restated) and what it dropped (back to operational).
      affected = [...ids]
        .filter((id) => id in next || (before[id] ?? "operational") !== "operational")
        .map((id) => ({
          code: stableId("component", id),
          name: names.get(id) ?? id,
          old_status: (before[id] ?? "operational") as ComponentStatus,
          new_status: (next[id] ?? "operational") as ComponentStatus,
        }));
      previous = next;
    }
    const at = iso(toMillis(update.at) ?? 0);
    return {
      id: stableId("update", `${record.id}@${update.at}#${occurrence}`),
      status: update.status,
      body: update.body,
      incident_id: incidentId,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components: affected,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
  });
  return objects.reverse();
}

function newestFirst(a: IncidentRecord, b: IncidentRecord): number {
  return (startOf(b) ?? 0) - (startOf(a) ?? 0) || compareCodeUnits(a.id, b.id);
}
