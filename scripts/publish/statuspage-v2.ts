// The Atlassian Statuspage v2 public API (/api/v2/*.json) as plain objects, so tools that
// already read a Statuspage (status aggregators, chat bots, `curl | jq` scripts) read ours.
// Field names, enums and nesting follow Statuspage; tests check every file against a JSON
// Schema written from its documentation (tests/fixtures/statuspage-v2/). Pure: records + now.
import type { Config, Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { worstStatus, type ComponentStatus } from "../model/vocabulary.ts";
import {
  activeIncidents,
  activeMaintenance,
  byStartDescending,
  upcomingMaintenance,
  type ComponentState,
} from "../status/current-status.ts";
import { publishedModel, type PublishedModel } from "../status/published-model.ts";
import type { IncidentFacts } from "../model/incident-facts.ts";
import { toMillis } from "../core/time.ts";
import { incidentUrl, siteBase } from "./site-url.ts";
import { stableId } from "./stable-id.ts";
import { cancelledMillis, completedMillis } from "../model/incident-times.ts";

/** Statuspage returns the 50 most recent incidents / maintenances from the list endpoints. */
export const LIST_LIMIT = 50;

export const API_PATHS = [
  "summary.json",
  "status.json",
  "components.json",
  "incidents.json",
  "incidents/unresolved.json",
  "scheduled-maintenances.json",
  "scheduled-maintenances/upcoming.json",
  "scheduled-maintenances/active.json",
] as const;

export type ApiPath = (typeof API_PATHS)[number];

/** Every API file, keyed by its path under /api/v2/. */
export function buildStatuspageApi(
  repository: Repository,
  options: { audience: Audience; now: Date },
): Record<ApiPath, Record<string, unknown>> {
  const { page, components, status, incidents, maintenance, unresolved, upcoming, active, object } = apiParts(repository, options);
  return {
    "summary.json": { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    "status.json": { page, status },
    "components.json": { page, components },
    "incidents.json": { page, incidents: incidents.slice(0, LIST_LIMIT).map(object) },
    "incidents/unresolved.json": { page, incidents: unresolved },
    "scheduled-maintenances.json": { page, scheduled_maintenances: maintenance.slice(0, LIST_LIMIT).map(object) },
    "scheduled-maintenances/upcoming.json": { page, scheduled_maintenances: upcoming },
    "scheduled-maintenances/active.json": { page, scheduled_maintenances: active },
  };
}

/**
 * Every incident and maintenance of the build, in the list endpoints' shape but not cut to the 50
 * newest (history.json): what `sitrep notify` compares, so an update to an old incident is seen.
 */
export function buildPublicHistory(
  repository: Repository,
  options: { audience: Audience; now: Date },
): { page: Record<string, unknown>; incidents: Record<string, unknown>[]; scheduled_maintenances: Record<string, unknown>[] } {
  const { page, incidents, maintenance, object } = apiParts(repository, options);
  return { page, incidents: incidents.map(object), scheduled_maintenances: maintenance.map(object) };
}

type ApiParts = ReturnType<typeof makeApiParts>;
const partsCache = new WeakMap<PublishedModel, ApiParts>();

/**
 * Made once per published model: a site build asks for the API files, for history.json and for
 * the freshness version (site/data/freshness.ts), each of which worked it all out again.
 */
function apiParts(repository: Repository, options: { audience: Audience; now: Date }): ApiParts {
  const model = publishedModel(repository, options.audience, options.now);
  let parts = partsCache.get(model);
  if (parts === undefined) partsCache.set(model, (parts = makeApiParts(model)));
  return parts;
}

function makeApiParts(model: PublishedModel) {
  const { config, now, facts, states, overall: status } = model;
  const history = historyStart(facts, now);
  const changes = lastChanges(facts);
  const components = componentObjects(config, states, history, changes);
  const context: Context = { config, now, byId: new Map(components.map((c) => [c.id as string, c])) };
  const page = pageObject(config, iso(Math.max(Date.parse(history), ...changes.values(), ...facts.flatMap(updateTimes))));

  const incidents = facts.filter((f) => f.record.data.type !== "maintenance").sort(byStartDescending);
  const maintenance = facts.filter((f) => f.record.data.type === "maintenance").sort(byStartDescending);
  const unresolved = activeIncidents(facts).map((f) => incidentObject(f, context));
  const upcoming = upcomingMaintenance(facts).map((f) => incidentObject(f, context));
  const active = activeMaintenance(facts).map((f) => incidentObject(f, context));
  const object = (fact: IncidentFacts) => incidentObject(fact, context);
  return { page, components, status, incidents, maintenance, unresolved, upcoming, active, object };
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

/** `updated_at` is the last change anything on the page shows (Statuspage's meaning), not the build time. */
function pageObject(config: Config, updatedAt: string) {
  return {
    id: stableId("page", siteBase(config)),
    name: config.site.title,
    url: siteBase(config).replace(/\/$/, ""),
    time_zone: config.site.timezone,
    updated_at: updatedAt,
  };
}

function updateTimes(fact: IncidentFacts): number[] {
  return fact.record.data.updates.map((u) => toMillis(u.at)).filter((t): t is number => t !== undefined);
}

function historyStart(facts: IncidentFacts[], now: Date): string {
  let earliest = now.getTime();
  for (const fact of facts) earliest = Math.min(earliest, fact.start ?? earliest, updateTimes(fact)[0] ?? earliest);
  return iso(earliest);
}

/** When each component's status last changed: the latest edge of its impact windows up to `now`. */
function lastChanges(facts: IncidentFacts[]): Map<string, number> {
  const changes = new Map<string, number>();
  for (const fact of facts) {
    for (const window of fact.windows) {
      const edge = Math.max(window.start, window.end ?? -Infinity);
      changes.set(window.componentId, Math.max(changes.get(window.componentId) ?? -Infinity, edge));
    }
  }
  return changes;
}

/**
 * Components in config order; each group appears (as a group component) where its first member
 * does. `history` (the earliest time in the records) stands in for created_at, which records do not hold.
 */
function componentObjects(
  config: Config,
  states: ComponentState[],
  history: string,
  changes: Map<string, number>,
): Record<string, unknown>[] {
  const pageId = stableId("page", siteBase(config));
  const changedAt = (ids: string[]) => iso(Math.max(Date.parse(history), ...ids.map((id) => changes.get(id) ?? -Infinity)));
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
            id: stableId("group", state.group),
            name: state.group,
            status: "operational",
            created_at: history,
            updated_at: history,
            position: ++topPosition,
            description: null,
            showcase: false,
            start_date: null,
            group_id: null,
            page_id: pageId,
            group: true,
            only_show_if_degraded: false,
            components: [] as string[],
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
      id: stableId("component", state.id),
      name: state.name,
      status: state.status,
      created_at: history,
      updated_at: changedAt([state.id]),
      position,
      description: state.description ?? null,
      showcase: true,
      start_date: null,
      group_id: groupId,
      page_id: pageId,
      group: false,
      only_show_if_degraded: false,
    });
  }
  for (const { object, children } of groups.values()) {
    object.status = worstStatus(children.map((c) => c.status));
    object.updated_at = changedAt(children.map((c) => c.id));
  }
  return objects;
}

