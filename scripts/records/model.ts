// The record model: what the loader returns and every other module consumes.
// Field types come from the JSON Schemas (schema-types.ts is generated from them).
import type { ConfigData, IncidentData, PostmortemData, RunbookData } from "./schema-types.ts";

export type { ConfigData, IncidentData, PostmortemData, RunbookData };

export type RecordKind = "incident" | "postmortem" | "runbook";

export type IncidentUpdate = NonNullable<IncidentData["updates"]>[number];
export type TimelineEntry = NonNullable<IncidentData["timeline"]>[number];
export type ActionItemData = NonNullable<PostmortemData["action_items"]>[number];
export type ComponentImpact = NonNullable<IncidentData["components"]>[string];

/** An incident with the schema's defaults applied. */
export type Incident = IncidentData &
  Required<Pick<IncidentData, "type" | "visibility" | "drill" | "components" | "runbooks" | "updates" | "timeline">>;

/** An action item with its due date filled in from policy when the file has none. */
export type ActionItem = ActionItemData & { due: string };

/** A postmortem with the schema's defaults applied. */
export type Postmortem = Omit<PostmortemData, "action_items"> &
  Required<Pick<PostmortemData, "visibility" | "authors">> & { action_items: ActionItem[] };

/** A runbook with the schema's defaults applied. */
export type Runbook = RunbookData & Required<Pick<RunbookData, "components" | "alerts" | "review_every_days">>;

export interface Severity {
  id: string;
  name: string;
  description?: string;
  impact: "none" | "minor" | "major" | "critical";
  update_every_minutes?: number;
  postmortem_required: boolean;
}

/** The configuration with defaults applied. */
export interface Config {
  site: { title: string; url: string; description?: string; timezone: string };
  components: { id: string; name: string; group?: string; description?: string }[];
  severities: Severity[];
  policies: {
    postmortem_due_days: number;
    action_item_due_days: { P1: number; P2: number; P3: number };
    runbook_review_days: number;
  };
  github: { repository?: string; labels: string[] };
  /** Channels of `sitrep notify` (scripts/notify/channels.ts applies their per-channel defaults). */
  notifications: NonNullable<ConfigData["notifications"]>;
}

/** Where a record came from, enough to point back into it. */
export interface SourceFile {
  /** Path from the records root, with forward slashes (what diagnostics print). */
  path: string;
  /** Decoded text without a BOM. */
  text: string;
  /** The YAML text of the front matter. */
  frontMatter: string;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
}

interface RecordBase<K extends RecordKind> {
  kind: K;
  /** File name without .md; unique across the folder tree. */
  id: string;
  source: SourceFile;
  /** Markdown body. */
  body: string;
  /** The front matter as parsed, before defaults (what the schema validated). */
  raw: Record<string, unknown>;
}

export interface IncidentRecord extends RecordBase<"incident"> {
  data: Incident;
}
export interface PostmortemRecord extends RecordBase<"postmortem"> {
  data: Postmortem;
}
export interface RunbookRecord extends RecordBase<"runbook"> {
  data: Runbook;
}

/** Everything in a records repository, as loaded. */
export interface Repository {
  root: string;
  config: Config;
  incidents: IncidentRecord[];
  postmortems: PostmortemRecord[];
  runbooks: RunbookRecord[];
}
