// The one loader of record files: given some of a repository's record files (discover.ts), each
// file parsed, schema-checked with the schema's defaults filled in, plus what was wrong on the way.
// Never throws for bad input. validate/ loads the postmortems and runbooks, then the incidents a
// part at a time, letting each part go once it is checked (decision 0182);
// assemble.ts turns the checked data into records, validate/ adds the cross-record rules and
// places every finding at a line.
import type { Finding } from "./finding.ts";
import type { RecordFile } from "./discover.ts";
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

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
