// What `sitrep notify` reads: the public build's Statuspage v2 JSON and its Atom feed, never the
// records. Everything a message says comes from here, so nothing is announced that the public
// site does not show (internal incidents, drills and near-misses are not in the public build).
// Pure: file texts in, a typed snapshot out, or the reason the files are unusable.
import { postmortemEntries, type PostmortemEntry } from "./feed-postmortems.ts";
import { cancellationEntries, type Cancellation } from "./feed-cancellations.ts";

/** The files notify reads, by path from the site root. */
export const SITE_FILES = {
  incidents: "api/v2/incidents.json",
  maintenances: "api/v2/scheduled-maintenances.json",
  active: "api/v2/scheduled-maintenances/active.json",
  status: "api/v2/status.json",
  atom: "history.atom",
} as const;

export type SiteFile = keyof typeof SITE_FILES;

export interface ApiComponentChange {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
}

export interface ApiUpdate {
  id: string;
  status: string;
  body: string;
  created_at: string;
  affected_components: ApiComponentChange[] | null;
  [field: string]: unknown;
}

export interface ApiComponent {
  id: string;
  name: string;
  status: string;
  [field: string]: unknown;
}

/** An incident or a scheduled maintenance, as the Statuspage v2 API lists it. */
export interface ApiIncident {
  id: string;
  name: string;
  status: string;
  impact: string;
  shortlink: string;
  created_at: string;
  started_at?: string;
  scheduled_for?: string | null;
  scheduled_until?: string | null;
  /** Newest first, as Statuspage lists them. */
  incident_updates: ApiUpdate[];
  components: ApiComponent[];
  [field: string]: unknown;
}

export interface PublishedSite {
  page: { id: string; name: string; url: string; updated_at: string };
  status: { indicator: string; description: string };
  incidents: ApiIncident[];
  maintenances: ApiIncident[];
  /** Ids of the maintenance in progress at build time (the window is open, or it was reported started). */
  activeMaintenance: Set<string>;
  postmortems: PostmortemEntry[];
  /** Maintenance cancellations the feed marks (the API calls them `completed`); absent when unknown. */
  cancellations?: Cancellation[];
}

export type ParseResult = { ok: true; site: PublishedSite } | { ok: false; reason: string };

/** The snapshot from the files' texts; `history.atom` may be missing (older builds had no postmortem entries either). */
export function parsePublishedSite(files: Partial<Record<SiteFile, string>>): ParseResult {
  const json: Partial<Record<SiteFile, Record<string, unknown>>> = {};
  for (const key of ["incidents", "maintenances", "active", "status"] as const) {
    const text = files[key];
    if (text === undefined) return { ok: false, reason: `${SITE_FILES[key]} is missing` };
    try {
      json[key] = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: `${SITE_FILES[key]} is not JSON (${(error as Error).message})` };
    }
  }
  const incidents = listOf(json.incidents, "incidents");
  const maintenances = listOf(json.maintenances, "scheduled_maintenances");
  const active = listOf(json.active, "scheduled_maintenances");
  const status = json.status?.status as PublishedSite["status"] | undefined;
  const page = json.incidents?.page as PublishedSite["page"] | undefined;
  if (!incidents || !maintenances || !active || !status || !page) {
    return { ok: false, reason: "the files do not have the Statuspage v2 shape (page, incidents, scheduled_maintenances, status)" };
  }
  const bad = [...incidents, ...maintenances].find((i) => typeof i.id !== "string" || !Array.isArray(i.incident_updates));
  if (bad) return { ok: false, reason: `an incident in the API has no id or no incident_updates list` };
  return {
    ok: true,
    site: {
      page, status, incidents, maintenances,
      activeMaintenance: new Set(active.map((m) => m.id)),
      postmortems: files.atom === undefined ? [] : postmortemEntries(files.atom),
      cancellations: files.atom === undefined ? [] : cancellationEntries(files.atom),
    },
  };
}

function listOf(file: Record<string, unknown> | undefined, key: string): ApiIncident[] | undefined {
  const list = file?.[key];
  return Array.isArray(list) ? (list as ApiIncident[]) : undefined;
}
