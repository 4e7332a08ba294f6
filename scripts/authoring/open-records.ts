// What every authoring command starts from: the records root, the repository as validated now,
// the configuration, and every record file (valid or not, so ids of broken files count as taken).
import { readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError, UsageError } from "../errors.ts";
import { findRecordsRoot, CONFIG_FILE } from "../records/root.ts";
import { discoverRecordFiles, type RecordFile } from "../records/discover.ts";
import type { Config, IncidentRecord } from "../records/model.ts";
import { validateRepository, type ValidationResult } from "../validate/validate.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import { closest } from "../validate/closest.ts";

export interface RecordsContext {
  root: string;
  now: Date;
  before: ValidationResult;
  config: Config;
  files: RecordFile[];
}

export function openRecords(cwd: string, now: Date): RecordsContext {
  const root = findRecordsRoot(cwd);
  const before = validateRepository(root, { now });
  const configErrors = before.diagnostics.filter((d) => d.file === CONFIG_FILE && d.severity === "error");
  if (configErrors.length > 0) {
    throw new SitrepError(`${CONFIG_FILE} has ${configErrors.length} error(s), so sitrep cannot check what it would write:\n\n${formatPretty(configErrors, { color: false })}`, {
      hint: "Fix the configuration first (`npx sitrep validate`).", exitCode: 1,
    });
  }
  return { root, now, before, config: before.repository.config, files: discoverRecordFiles(root) };
}

export interface FoundIncident {
  file: RecordFile;
  record: IncidentRecord;
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
  const record = context.before.repository.incidents.find((r) => r.id === wanted);
  if (!record) {
    const problems = context.before.diagnostics.filter((d) => d.file === file.path && d.severity === "error");
    throw new SitrepError(`${file.path} does not pass the schema, so sitrep cannot edit it safely:\n\n${formatPretty(problems, { color: false })}`, {
      hint: "Fix the errors above by hand (`npx sitrep validate`), then run the command again.", exitCode: 1,
    });
  }
  return { file, record, text: readFileSync(path.join(context.root, file.path), "utf8") };
}
