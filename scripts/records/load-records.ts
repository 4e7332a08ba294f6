// The one loader of record files: given some of a repository's record files (discover.ts), each
// file parsed, schema-checked with the schema's defaults filled in, plus what was wrong on the way.
// Never throws for bad input. Callers load all files at once or a part at a time (validate/ loads
// the bulk of the incidents in parts and lets each go once it is checked: decision 0182);
// assemble.ts turns the checked data into records, validate/ adds the cross-record rules and
// places every finding at a line.
import type { Finding } from "./finding.ts";
import { discoverRecordFiles, type RecordFile } from "./discover.ts";
import { loadConfig } from "./load-config.ts";
import { assembleRepository } from "./assemble.ts";
import type { Config, Repository } from "./record-types.ts";
import { readRecord, type ParsedRecord } from "./read-record.ts";
import { checkSchema } from "./schema-check.ts";

export interface LoadedRecordFiles {
  /** Every file given, parseable or not (ids of broken files still count), in the order given. */
  files: ParsedRecord[];
  /** The schema-valid files, in the order given, each with its data with the schema's defaults. */
  checked: Map<ParsedRecord, object>;
  /** Problems found while reading and schema-checking, not yet placed at a line. */
  findings: Finding[];
  /** Front matter text by path, to place findings later. */
  sources: Map<string, string>;
}

export function loadRecordFiles(root: string, recordFiles: readonly RecordFile[]): LoadedRecordFiles {
  const files: ParsedRecord[] = [];
  const checked = new Map<ParsedRecord, object>();
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  for (const file of recordFiles) {
    const { record, findings: readFindings } = readRecord(root, file);
    files.push(record);
    sources.set(record.source.path, record.source.frontMatter);
    for (const finding of readFindings) findings.push(finding);
  }
  // Read findings first, then schema findings, as a whole repository loaded at once has them.
  for (const record of files) {
    if (record.data === undefined) continue;
    // The check fills in the schema's defaults; it gets a shallow copy so `raw` stays the front
    // matter as written (every record default is a top-level field).
    const data = isMapping(record.data) ? { ...record.data } : record.data;
    const schemaFindings = checkSchema(record.kind, record.source.path, data);
    for (const finding of schemaFindings) findings.push(finding);
    if (schemaFindings.length === 0) checked.set(record, data as object);
  }
  return { files, checked, findings, sources };
}

export interface LoadedRecords {
  repository: Repository;
  /** Undefined when the configuration itself is invalid (the repository then holds the defaults). */
  config: Config | undefined;
  /** Path of the configuration file from the root. */
  configPath: string;
  /** Every record file that exists, parseable or not. */
  files: ParsedRecord[];
  /** Problems found while reading and schema-checking (configuration first), not yet placed at a line. */
  findings: Finding[];
  /** Front matter text by path, the configuration's included. */
  sources: Map<string, string>;
}

/** The configuration and every record file at once, assembled; without the cross-record rules (validate/ adds them). */
export function loadRecords(root: string, options: { now: Date }): LoadedRecords {
  const loadedConfig = loadConfig(root);
  const { files, checked, findings, sources } = loadRecordFiles(root, discoverRecordFiles(root));
  sources.set(loadedConfig.source.path, loadedConfig.source.frontMatter);
  const { config } = loadedConfig;
  const repository = assembleRepository(root, checked, config, options.now);
  return { repository, config, configPath: loadedConfig.source.path, files, findings: [...loadedConfig.findings, ...findings], sources };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
