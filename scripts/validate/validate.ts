// Validation of a whole records repository: load it (records/ reads, schema-checks and applies
// defaults), run every cross-record rule, then place each finding at its file, line and column.
// Returns data; never prints. One bad file never hides the problems of another.
//
// The records are checked in parts (decision 0182): the postmortems and runbooks are read first
// (what an incident's check needs of them: which incidents have a postmortem), then the incidents
// a few dozen at a time — read, checked by every rule, their findings placed — then the
// postmortems and runbooks are checked, with what they need of every incident gathered on the
// way. `checkRepository` lets each part of incidents go once it is checked; `validateRepository`
// keeps them for the Repository its callers build from. Both run this one path, so what is valid
// is decided in one place and both report the same diagnostics.
import path from "node:path";
import type { Finding } from "../records/finding.ts";
import { discoverRecordFiles, type RecordFile } from "../records/discover.ts";
import { loadConfig } from "../records/load-config.ts";
import { loadRecordFiles, type LoadedRecordFiles } from "../records/load-records.ts";
import { assembleIncident, assemblePostmortem, assembleRunbook, effectiveConfig } from "../records/assemble.ts";
import { createLocator, type PositionLocator } from "../records/positions.ts";
import type { Config, IncidentRecord, PostmortemRecord, RecordKind, Repository, RunbookRecord } from "../records/record-types.ts";
import { compareDiagnostics, type Diagnostic } from "../core/diagnostic.ts";
import { rules } from "./rules/index.ts";
import { releaseCheckedTexts } from "./rules/markdown-texts.ts";
import type { LinkedIncident, RuleContext } from "./rule.ts";
import type { CommitTimes } from "./commit-times.ts";
import { loadSchedules } from "../oncall/load-schedules.ts";
import { checkSchedules } from "../oncall/check-schedules.ts";
import { knownPeople } from "../oncall/known-people.ts";
import type { Schedule } from "../oncall/schedule.ts";

export interface ValidateOptions {
  /** The clock, for policy rules (postmortem due, runbook review). */
  now: Date;
  /** Report only problems in these files or folders (paths from the root), and configuration errors. Rules still see everything. */
  only?: readonly string[];
  /** When each time was committed (scripts/history/added-times.ts), for rule not-after-commit. */
  commitTimes?: CommitTimes;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Number of files read, the configuration included. */
  fileCount: number;
}

export interface ValidationResult extends CheckResult {
  repository: Repository;
  /** Schema-valid on-call schedules (oncall/*.yaml). */
  schedules: Schedule[];
}

/**
 * How many incidents are read and checked together: large enough that each rule's set-up is
 * nothing, small enough to die young. 128 rich records (the synthetic bench corpus) were enough
 * for V8 to promote parts and grow its young generation to 64 MB: peak RSS 210-220 MB instead of
 * ~120 MB, twice the page faults, +0.4-0.6 s of CPU (decision 0190).
 */
export const INCIDENTS_PER_PART = 32;

/** Validates and returns the records too (every consumer that builds from them). */
export function validateRepository(root: string, options: ValidateOptions): ValidationResult {
  const kept: IncidentRecord[] = [];
  const { diagnostics, fileCount, postmortems, runbooks, config, schedules } = check(root, options, kept);
  return { repository: { root, config, incidents: kept, postmortems, runbooks }, schedules, diagnostics, fileCount };
}

/** Validates and keeps only the diagnostics (`sitrep validate`): each part of incidents is let go once checked. */
export function checkRepository(root: string, options: ValidateOptions): CheckResult {
  const { diagnostics, fileCount } = check(root, options, undefined);
  return { diagnostics, fileCount };
}

