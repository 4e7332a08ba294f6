// What is new in this build: every published update, maintenance transition and postmortem that
// the previous build did not contain. No state store: the previous public site is the memory,
// so a rerun of the same deploy (previous = current) finds nothing. Pure: two snapshots in.
import type { ApiIncident, ApiUpdate, PublishedSite } from "./published-site.ts";
import type { PostmortemEntry } from "./feed-postmortems.ts";
import { maintenanceChanges } from "./maintenance-changes.ts";

export type EventKind =
  | "incident_declared" | "incident_updated" | "incident_resolved"
  | "maintenance_scheduled" | "maintenance_started" | "maintenance_updated" | "maintenance_completed"
  | "postmortem_published"
  | "maintenance_cancelled" | "maintenance_rescheduled";

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
 * The Statuspage list endpoints hold the 50 newest incidents; an incident older than a full
 * previous list may simply have fallen off it, so only its updates after the previous build are new.
 */
export const API_LIST_LIMIT = 50;

/** Events in time order. `previous` undefined means "send everything" (`--all`). */
export function newEvents(previous: PublishedSite | undefined, current: PublishedSite): NotifyEvent[] {
  const events: NotifyEvent[] = [];
  events.push(...listEvents(previous?.incidents, current.incidents, previous, false));
  events.push(...listEvents(previous?.maintenances, current.maintenances, previous, true));
  events.push(...clockEvents(previous, current, events));
  events.push(...postmortemEvents(previous, current));
  return maintenanceChanges(previous, current, events)
    .map((event, order) => ({ event, order, at: Date.parse(event.at) || 0 }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ event }) => event);
}

function listEvents(before: ApiIncident[] | undefined, now: ApiIncident[], previous: PublishedSite | undefined, maintenance: boolean): NotifyEvent[] {
  const known = new Map((before ?? []).map((i) => [i.id, i]));
  const seenUpdates = new Set((before ?? []).flatMap((i) => i.incident_updates.map((u) => u.id)));
  const cutoff = previous && before ? fallenOffCutoff(before, previous) : undefined;
  const events: NotifyEvent[] = [];
  for (const incident of now) {
    const isNew = !known.has(incident.id);
    const oldestFirst = [...incident.incident_updates].reverse();
    if (isNew && oldestFirst.length === 0 && !(cutoff && olderThan(incident, cutoff.oldest))) {
      events.push({ id: `${incident.id}:declared`, kind: maintenance ? "maintenance_scheduled" : "incident_declared", at: incident.created_at, incident });
    }
    oldestFirst.forEach((update, index) => {
      if (seenUpdates.has(update.id)) return;
      if (isNew && cutoff && olderThan(incident, cutoff.oldest) && Date.parse(update.created_at) <= cutoff.builtAt) return;
      const first = isNew && index === 0;
      events.push({ id: update.id, kind: maintenance ? maintenanceKind(update.status, first) : incidentKind(update.status, first), at: update.created_at, incident, update });
    });
  }
  return events;
}

function incidentKind(status: string, first: boolean): EventKind {
  if (status === "resolved") return "incident_resolved";
  return first ? "incident_declared" : "incident_updated";
}

function maintenanceKind(status: string, first: boolean): EventKind {
  if (status === "in_progress") return "maintenance_started";
  if (status === "completed") return "maintenance_completed";
  return first ? "maintenance_scheduled" : "maintenance_updated";
}

function fallenOffCutoff(before: ApiIncident[], previous: PublishedSite): { oldest: number; builtAt: number } | undefined {
  if (before.length < API_LIST_LIMIT) return undefined;
  const oldest = Math.min(...before.map(startOf));
  return { oldest, builtAt: Date.parse(previous.page.updated_at) };
}

const startOf = (incident: ApiIncident): number => Date.parse(incident.scheduled_for ?? incident.started_at ?? incident.created_at) || 0;
const olderThan = (incident: ApiIncident, oldest: number): boolean => startOf(incident) < oldest;

/**
 * Maintenance windows open and close by the clock: the scheduled deploy publishes a window as
 * active without anyone posting an update. Entering or leaving the active list is then the news,
 * unless an update of this build already said so.
 */
function clockEvents(previous: PublishedSite | undefined, current: PublishedSite, already: NotifyEvent[]): NotifyEvent[] {
  const said = (id: string, kind: EventKind) => already.some((e) => e.incident?.id === id && e.kind === kind);
  const wasActive = previous?.activeMaintenance ?? new Set<string>();
  const events: NotifyEvent[] = [];
  for (const maintenance of current.maintenances) {
    const active = current.activeMaintenance.has(maintenance.id);
    // The API says in_progress once the window opens by the clock (decision 0125): the news is that
    // no posted update has said so.
    const posted = (...statuses: string[]) => maintenance.incident_updates.some((u) => statuses.includes(u.status));
    if (active && !wasActive.has(maintenance.id) && !posted("in_progress", "verifying", "completed") && !said(maintenance.id, "maintenance_started")) {
      events.push({ id: `${maintenance.id}:window-opened`, kind: "maintenance_started", at: maintenance.scheduled_for ?? maintenance.created_at, incident: maintenance });
    }
    if (!active && wasActive.has(maintenance.id) && !posted("completed") && !said(maintenance.id, "maintenance_completed")) {
      events.push({ id: `${maintenance.id}:window-closed`, kind: "maintenance_completed", at: maintenance.scheduled_until ?? current.page.updated_at, incident: maintenance });
    }
  }
  return events;
}

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
