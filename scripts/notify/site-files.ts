// The files of a published site that `sitrep notify` reads, by path from the site root.
export const SITE_FILES = {
  incidents: "api/v2/incidents.json",
  maintenances: "api/v2/scheduled-maintenances.json",
  status: "api/v2/status.json",
  /** Every incident and maintenance, uncut (sites built before it lack it: the lists above then stand in). */
  history: "history.json",
  /** The build stamp: version, built_at, audience. */
  stamp: "build.json",
  atom: "history.atom",
} as const;

export type SiteFile = keyof typeof SITE_FILES;