/** `keep`: where the schema-valid incidents go, in file order; undefined to let them go. */
function check(root: string, options: ValidateOptions, keep: IncidentRecord[] | undefined) {
  const { now, commitTimes } = options;
  const loadedConfig = loadConfig(root);
  const config = loadedConfig.config;
  const configPath = loadedConfig.source.path;
  const configSource = loadedConfig.source.frontMatter;
  const diagnostics = placeFindings(loadedConfig.findings, new Map([[configPath, configSource]]));

  const allFiles = discoverRecordFiles(root);
  const idsOf = (kind: RecordKind) => new Set(allFiles.filter((f) => f.kind === kind).map((f) => f.id));
  const ids = { incident: idsOf("incident"), postmortem: idsOf("postmortem"), runbook: idsOf("runbook") };
  const incidentFiles: RecordFile[] = [];
  const otherFiles: RecordFile[] = [];
  for (const file of allFiles) (file.kind === "incident" ? incidentFiles : otherFiles).push(file);

  // Postmortems and runbooks first: which incidents a schema-valid postmortem names.
  const others = loadRecordFiles(root, otherFiles);
  const postmortemIncidents = new Set<string>();
  for (const [record, data] of others.checked)
    if (record.kind === "postmortem") postmortemIncidents.add((data as { incident: string }).incident);

  const people = config ? new Set<string>(config.oncall.people) : undefined;
  const linkedIncidents = new Map<string, LinkedIncident>();
  const context = {
    config,
    allFiles,
    ids,
    postmortemIncidents,
    linkedIncidents,
    people: undefined as ReadonlySet<string> | undefined,
    checksConfig: false,
    now,
    commitTimes,
  };

  for (let start = 0; start < incidentFiles.length; start += INCIDENTS_PER_PART)
    checkIncidents(root, incidentFiles.slice(start, start + INCIDENTS_PER_PART), context, { diagnostics, people, keep });

  const assembledConfig = effectiveConfig(config);
  const postmortems: PostmortemRecord[] = [];
  const runbooks: RunbookRecord[] = [];
  for (const [record, data] of others.checked) {
    if (record.kind === "postmortem")
      postmortems.push(
        assemblePostmortem(record, data, assembledConfig, linkedIncidents.get((data as { incident: string }).incident), now),
      );
    else runbooks.push(assembleRunbook(record, data, assembledConfig));
  }
  if (config && people) for (const person of knownPeople(config, { incidents: [], postmortems, runbooks })) people.add(person);
  runRules(others, { ...context, files: others.files, incidents: [], postmortems, runbooks, people, checksConfig: true });
  // The configuration's own findings from the rules (text-characters) are placed with the last part.
  others.sources.set(configPath, configSource);
  for (const d of placeFindings(others.findings, others.sources)) diagnostics.push(d);

  // On-call schedules (oncall/*.yaml): read like records, then their own rules (scripts/oncall/).
  const oncall = loadSchedules(root);
  const oncallFindings = [...oncall.findings];
  // The people (gathered part by part above) are held against the schedules' members.
  if (config && people && oncall.schedules.length > 0)
    oncallFindings.push(...checkSchedules(oncall.schedules, { people, now, checkWeeks: config.oncall.check_weeks }));
  const oncallSources = new Map(oncall.sources);
  if (!oncallSources.has(configPath)) oncallSources.set(configPath, configSource);
  for (const d of placeFindings(oncallFindings, oncallSources)) diagnostics.push(d);

  // Errors in the configuration are always reported: without a valid one the rules that need it
  // (components, severities, policies) are skipped for every record, so a path-limited run
  // would otherwise say "no problems" about records it could not fully check.
  const reported = diagnostics.filter((d) => isReported(d.file, options.only) || (d.file === configPath && d.severity === "error"));
  return {
    diagnostics: reported.sort(compareDiagnostics),
    fileCount: allFiles.length + 1 + oncall.fileCount,
    config: assembledConfig,
    postmortems,
    runbooks,
    schedules: oncall.schedules,
  };
}

/**
 * One part of incidents: read, checked by every rule, findings placed, and what the rest needs of
 * it gathered (`linkedIncidents`, `people`). Its own function, so that what a part holds is let go
 * when it returns, before the next part is read (decision 0190).
 */
function checkIncidents(
  root: string,
  files: readonly RecordFile[],
  context: Omit<RuleContext, "files" | "incidents" | "postmortems" | "runbooks"> & { linkedIncidents: Map<string, LinkedIncident> },
  into: { diagnostics: Diagnostic[]; people: Set<string> | undefined; keep: IncidentRecord[] | undefined },
): void {
  const { config, postmortemIncidents, linkedIncidents } = context;
  const part = loadRecordFiles(root, files);
  const incidents: IncidentRecord[] = [];
  for (const [record, data] of part.checked) incidents.push(assembleIncident(record, data));
  runRules(part, { ...context, files: part.files, incidents, postmortems: [], runbooks: [] });
  for (const d of placeFindings(part.findings, part.sources)) into.diagnostics.push(d);
  // What the rest needs of these incidents: the times of those a postmortem names, the people.
  for (const { id, data } of incidents) {
    if (!postmortemIncidents.has(id)) continue;
    // The first update only: what a due date counts from when no other time is known.
    const { type, started_at, detected_at, scheduled_start, resolved_at, updates } = data;
    linkedIncidents.set(id, { type, started_at, detected_at, scheduled_start, resolved_at, updates: updates.slice(0, 1) });
  }
  if (config && into.people)
    for (const person of knownPeople(config, { incidents, postmortems: [], runbooks: [] })) into.people.add(person);
  if (into.keep) for (const incident of incidents) into.keep.push(incident);
}

/** Every rule over one part; their findings join the part's own (read and schema findings). */
function runRules(part: LoadedRecordFiles, context: RuleContext): void {
  for (const rule of rules) {
    if (rule.needsConfig && !context.config) continue;
    for (const finding of rule.check({ ...context, config: context.config as Config })) part.findings.push(finding);
  }
  // The Markdown texts two rules share are held only while their part is checked (decision 0190).
  releaseCheckedTexts();
}

/** Resolves JSON paths to positions, parsing with positions only the files that have findings. */
function placeFindings(findings: readonly Finding[], sources: ReadonlyMap<string, string>): Diagnostic[] {
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
