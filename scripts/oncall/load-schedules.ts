// Reads the schedules in oncall/ (one YAML file per schedule, the file name its id) with the
// records' own machinery: regular files only, strict UTF-8, the fast YAML path with positions
// for syntax errors, the schema check with defaults. Never throws for bad input: findings.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../records/finding.ts";
import type { SourceFile } from "../records/record-types.ts";
import { decodeSource } from "../records/decode-source.ts";
import { readRegularFile } from "../records/regular-file.ts";
import { parseYamlFast, yamlSyntaxFindings } from "../records/parse-yaml.ts";
import { checkSchema } from "../records/schema-check.ts";
import { compareCodeUnits } from "../records/order.ts";
import type { Schedule, ScheduleData } from "./schedule.ts";

export const ONCALL_FOLDER = "oncall";
const SCHEDULE_FILE = /\.ya?ml$/;

export interface LoadedSchedules {
  /** Schema-valid schedules, defaults applied. */
  schedules: Schedule[];
  /** Every schedule file read, valid or not. */
  fileCount: number;
  findings: Finding[];
  /** YAML text by path, to place findings later. */
  sources: Map<string, string>;
}

export function loadSchedules(root: string): LoadedSchedules {
  const result: LoadedSchedules = { schedules: [], fileCount: 0, findings: [], sources: new Map() };
  const dir = path.join(root, ONCALL_FOLDER);
  if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return result;
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && SCHEDULE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort(compareCodeUnits);
  for (const name of names) {
    const file = `${ONCALL_FOLDER}/${name}`;
    result.fileCount++;
    const read = readSchedule(file, path.join(dir, name));
    result.findings.push(...read.findings);
    result.sources.set(file, read.source.text);
    if (read.data === undefined) continue;
    const schemaFindings = checkSchema("oncall", file, read.data);
    result.findings.push(...schemaFindings);
    if (schemaFindings.length === 0)
      result.schedules.push({ id: name.replace(SCHEDULE_FILE, ""), source: read.source, data: read.data as ScheduleData });
  }
  return result;
}

function readSchedule(file: string, absolutePath: string): { source: SourceFile; data: unknown; findings: Finding[] } {
  const source: SourceFile = { path: file, text: "", frontMatter: "", bodyLine: 1 };
  const read = readRegularFile(file, absolutePath);
  if (!read.ok) return { source, data: undefined, findings: [read.finding] };
  const decoded = decodeSource(file, read.bytes);
  if (!decoded.ok) return { source, data: undefined, findings: [decoded.finding] };
  source.text = decoded.text;
  source.frontMatter = decoded.text;
  const parsed = parseYamlFast(decoded.text);
  if (!parsed.ok) return { source, data: undefined, findings: yamlSyntaxFindings(file, decoded.text) };
  const data = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      source,
      data: undefined,
      findings: [
        {
          file,
          rule: "front-matter-not-mapping",
          severity: "error",
          line: 1,
          column: 1,
          message: "A schedule must be a mapping of fields.",
          hint: "Write one `field: value` per line, starting with `name:`, `timezone:` and `layers:`; oncall/README.md shows an example.",
        },
      ],
    };
  }
  return { source, data, findings: [] };
}
