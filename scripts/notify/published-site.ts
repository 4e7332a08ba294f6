// What `sitrep notify` reads: the public build's Statuspage v2 JSON, its full history
// (history.json), its Atom feed and its build stamp (build.json), never the records. Everything a
// message says comes from here, so nothing is announced that the public site does not show.
// Pure: file texts in, a typed snapshot out, or the reason the files are unusable — a malformed
// site gives a reason naming the file and the field, never an exception.
import { postmortemEntries, type PostmortemEntry } from "./feed-postmortems.ts";
import { shapeProblem } from "./site-shape.ts";
import { SITE_FILES, type SiteFile } from "./site-files.ts";
import { cancellationEntries, type Cancellation } from "./feed-cancellations.ts";

export { SITE_FILES, type SiteFile };

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

/** build.json: which build this is (decisions 0121, 0172). */
export interface BuildStamp {
  version: string;
  builtAt: string;
  /** "public" or "internal"; undefined on sites built before the build stamp said so. */
  audience?: string;
}

export interface PublishedSite {
  page: { id: string; name: string; url: string; updated_at: string };
  status: { indicator: string; description: string };
  incidents: ApiIncident[];
  maintenances: ApiIncident[];
  /**
   * True when `incidents` and `maintenances` are every one the build publishes (history.json);
   * false for a site built before history.json, whose lists hold the 50 newest only.
   */
  complete: boolean;
  postmortems: PostmortemEntry[];
  stamp?: BuildStamp;
  /** Maintenance cancellations the feed marks (the API calls them `completed`); absent when unknown. */
  cancellations?: Cancellation[];
}

export type ParseResult = { ok: true; site: PublishedSite } | { ok: false; reason: string };

/** The snapshot from the files' texts; history.json, build.json and history.atom may be missing (older builds). */
export function parsePublishedSite(files: Partial<Record<SiteFile, string>>): ParseResult {
  const json: Partial<Record<SiteFile, unknown>> = {};
  for (const key of ["incidents", "maintenances", "status", "history", "stamp"] as const) {
    const text = files[key];
    if (text === undefined) {
      if (key === "history" || key === "stamp") continue;
      return { ok: false, reason: `${SITE_FILES[key]} is missing` };
    }
    try {
      json[key] = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: `${SITE_FILES[key]} is not JSON (${(error as Error).message})` };
    }
  }
  const problem = shapeProblem(json);
  if (problem) return { ok: false, reason: problem };
  const get = (key: SiteFile, field: string) => (json[key] as Record<string, unknown>)[field];
  const history = json.history as Record<string, unknown> | undefined;
  const stamp = json.stamp as Record<string, string> | undefined;
  return {
    ok: true,
    site: {
      page: get("incidents", "page") as PublishedSite["page"],
      status: get("status", "status") as PublishedSite["status"],
      incidents: (history ? history.incidents : get("incidents", "incidents")) as ApiIncident[],
      maintenances: (history ? history.scheduled_maintenances : get("maintenances", "scheduled_maintenances")) as ApiIncident[],
      complete: history !== undefined,
      postmortems: files.atom === undefined ? [] : postmortemEntries(files.atom),
      ...(stamp
        ? {
            stamp: {
              version: stamp.version,
              builtAt: stamp.built_at,
              ...(typeof stamp.audience === "string" ? { audience: stamp.audience } : {}),
            },
          }
        : {}),
      cancellations: files.atom === undefined ? [] : cancellationEntries(files.atom),
    },
  };
}
