// One record file: bytes → text → front matter + body → data. Pure apart from the read.
import path from "node:path";
import type { Finding } from "./finding.ts";
import { decodeSource } from "./decode-source.ts";
import { readRegularFile } from "./regular-file.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { parseYamlFast, yamlSyntaxFindings } from "./parse-yaml.ts";
import type { RecordKind, SourceFile } from "./record-types.ts";
import type { RecordFile } from "./discover.ts";

export interface ParsedRecord {
  kind: RecordKind;
  id: string;
  source: SourceFile;
  body: string;
  /** The front matter's data; undefined when the file could not be decoded, split or parsed. */
  data: unknown;
}

export interface ReadResult {
  /** Always present, so a broken file's id still counts as taken and as existing. */
  record: ParsedRecord;
  findings: Finding[];
}

export function readRecord(root: string, file: RecordFile): ReadResult {
  const absolutePath = path.join(root, file.path);
  const read = readRegularFile(file.path, absolutePath);
  if (!read.ok) {
    const source: SourceFile = { path: file.path, text: "", frontMatter: "", bodyLine: 1 };
    return { record: { kind: file.kind, id: file.id, source, body: "", data: undefined }, findings: [read.finding] };
  }
  return parseRecord(file, read.bytes);
}

/** Parses a record's bytes; never throws for bad input, returns findings instead. */
export function parseRecord(file: RecordFile, bytes: Uint8Array): ReadResult {
  const source: SourceFile = { path: file.path, text: "", frontMatter: "", bodyLine: 1 };
  const record: ParsedRecord = { kind: file.kind, id: file.id, source, body: "", data: undefined };
  const decoded = decodeSource(file.path, bytes);
  if (!decoded.ok) return { record, findings: [decoded.finding] };
  source.text = decoded.text;
  const split = splitFrontMatter(file.path, decoded.text);
  if (!split.ok) return { record, findings: [split.finding] };
  const { yaml, body, bodyLine } = split.value;
  Object.assign(source, { frontMatter: yaml, bodyLine });
  record.body = body;
  const parsed = parseYamlFast(yaml);
  if (!parsed.ok) return { record, findings: yamlSyntaxFindings(file.path, yaml) };
  // An empty front matter is an empty mapping: report its missing fields, not its shape.
  record.data = parsed.data ?? {};
  return { record, findings: [] };
}
