// Parsed, schema-checked files → the Repository every consumer reads. Pure.
import { applyConfigDefaults, withPolicyDue, withPolicyReview } from "./defaults.ts";
import type {
  Config,
  Incident,
  IncidentRecord,
  PostmortemRecord,
  PostmortemWithDefaults,
  Repository,
  RunbookRecord,
  RunbookWithDefaults,
} from "./record-types.ts";
import type { ParsedRecord } from "./read-record.ts";

/**
 * `checked` maps each schema-valid file to its data with the schema's defaults filled in; the
 * other files are reported, not guessed at. Without a valid configuration the schema's defaults
 * alone stand in for it, so the records can still be checked.
 */
export function assembleRepository(
  root: string,
  checked: ReadonlyMap<ParsedRecord, object>,
  config: Config | undefined,
  now: Date,
): Repository {
  const incidents: IncidentRecord[] = [];
  const postmortems: { record: ParsedRecord; data: PostmortemWithDefaults }[] = [];
  const runbooks: { record: ParsedRecord; data: RunbookWithDefaults }[] = [];
  for (const [record, data] of checked) {
    if (record.kind === "incident") incidents.push({ kind: "incident", ...base(record), data: data as Incident });
    else if (record.kind === "postmortem") postmortems.push({ record, data: data as PostmortemWithDefaults });
    else runbooks.push({ record, data: data as RunbookWithDefaults });
  }
  const incidentById = new Map(incidents.map((i) => [i.id, i.data]));
  const effectiveConfig = config ?? applyConfigDefaults({ site: { title: "", url: "" }, components: [] });
  return {
    root,
    config: effectiveConfig,
    incidents,
    postmortems: postmortems.map(
      ({ record, data }): PostmortemRecord => ({
        kind: "postmortem",
        ...base(record),
        data: withPolicyDue(data, effectiveConfig, incidentById.get(data.incident), now),
      }),
    ),
    runbooks: runbooks.map(
      ({ record, data }): RunbookRecord => ({ kind: "runbook", ...base(record), data: withPolicyReview(data, effectiveConfig) }),
    ),
  };
}

function base(record: ParsedRecord) {
  return { id: record.id, source: record.source, body: record.body, raw: record.data as Record<string, unknown> };
}
