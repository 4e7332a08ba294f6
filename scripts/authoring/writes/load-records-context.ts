// What every authoring command starts from: the records root, the configuration, and every
// record file (valid or not, so ids of broken files count as taken). Reads only what it needs:
// the config and, for edits, the one incident — the full validation runs once, on the result.
import { readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError, UsageError } from "../../errors.ts";
import { findRecordsRoot, CONFIG_FILE } from "../../records/root.ts";
import { discoverRecordFiles, type RecordFile } from "../../records/discover.ts";
import { loadConfig } from "../../records/load-config.ts";
import { readRecord } from "../../records/read-record.ts";
import { applyIncidentDefaults } from "../../records/defaults.ts";
import type { Config, Incident, IncidentData } from "../../records/record-types.ts";
import { checkSchema } from "../../records/schema-check.ts";
import { validateRepository } from "../../validate/validate.ts";
import { formatPretty } from "../../validate/format-pretty.ts";
import { closest } from "../../records/closest.ts";
import { matchId } from "../flags/match-id.ts";
import { SITREP } from "../../core/run-sitrep.ts";

export interface RecordsContext {
  root: string;
  now: Date;
  config: Config;
  files: RecordFile[];
}

export function loadRecordsContext(cwd: string, now: Date): RecordsContext {
  const root = findRecordsRoot(cwd);
  const { config, findings } = loadConfig(root);
  // A warning (an older record format, say) never stops a command at 2 a.m.; errors do.
  if (!config || findings.some((f) => f.severity === "error"))
    refuse(
      root,
      now,
      CONFIG_FILE,
      `${CONFIG_FILE} has errors, so sitrep cannot check what it would write`,
      "Fix the configuration first (`npx sitrep validate`).",
    );
  return { root, now, config: config!, files: discoverRecordFiles(root) };
}

export interface FoundIncident {
  id: string;
  file: RecordFile;
  /** The incident with defaults applied. */
  data: Incident;
  text: string;
  /** The short id the user typed, when it was not the whole id (the command says what it took). */
  shortFor?: string;
  /** What the command took without being told exactly (a short id, the one open incident): printed with the result. */
  note?: string;
}

/**
 * The incident with this id — or a unique prefix of it, or a unique run of words of its slug
 * (flags/match-id.ts; `preferred`, the open ones, break a tie) — or a UsageError that lists the
 * candidates or suggests the closest id.
 */
export function findIncident(
  context: RecordsContext,
  id: string,
  command: string,
  preferred: ReadonlySet<string> = new Set(),
): FoundIncident {
  const ids = context.files.filter((f) => f.kind === "incident").map((f) => f.id);
  const match = matchId(id, ids, preferred);
  const wanted = id.replace(/\.md$/, "").split("/").pop() ?? id;
  if (match.kind === "ambiguous") {
    const shown = match.candidates.slice(0, 5);
    throw new UsageError(
      `\`${wanted}\` matches ${match.candidates.length} incidents: ${shown.join(", ")}${match.candidates.length > shown.length ? ", …" : ""}.`,
      `Give more of the id, e.g. \`${SITREP} ${command} ${shown[0]} …\`.`,
    );
  }
  if (match.kind === "none") {
    const suggestion =
      closest(wanted, ids) ??
      closest(
        wanted,
        ids.map((i) => i.replace(/^\d{4}-\d{2}-\d{2}-/, "")),
      );
    const full = suggestion && (ids.includes(suggestion) ? suggestion : ids.find((i) => i.endsWith(`-${suggestion}`)));
    throw new UsageError(
      `No incident with id \`${wanted}\` (looked for incidents/**/${wanted}.md, and for ids that start with it or have it as words of their name).`,
      full
        ? `Did you mean \`${full}\`? Run \`${SITREP} ${command} ${full} …\`.`
        : "The id is the file name without .md, e.g. 2026-11-20-checkout-errors; a unique part of it works too (`checkout-errors`).",
    );
  }
  const file = context.files.find((f) => f.kind === "incident" && f.id === match.id)!;
  const { record, findings } = readRecord(context.root, file);
  if (findings.length > 0 || record.data === undefined || checkSchema("incident", file.path, record.data).length > 0) {
    refuse(
      context.root,
      context.now,
      file.path,
      `${file.path} does not pass the schema, so sitrep cannot edit it safely`,
      "Fix the errors above by hand (`npx sitrep validate`), then run the command again.",
    );
  }
  return {
    id: file.id,
    file,
    data: applyIncidentDefaults(record.data as IncidentData),
    text: readFileSync(path.join(context.root, file.path), "utf8"),
    shortFor: match.kind === "short" ? wanted : undefined,
  };
}

/** Stops with the validator's full, positioned report for one file (the slow path, only on failure). */
function refuse(root: string, now: Date, file: string, what: string, hint: string): never {
  const problems = validateRepository(root, { now, only: [file] }).diagnostics.filter((d) => d.severity === "error");
  throw new SitrepError(`${what}:\n\n${formatPretty(problems, { color: false })}`, { hint, exitCode: 1 });
}
