// What is new in this build: every published update, maintenance transition and postmortem that
// the previous build did not contain. No state store and no clock: the previous public site is
// the memory, so a rerun of the same deploy (previous = current) finds nothing, and a runner's
// clock never decides what is new. Identity survives renames and rewritten times
// (same-record.ts). Pure: two snapshots in.
import { toMillis } from "../core/time.ts";
import type { ApiIncident, ApiUpdate, PublishedSite } from "./published-site.ts";
import type { PostmortemEntry } from "./feed-postmortems.ts";
import { matchIncidents, unmatchedUpdates } from "./same-record.ts";
import { maintenanceChanges } from "./maintenance-changes.ts";

export type EventKind =
  | "incident_declared"
  | "incident_updated"
  | "incident_resolved"
  | "maintenance_scheduled"
  | "maintenance_started"
  | "maintenance_updated"
  | "maintenance_completed"
  | "postmortem_published"
  | "maintenance_cancelled"
  | "maintenance_rescheduled";

export interface NotifyEvent {
  /** Stable across builds: receivers can drop a delivery they have already seen by it. */
  id: string;
  kind: EventKind;
  /** When it happened (the update's time, the window's edge, the postmortem's publication). */
  at: string;
  /** The incident or maintenance as this build publishes it (for a postmortem: its incident, when the site has it). */
  incident?: ApiIncident;
  /** The new update, when the event is one. */
  update?: ApiUpdate;
  postmortem?: PostmortemEntry;
}

/**
 * The Statuspage list endpoints hold the 50 newest incidents. A previous site built before
 * history.json (decision 0171) has only those: an incident older than its full list may simply
 * have fallen off it, so only its updates after that build are new.
 */
export const API_LIST_LIMIT = 50;

/** Events in time order. `previous` undefined means "send everything" (`--all`). */
export function newEvents(previous: PublishedSite | undefined, current: PublishedSite): NotifyEvent[] {
  const events: NotifyEvent[] = [
    ...listEvents(previous?.incidents, current.incidents, previous, false),
    ...listEvents(previous?.maintenances, current.maintenances, previous, true),
    ...postmortemEvents(previous, current),
  ];
  return maintenanceChanges(previous, current, events)
    .map((event, order) => ({ event, order, at: toMillis(event.at) ?? 0 }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ event }) => event);
}

function listEvents(
  before: ApiIncident[] | undefined,
  now: ApiIncident[],
  previous: PublishedSite | undefined,
  maintenance: boolean,
): NotifyEvent[] {
  const matches = matchIncidents(before ?? [], now);
  const cutoff = previous && before && !previous.complete ? fallenOffCutoff(before, previous) : undefined;
  const events: NotifyEvent[] = [];
  for (const incident of now) {
    const was = matches.get(incident);
    const oldestFirst = [...incident.incident_updates].reverse();
    let fresh = unmatchedUpdates([...(was?.incident_updates ?? [])].reverse(), oldestFirst);
    if (!was && cutoff && startOf(incident) < cutoff.oldest) {
      fresh = fresh.filter((u) => (toMillis(u.created_at) ?? 0) > cutoff.builtAt);
      if (fresh.length === 0) continue;
    }
    const first = (update: ApiUpdate) => !was && update === oldestFirst[0];
    if (!was && oldestFirst.length === 0) {
      events.push({
        id: `${incident.id}:declared`,
        kind: maintenance ? "maintenance_scheduled" : "incident_declared",
        at: incident.created_at,
        incident,
      });
    }
    if (!maintenance) {
      for (const update of fresh) {
        const kind = update.status === "resolved" ? "incident_resolved" : first(update) ? "incident_declared" : "incident_updated";
        events.push({ id: update.id, kind, at: update.created_at, incident, update });
      }
      continue;
    }
    events.push(...maintenanceEvents(was, incident, fresh, first));
  }
  return events;
}

/** scheduled 0, started 1 (in progress or verifying: by a posted update or by the clock), completed 2; -1 not published before. */
function phaseOf(maintenance: ApiIncident | undefined): number {
  if (!maintenance) return -1;
  if (maintenance.status === "completed") return 2;
  return maintenance.status === "in_progress" || maintenance.status === "verifying" ? 1 : 0;
}

/**
 * A maintenance's "started" and "completed" are each said once, whatever moved them: a posted
 * update, or the window opening or closing by the clock (the scheduled deploy publishes it). They
 * are said when this build's phase passes the previous build's; a posted `in_progress` or
 * `completed` update whose transition an earlier deploy already announced is a plain update, and
 * a window that reopens after it closed (its end moved later) announces nothing until it ends.
 */
function maintenanceEvents(
  was: ApiIncident | undefined,
  maintenance: ApiIncident,
  fresh: ApiUpdate[],
  first: (u: ApiUpdate) => boolean,
): NotifyEvent[] {
  const before = phaseOf(was);
  const now = phaseOf(maintenance);
  let start = before < 1 && now >= 1;
  let complete = before < 2 && now === 2;
  const events: NotifyEvent[] = [];
  for (const update of fresh) {
    let kind: EventKind = first(update) ? "maintenance_scheduled" : "maintenance_updated";
    if (update.status === "in_progress" && start) [kind, start] = ["maintenance_started", false];
    else if (update.status === "completed" && complete) [kind, complete] = ["maintenance_completed", false];
    events.push({ id: update.id, kind, at: update.created_at, incident: maintenance, update });
  }
  if (start)
    events.push({
      id: `${maintenance.id}:window-opened`,
      kind: "maintenance_started",
      at: maintenance.scheduled_for ?? maintenance.created_at,
      incident: maintenance,
    });
  if (complete)
    events.push({
      id: `${maintenance.id}:window-closed`,
      kind: "maintenance_completed",
      at: maintenance.scheduled_until ?? maintenance.created_at,
      incident: maintenance,
    });
  return events;
}

function fallenOffCutoff(before: ApiIncident[], previous: PublishedSite): { oldest: number; builtAt: number } | undefined {
  if (before.length < API_LIST_LIMIT) return undefined;
  const oldest = Math.min(...before.map(startOf));
  return { oldest, builtAt: toMillis(previous.page.updated_at) ?? Number.NaN };
}

const startOf = (incident: ApiIncident): number => toMillis(incident.scheduled_for ?? incident.started_at ?? incident.created_at) ?? 0;

function postmortemEvents(previous: PublishedSite | undefined, current: PublishedSite): NotifyEvent[] {
  const known = new Set((previous?.postmortems ?? []).map((p) => p.entryId));
  const byPage = new Map(current.incidents.map((i) => [incidentPageId(i.shortlink), i]));
  return current.postmortems
    .filter((p) => !known.has(p.entryId))
    .map((postmortem) => ({
      id: `postmortem:${postmortem.id}`,
      kind: "postmortem_published" as const,
      at: postmortem.published,
      incident: byPage.get(postmortem.id),
      postmortem,
    }));
}

/** "https://status.example.com/incidents/2026-11-17-checkout/" → "2026-11-17-checkout". */
function incidentPageId(shortlink: string): string | undefined {
  const match = /\/incidents\/([^/]+)\/?$/.exec(shortlink ?? "");
  return match ? decodeURIComponent(match[1]) : undefined;
}
