// The record model: what the loader returns and every other module consumes.
// Field types come from the JSON Schemas (schema-types.ts is generated from them).
import type {
  ConfigData,
  ConfigWithDefaults,
  IncidentData,
  IncidentWithDefaults,
  PostmortemData,
  PostmortemWithDefaults,
  RunbookData,
  RunbookWithDefaults,
} from "./schema-types.ts";

export type { ConfigData, IncidentData, PostmortemData, RunbookData };
export type { ConfigWithDefaults, IncidentWithDefaults, PostmortemWithDefaults, RunbookWithDefaults };

export type RecordKind = "incident" | "postmortem" | "runbook";

export type IncidentUpdate = IncidentWithDefaults["updates"][number];
export type TimelineEntry = IncidentWithDefaults["timeline"][number];
export type ActionItemData = PostmortemWithDefaults["action_items"][number];
export type ComponentImpact = IncidentWithDefaults["components"][string];

/** An incident with the schema's defaults applied. */
export type Incident = IncidentWithDefaults;

/** An action item with its due date filled in from policy when the file has none. */
export type ActionItem = ActionItemData & { due: string };

/** A postmortem with the schema's defaults applied, and each action item's due date. */
export type Postmortem = Omit<PostmortemWithDefaults, "action_items"> & { action_items: ActionItem[] };

/** A runbook with the schema's defaults applied, and its review interval from policy when it has none. */
export type Runbook = RunbookWithDefaults & { review_every_days: number };

/** The configuration with the schema's defaults applied. */
export type Config = ConfigWithDefaults;
export type Severity = Config["severities"][number];

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
