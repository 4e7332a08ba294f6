// What every authoring command starts from: the records root, the configuration, and every
// record file (valid or not, so ids of broken files count as taken). Reads only what it needs:
// the config and, for edits, the one incident — the full validation runs once, on the result.
import { readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError, UsageError } from "../errors.ts";
import { findRecordsRoot, CONFIG_FILE } from "../records/root.ts";
import { discoverRecordFiles, type RecordFile } from "../records/discover.ts";
import { loadConfig } from "../records/load-config.ts";
import { readRecord } from "../records/read-record.ts";
import { applyIncidentDefaults } from "../records/defaults.ts";
import type { Config, Incident, IncidentData } from "../records/model.ts";
import { checkSchema } from "../records/schema-check.ts";
import { validateRepository } from "../validate/validate.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import { closest } from "../records/closest.ts";

export interface RecordsContext {
  root: string;
  now: Date;
  config: Config;
  files: RecordFile[];
}

export function openRecords(cwd: string, now: Date): RecordsContext {
  const root = findRecordsRoot(cwd);
  const { config, findings } = loadConfig(root);
  if (!config || findings.length > 0) refuse(root, now, CONFIG_FILE, `${CONFIG_FILE} has errors, so sitrep cannot check what it would write`, "Fix the configuration first (`npx sitrep validate`).");
  return { root, now, config: config!, files: discoverRecordFiles(root) };
}

export interface FoundIncident {
  id: string;
  file: RecordFile;
  /** The incident with defaults applied. */
  data: Incident;
  text: string;
}

/** The incident with this id, or a UsageError that suggests the closest id. */
export function findIncident(context: RecordsContext, id: string, command: string): FoundIncident {
  const wanted = id.replace(/\.md$/, "").split("/").pop() ?? id;
  const file = context.files.find((f) => f.kind === "incident" && f.id === wanted);
  if (!file) {
    const ids = context.files.filter((f) => f.kind === "incident").map((f) => f.id);
    const suggestion = closest(wanted, ids);
    throw new UsageError(`No incident with id \`${wanted}\` (looked for incidents/**/${wanted}.md).`,
      suggestion ? `Did you mean \`${suggestion}\`? Run \`npx sitrep ${command} ${suggestion} …\`.` : "The id is the file name without .md, e.g. 2026-11-20-checkout-errors.");
  }
  const { record, findings } = readRecord(context.root, file);
  if (findings.length > 0 || record.data === undefined || checkSchema("incident", file.path, record.data).length > 0) {
    refuse(context.root, context.now, file.path, `${file.path} does not pass the schema, so sitrep cannot edit it safely`, "Fix the errors above by hand (`npx sitrep validate`), then run the command again.");
  }
  return { id: file.id, file, data: applyIncidentDefaults(record.data as IncidentData), text: readFileSync(path.join(context.root, file.path), "utf8") };
}

/** Stops with the validator's full, positioned report for one file (the slow path, only on failure). */
function refuse(root: string, now: Date, file: string, what: string, hint: string): never {
  const problems = validateRepository(root, { now, only: [file] }).diagnostics.filter((d) => d.severity === "error");
  throw new SitrepError(`${what}:\n\n${formatPretty(problems, { color: false })}`, { hint, exitCode: 1 });
}
