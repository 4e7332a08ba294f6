// The one loader: a records repository's files → the configuration and every record, parsed,
// schema-checked and assembled with defaults, plus what was wrong on the way. Never throws for
// bad input; validate/ adds the cross-record rules and places every finding at a line.
import type { Finding } from "./finding.ts";
import { discoverRecordFiles } from "./discover.ts";
import { loadConfig } from "./load-config.ts";
import { readRecord, type ParsedRecord } from "./read-record.ts";
import { checkSchema } from "./schema-check.ts";
import { assembleRepository } from "./assemble.ts";
import type { Config, Repository } from "./record-types.ts";

export interface LoadedRecords {
  repository: Repository;
  /** Undefined when the configuration itself is invalid (the repository then holds the defaults). */
  config: Config | undefined;
  /** Path of the configuration file from the root. */
  configPath: string;
  /** Every record file that exists, parseable or not (ids of broken files still count). */
  files: ParsedRecord[];
  /** Problems found while reading and schema-checking, not yet placed at a line. */
  findings: Finding[];
  /** Front matter text by path, to place findings later. */
  sources: Map<string, string>;
}

export function loadRecords(root: string, options: { now: Date }): LoadedRecords {
  const loadedConfig = loadConfig(root);
  const findings: Finding[] = [...loadedConfig.findings];
  const sources = new Map<string, string>([[loadedConfig.source.path, loadedConfig.source.frontMatter]]);

  const files: ParsedRecord[] = [];
  for (const file of discoverRecordFiles(root)) {
    const { record, findings: readFindings } = readRecord(root, file);
    files.push(record);
    sources.set(record.source.path, record.source.frontMatter);
    findings.push(...readFindings);
  }

  // The check fills in the schema's defaults; it gets a shallow copy so `raw` stays the front
  // matter as written (every record default is a top-level field).
  const checked = new Map<ParsedRecord, object>();
  for (const record of files) {
    if (record.data === undefined) continue;
    const data = isMapping(record.data) ? { ...record.data } : record.data;
    const schemaFindings = checkSchema(record.kind, record.source.path, data);
    findings.push(...schemaFindings);
    if (schemaFindings.length === 0) checked.set(record, data as object);
  }

  const { config } = loadedConfig;
  const repository = assembleRepository(root, checked, config, options.now);
  return { repository, config, configPath: loadedConfig.source.path, files, findings, sources };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
