// The shared path of update, acknowledge, mitigate and resolve: find the incident, edit its
// front matter Document, check the result with the validator, write it, say what to run next.
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Document } from "yaml";
import { askChoice, idArgument, type AskContext } from "./ask.ts";
import { commitChanges } from "./commit-changes.ts";
import { readRecord } from "../records/read-record.ts";
import { editFrontMatter } from "./front-matter-edit.ts";
import { newPullRequestCommands } from "./next-steps.ts";
import { pathFromCwd } from "./new-record.ts";
import { findIncident, openRecords, type FoundIncident, type RecordsContext } from "./open-records.ts";
import { writtenRecord, type AuthoringResult } from "./authoring-result.ts";
import { formatTime } from "./time-input.ts";

export interface IncidentEdit {
  /** e.g. "Posted update to"; the id follows. */
  verb: string;
  /** The commit message, without the id. */
  commitMessage: string;
  edit: (doc: Document) => void;
  notes?: string[];
}

/**
 * The incident named by the one positional argument. On a terminal without one, a list of the
 * open incidents (most recent first) to pick from; otherwise a UsageError with the usage line.
 */
export async function openIncident(positionals: string[], ask: AskContext, cwd: string, now: Date, command: string, offer: { maintenance: boolean } = { maintenance: true }): Promise<{ context: RecordsContext; found: FoundIncident }> {
  if (positionals.length === 0 && ask.interactive) {
    const context = openRecords(cwd, now);
    const open = openIncidents(context).filter((o) => offer.maintenance || o.type !== "maintenance");
    if (open.length > 0) {
      const id = await askChoice(undefined, "id", ask, { message: "Which incident?", options: open.map((o) => ({ value: o.id, label: o.id, hint: `${o.status} · ${o.title}` })) });
      return { context, found: findIncident(context, id, command) };
    }
  }
  const id = await idArgument(positionals, ask);
  const context = openRecords(cwd, now);
  return { context, found: findIncident(context, id, command) };
}

/** Unresolved incidents and unfinished maintenance among the most recent files, newest first. */
export function openIncidents(context: RecordsContext, limit = 200): { id: string; type: string; status: string; title: string; startedAt: string | undefined }[] {
  const recent = context.files.filter((f) => f.kind === "incident").sort((a, b) => b.id.localeCompare(a.id)).slice(0, limit);
  return recent.flatMap((file) => {
    const data = readRecord(context.root, file).record.data as { type?: unknown; status?: unknown; title?: unknown; started_at?: unknown; detected_at?: unknown } | undefined;
    const status = typeof data?.status === "string" ? data.status : undefined;
    const started = [data?.started_at, data?.detected_at].find((t): t is string => typeof t === "string");
    return status && status !== "resolved" && status !== "completed"
      ? [{ id: file.id, type: String(data?.type ?? "incident"), status, title: String(data?.title ?? ""), startedAt: started }]
      : [];
  });
}

/** A command that finds nothing to change: exit 0, nothing written, and a note saying why. */
export function nothingToDo(context: RecordsContext, found: FoundIncident, why: string, hint?: string): AuthoringResult {
  return {
    summary: `Nothing to do: ${why}; ${found.file.path} was not changed.`,
    root: context.root,
    written: [],
    removed: [],
    warnings: [],
    commandsTitle: "",
    commands: [],
    notes: hint ? [hint] : [],
  };
}

/** Acknowledging and mitigating are steps of a response; maintenance is planned and has neither. */
export function refuseMaintenance(found: FoundIncident, step: "acknowledgement" | "mitigation", insteadStatus: string): void {
  if (found.data.type !== "maintenance") return;
  throw new UsageError(`Maintenance is planned; it has no ${step}.`, `Use \`npx sitrep update ${found.id} --status ${insteadStatus} --message "…"\`.`);
}

/**
 * When the milestone is already recorded: asking again is a no-op (the result says so); asking
 * for another time (`at`, given with --at) is a correction sitrep leaves to a person (an error).
 */
export function recordedAlready(context: RecordsContext, found: FoundIncident, field: "acknowledged_at" | "mitigated_at", at: string, atGiven: boolean): AuthoringResult | undefined {
  const recorded = found.data[field];
  if (!recorded) return undefined;
  const done = `${found.id} was already ${field.replace(/_at$/, "")} at ${recorded}`;
  const hint = `To correct the time, edit \`${field}\` in the file.`;
  if (!atGiven || Date.parse(at) === Date.parse(recorded)) return nothingToDo(context, found, done, hint);
  throw new UsageError(`${done}, not ${at}.`, hint);
}

export function applyIncidentEdit(context: RecordsContext, found: FoundIncident, cwd: string, change: IncidentEdit): AuthoringResult {
  const text = editFrontMatter(found.text, found.file.path, change.edit);
  const { warnings, after } = commitChanges(context, [{ path: found.file.path, text }], found.file.path);
  const shown = pathFromCwd(context, cwd, found.file.path);
  const stamp = formatTime(context.now).slice(0, 16).replace(/[-:T]/g, "");
  return {
    summary: `${change.verb} ${found.id}`,
    root: context.root,
    written: [writtenRecord(after.repository, "incident", found.file.path)],
    removed: [],
    warnings,
    commandsTitle: "Publish it (skip `git switch -c` if you are still on the incident's branch):",
    commands: newPullRequestCommands(`${found.data.type === "maintenance" ? "maintenance" : "incident"}/${found.id}-${stamp}`, [shown], `${change.commitMessage} (${found.id})`),
    notes: change.notes ?? [],
  };
}
