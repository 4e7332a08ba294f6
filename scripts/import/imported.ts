// What every importer turns its source into before sitrep records are made: one neutral shape
// for an incident or maintenance window of another status page, with its components named as
// the source names them. Source readers (statuspage-*.ts, cstate-*.ts) produce it; plan-import.ts
// turns it into records. Pure types.

/** A component as the source page lists it. `key` is how the source's records refer to it. */
export interface SourceComponent {
  key: string;
  name: string;
  group?: string;
}

export type SourceImpact = "none" | "minor" | "major" | "critical";

export interface ImportedUpdate {
  /** RFC 3339, UTC. */
  at: string;
  /** A sitrep status (investigating…resolved, scheduled…completed). */
  status: string;
  /** Markdown. */
  body: string;
  /** Source component key → component status, the whole map in force from this update on. */
  components?: Record<string, string>;
}

export interface ImportedIncident {
  /** `<system>:<id>`: what the record keeps in `source`, and how a re-import finds it. */
  source: string;
  /** How a message names it: the source id and its title. */
  label: string;
  type: "incident" | "maintenance";
  title: string;
  /** Incidents: the impact that picks the severity. */
  impact?: SourceImpact;
  status: string;
  started_at?: string;
  mitigated_at?: string;
  resolved_at?: string;
  scheduled_start?: string;
  scheduled_end?: string;
  /** Source component key → status from the start (before the first update). */
  components: Record<string, string>;
  updates: ImportedUpdate[];
  /** The record's Markdown body (the public description). */
  body: string;
  postmortem?: { body: string; published_at: string };
}

/**
 * Whether an item already imported is as current as the source: same status, same number of
 * updates, and its postmortem imported if the source has one.
 */
export type IsCurrent = (source: string, status: string, updates: number, hasPostmortem: boolean) => boolean;

/** An item of the source left out, and why (said in the summary; never silent). */
export interface SkippedItem {
  source: string;
  label: string;
  reason: string;
}

/** Everything a source reader hands over. */
export interface ImportSourceData {
  system: string;
  /** Where it was read from (folder, URL), for the summary. */
  origin: string;
  components: SourceComponent[];
  incidents: ImportedIncident[];
  skipped: SkippedItem[];
  /**
   * Items already imported whose source has no new update and the same status (is-current.ts):
   * left unconverted, so a re-import costs little more than reading the source.
   */
  current?: { source: string; label: string; type: "incident" | "maintenance" }[];
  /** Things worth saying that change nothing (e.g. an update whose component was not listed). */
  notes: string[];
}