/** An incident, or a scheduled maintenance (same shape plus scheduled_for / scheduled_until). */
function incidentObject(fact: IncidentFacts, context: Context): Record<string, unknown> {
  const { config } = context;
  const { record } = fact;
  const data = record.data;
  const id = stableId("incident", record.id);
  const isMaintenance = data.type === "maintenance";
  const updates = updateObjects(record, id, config);
  const firstUpdate = toMillis(data.updates[0]?.at);
  const lastUpdate = toMillis(data.updates.at(-1)?.at);
  const createdAt = firstUpdate ?? fact.start ?? context.now.getTime();
  const monitoring = data.updates.find((u) => u.status === "monitoring");
  const resolvedAt = isMaintenance ? (completedMillis(data) ?? cancelledMillis(data)) : fact.end;

  const object: Record<string, unknown> = {
    id,
    name: data.title,
    // Maintenance whose window has started is in progress even before an update says so.
    status: statuspageStatus(fact.status),
    created_at: iso(createdAt),
    updated_at: iso(lastUpdate ?? createdAt),
    monitoring_at: isoOrNull(monitoring?.at),
    resolved_at: resolvedAt === undefined ? null : iso(resolvedAt),
    impact: fact.impact,
    shortlink: incidentUrl(config, record.id),
    started_at: iso(fact.start ?? createdAt),
    page_id: stableId("page", siteBase(config)),
    incident_updates: updates,
    // Statuspage sends null unless reminders are set up; records have none.
    reminder_intervals: null,
    components: fact.touched
      .map((componentId) => context.byId.get(stableId("component", componentId)))
      .filter((c): c is Record<string, unknown> => c !== undefined),
  };
  if (isMaintenance) {
    object.scheduled_for = isoOrNull(data.scheduled_start);
    object.scheduled_until = isoOrNull(data.scheduled_end);
  }
  return object;
}

/**
 * Statuspage's maintenance statuses stop at `completed`; it has no cancelled one, and a window
 * called off there is ended with a final message. A cancelled maintenance is therefore `completed`
 * with its cancelling update's text, off the upcoming and active lists (decision 0115); the
 * site's feed is where a machine reads that it was cancelled (category `cancelled`).
 */
function statuspageStatus(status: string): string {
  return status === "cancelled" ? "completed" : status;
}

/** Updates newest first, as Statuspage lists them; each update's id is stable across builds. */
function updateObjects(record: IncidentFacts["record"], incidentId: string, config: Config): Record<string, unknown>[] {
  const names = new Map(config.components.map((c) => [c.id, c.name]));
  // Before the first update every component was operational; the first update announces the
  // record's own map unless it sets one, so bots announcing a start see what it affects.
  let previous: Record<string, string> = {};
  const seen = new Map<string, number>();
  const objects = record.data.updates.map((update, index) => {
    const occurrence = seen.get(update.at) ?? 0;
    seen.set(update.at, occurrence + 1);
    let affected: Record<string, unknown>[] | null = null;
    const declared = index === 0 && Object.keys(record.data.components).length > 0 ? record.data.components : undefined;
    const next = update.components ?? declared;
    if (next !== undefined) {
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
      status: statuspageStatus(update.status),
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
