// Validation of a whole records repository: load it (records/ reads, schema-checks and applies
// defaults), run every cross-record rule, then place each finding at its file, line and column.
// Returns data; never prints. One bad file never hides the problems of another.
import path from "node:path";
import type { Finding } from "../records/finding.ts";
import { loadRecords } from "../records/load-records.ts";
import { createLocator, type PositionLocator } from "../records/positions.ts";
import type { Config, RecordKind, Repository } from "../records/record-types.ts";
import { compareDiagnostics, type Diagnostic } from "../core/diagnostic.ts";
import { rules } from "./rules/index.ts";
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

export interface ValidationResult {
  repository: Repository;
  /** Schema-valid on-call schedules (oncall/*.yaml). */
  schedules: Schedule[];
  diagnostics: Diagnostic[];
  /** Number of files read, the configuration included. */
  fileCount: number;
}

export function validateRepository(root: string, options: ValidateOptions): ValidationResult {
  const { repository, config, configPath, files, findings, sources } = loadRecords(root, options);
  const idsOf = (kind: RecordKind) => new Set(files.filter((f) => f.kind === kind).map((f) => f.id));
  const ids = { incident: idsOf("incident"), postmortem: idsOf("postmortem"), runbook: idsOf("runbook") };
  const context = {
    config,
    files,
    ids,
    incidents: repository.incidents,
    postmortems: repository.postmortems,
    runbooks: repository.runbooks,
    now: options.now,
    commitTimes: options.commitTimes,
  };
  for (const rule of rules) {
    if (rule.needsConfig && !config) continue;
    findings.push(...rule.check({ ...context, config: config as Config }));
  }
  // On-call schedules (oncall/*.yaml): read like records, then their own rules (scripts/oncall/).
  const oncall = loadSchedules(root);
  findings.push(...oncall.findings);
  for (const [file, text] of oncall.sources) sources.set(file, text);
  // The people are gathered from every record only when there is a schedule to hold them against.
  if (config && oncall.schedules.length > 0)
    findings.push(
      ...checkSchedules(oncall.schedules, {
        people: knownPeople(config, repository),
        now: options.now,
        checkWeeks: config.oncall.check_weeks,
      }),
    );

  // Errors in the configuration are always reported: without a valid one the rules that need it
  // (components, severities, policies) are skipped for every record, so a path-limited run
  // would otherwise say "no problems" about records it could not fully check.
  const diagnostics = placeFindings(findings, sources).filter(
    (d) => isReported(d.file, options.only) || (d.file === configPath && d.severity === "error"),
  );
  return {
    repository,
    schedules: oncall.schedules,
    diagnostics: diagnostics.sort(compareDiagnostics),
    fileCount: files.length + 1 + oncall.fileCount,
  };
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
