// Validation of a whole records repository: read everything, check schemas, apply defaults,
// run every cross-record rule, then place each finding at its file, line and column.
// Returns data; never prints. One bad file never hides the problems of another.
import path from "node:path";
import { discoverRecordFiles } from "../records/discover.ts";
import { readRecord, type ParsedRecord } from "../records/read-record.ts";
import { readConfig } from "../records/read-config.ts";
import { applyConfigDefaults, applyIncidentDefaults, applyPostmortemDefaults, applyRunbookDefaults } from "../records/defaults.ts";
import { createLocator, type PositionLocator } from "../records/positions.ts";
import type {
  Config, ConfigData, IncidentData, IncidentRecord, PostmortemData, PostmortemRecord, Repository, RunbookData, RunbookRecord,
} from "../records/model.ts";
import { checkSchema } from "./schema-check.ts";
import { checkConfigIds } from "./config-ids.ts";
import { checkNotifications } from "../notify/check-config.ts";
import { compareDiagnostics, type Diagnostic, type Finding } from "./diagnostic.ts";
import { rules } from "./rules/index.ts";

export interface ValidateOptions {
  /** The clock, for policy rules (postmortem due, runbook review). */
  now: Date;
  /** Report only problems in these files or folders (paths from the root), and configuration errors. Rules still see everything. */
  only?: readonly string[];
}

export interface ValidationResult {
  repository: Repository;
  diagnostics: Diagnostic[];
  /** Number of files read, the configuration included. */
  fileCount: number;
}

export function validateRepository(root: string, options: ValidateOptions): ValidationResult {
  const findings: Finding[] = [];
  const sources = new Map<string, string>();

  const parsedConfig = readConfig(root);
  findings.push(...parsedConfig.findings);
  sources.set(parsedConfig.source.path, parsedConfig.source.frontMatter);
  let config: Config | undefined;
  if (parsedConfig.data !== undefined) {
    const configFindings = checkSchema("config", parsedConfig.source.path, parsedConfig.data);
    if (configFindings.length === 0) {
      config = applyConfigDefaults(parsedConfig.data as ConfigData);
      configFindings.push(...checkConfigIds(parsedConfig.source.path, config));
      configFindings.push(...checkNotifications(parsedConfig.source.path, parsedConfig.data as ConfigData, config));
    }
    findings.push(...configFindings);
  }

  const files: ParsedRecord[] = [];
  for (const file of discoverRecordFiles(root)) {
    const { record, findings: readFindings } = readRecord(root, file);
    files.push(record);
    sources.set(record.source.path, record.source.frontMatter);
    findings.push(...readFindings);
  }

  const valid = new Set<ParsedRecord>();
  for (const record of files) {
    if (record.data === undefined) continue;
    const schemaFindings = checkSchema(record.kind, record.source.path, record.data);
    findings.push(...schemaFindings);
    if (schemaFindings.length === 0) valid.add(record);
  }

  const repository = buildRepository(root, files, valid, config, options.now);
  const context = { config, files, incidents: repository.incidents, postmortems: repository.postmortems, runbooks: repository.runbooks, now: options.now };
  for (const rule of rules) {
    if (rule.needsConfig && !config) continue;
    findings.push(...rule.check({ ...context, config: config as Config }));
  }

  // Errors in the configuration are always reported: without a valid one the rules that need it
  // (components, severities, policies) are skipped for every record, so a path-limited run
  // would otherwise say "no problems" about records it could not fully check.
  const diagnostics = placeFindings(findings, sources)
    .filter((d) => isReported(d.file, options.only) || (d.file === parsedConfig.source.path && d.severity === "error"));
  return { repository, diagnostics: diagnostics.sort(compareDiagnostics), fileCount: files.length + 1 };
}

function buildRepository(root: string, files: ParsedRecord[], valid: Set<ParsedRecord>, config: Config | undefined, now: Date): Repository {
  const base = (record: ParsedRecord) => ({ id: record.id, source: record.source, body: record.body, raw: record.data as Record<string, unknown>, valid: valid.has(record) });
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

/** Resolves JSON paths to positions, parsing with positions only the files that have findings. */
function placeFindings(findings: Finding[], sources: Map<string, string>): Diagnostic[] {
  const locators = new Map<string, PositionLocator>();
  return findings.map((f) => {
    let line = f.line;
    let column = f.column;
    if (line === undefined || column === undefined) {
      let locator = locators.get(f.file);
      if (!locator) {
        locator = createLocator(sources.get(f.file) ?? "");
        locators.set(f.file, locator);
      }
      ({ line, column } = locator.locate(f.path ?? [], f.at));
    }
    const diagnostic: Diagnostic = { file: f.file, line, column, rule: f.rule, severity: f.severity, message: f.message, hint: f.hint };
    if (f.path) diagnostic.path = f.path;
    return diagnostic;
  });
}

function isReported(file: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((p) => {
    const prefix = p.split(path.sep).join("/").replace(/\/+$/, "");
    return prefix === "" || prefix === "." || file === prefix || file.startsWith(`${prefix}/`);
  });
}
