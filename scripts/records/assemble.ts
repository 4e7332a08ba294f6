// Parsed, schema-checked files → the records every consumer reads (the Repository). Pure.
// One record at a time, so a caller can assemble a part of the repository and let it go
// (decision 0182); a postmortem needs only a few times of the incident it reviews.
import { applyConfigDefaults, withPolicyDue, withPolicyReview, type DueAnchorTimes } from "./defaults.ts";
import type {
  Config,
  Incident,
  IncidentRecord,
  PostmortemRecord,
  PostmortemWithDefaults,
  RunbookRecord,
  RunbookWithDefaults,
} from "./record-types.ts";
import type { ParsedRecord } from "./read-record.ts";

/** Without a valid configuration the schema's defaults alone stand in for it, so the records can still be checked. */
export function effectiveConfig(config: Config | undefined): Config {
  return config ?? applyConfigDefaults({ site: { title: "", url: "" }, components: [] });
}

/** `data`: the file's data with the schema's defaults filled in (records/load-records.ts). */
export function assembleIncident(record: ParsedRecord, data: object): IncidentRecord {
  return { kind: "incident", ...base(record), data: data as Incident };
}

/** `incident`: the times of the incident it names, when that incident is schema-valid. */
export function assemblePostmortem(
  record: ParsedRecord,
  data: object,
  config: Config,
  incident: DueAnchorTimes | undefined,
  now: Date,
): PostmortemRecord {
  return { kind: "postmortem", ...base(record), data: withPolicyDue(data as PostmortemWithDefaults, config, incident, now) };
}

export function assembleRunbook(record: ParsedRecord, data: object, config: Config): RunbookRecord {
  return { kind: "runbook", ...base(record), data: withPolicyReview(data as RunbookWithDefaults, config) };
}

function base(record: ParsedRecord) {
  return { id: record.id, source: record.source, body: record.body, raw: record.data as Record<string, unknown> };
}
