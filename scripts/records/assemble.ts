// Parsed, schema-valid files → the Repository every consumer reads, with defaults applied. Pure.
import { applyConfigDefaults, applyIncidentDefaults, applyPostmortemDefaults, applyRunbookDefaults } from "./defaults.ts";
import type {
  Config, ConfigData, IncidentData, IncidentRecord, PostmortemData, PostmortemRecord, Repository, RunbookData, RunbookRecord,
} from "./model.ts";
import type { ParsedRecord } from "./read-record.ts";

/**
 * Only records in `valid` are assembled (the others are reported, not guessed at). Without a
 * valid configuration the defaults alone stand in, so the records can still be checked.
 */
export function assembleRepository(root: string, files: readonly ParsedRecord[], valid: ReadonlySet<ParsedRecord>, config: Config | undefined, now: Date): Repository {
  const base = (record: ParsedRecord) => ({ id: record.id, source: record.source, body: record.body, raw: record.data as Record<string, unknown> });
  const incidents: IncidentRecord[] = files
    .filter((f) => f.kind === "incident" && valid.has(f))
    .map((f) => ({ kind: "incident", ...base(f), data: applyIncidentDefaults(f.data as IncidentData) }));
  const incidentById = new Map(incidents.map((i) => [i.id, i.data]));
  const effectiveConfig = config ?? applyConfigDefaults({ site: { title: "", url: "" }, components: [] as unknown as ConfigData["components"] });
  const postmortems: PostmortemRecord[] = files
    .filter((f) => f.kind === "postmortem" && valid.has(f))
    .map((f) => {
      const data = f.data as PostmortemData;
      return { kind: "postmortem", ...base(f), data: applyPostmortemDefaults(data, effectiveConfig, incidentById.get(data.incident), now) };
    });
  const runbooks: RunbookRecord[] = files
    .filter((f) => f.kind === "runbook" && valid.has(f))
    .map((f) => ({ kind: "runbook", ...base(f), data: applyRunbookDefaults(f.data as RunbookData, effectiveConfig) }));
  return { root, config: effectiveConfig, incidents, postmortems, runbooks };
}
