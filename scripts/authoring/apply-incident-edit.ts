// The shared path of update, acknowledge, mitigate and resolve: find the incident, edit its
// front matter Document, check the result with the validator, write it, say what to run next.
import { SitrepError, UsageError } from "../errors.ts";
import type { Document } from "yaml";
import { askChoice, idArgument, type AskContext } from "./flags/ask.ts";
import { checkThenWrite } from "./writes/check-then-write.ts";
import { readRecord } from "../records/read-record.ts";
import { editFrontMatter } from "./edits/front-matter-edit.ts";
import { newPullRequestCommands } from "./writes/pull-request-commands.ts";
import { pathFromCwd } from "./new-record.ts";
import { findIncident, loadRecordsContext, type FoundIncident, type RecordsContext } from "./writes/load-records-context.ts";
import { writtenRecord, type AuthoringResult } from "./authoring-result.ts";
import { formatTime } from "./flags/time-input.ts";
import { withDrill } from "./edits/commit-title.ts";
import { SITREP } from "../core/run-sitrep.ts";

export interface IncidentEdit {
  /** e.g. "Posted update to"; the id follows. */
  verb: string;
  /** The commit title: what happened ("Escalate SEV2 → SEV1: …"), or a verb the incident's title is added to ("Resolved"). */
  commitMessage: string;
  edit: (doc: Document) => void;
  notes?: string[];
  /** How typed times were read (common-flags.ts timeNotes): printed first among the notes. */
  echo?: string[];
}

export interface IncidentChoice {
  /** Offer maintenance in the picker (update: yes; acknowledge, mitigate, resolve: no). */
  maintenance: boolean;
  /** Without an id, take the one open incident when there is exactly one (update, mitigate, resolve). */
  single?: boolean;
  /** Offer only maintenance in the picker (cancel, reschedule: an incident would be refused). */
  maintenanceOnly?: boolean;
}

/**
 * The incident named by the one positional argument (a whole id or a short one, flags/match-id.ts).
 * Without one: the one open incident, when there is exactly one and `choice.single`; on a
 * terminal, a list to pick from — open incidents first, then maintenance, a future window never
 * preselected; otherwise a UsageError with the usage line. `found.note` says what was taken.
 */
export async function openIncident(
  positionals: string[],
  ask: AskContext,
  cwd: string,
  now: Date,
  command: string,
  choice: IncidentChoice = { maintenance: true },
): Promise<{ context: RecordsContext; found: FoundIncident }> {
  if (positionals.length === 0) {
    const context = loadRecordsContext(cwd, now);
    const open = openIncidents(context);
    const incidents = choice.maintenanceOnly ? [] : open.filter((o) => o.type !== "maintenance");
    if (choice.single && incidents.length === 1) {
      const only = incidents[0];
      return {
        context,
        found: {
          ...findIncident(context, only.id, command),
          note: `No id given: took the one open incident, ${only.id} (${only.status} · ${only.title}).`,
        },
      };
    }
    const maintenance = choice.maintenance ? open.filter((o) => o.type === "maintenance").reverse() : [];
    if (ask.interactive && incidents.length + maintenance.length > 0) {
      const options = [...incidents, ...maintenance].map((o) => ({
        value: o.id,
        label: o.id,
        hint: `${o.type === "maintenance" ? "maintenance · " : ""}${o.status} · ${o.title}`,
      }));
      // The cursor starts on the first option: never on a maintenance window that has not started.
      if (incidents.length === 0 && maintenance[0].status === "scheduled")
        options.unshift({ value: "", label: "(none of these)", hint: "cancel" });
      const id = await askChoice(undefined, "id", ask, {
        message:
          incidents.length > 0
            ? "Which incident?"
            : choice.maintenanceOnly
              ? "Which maintenance?"
              : "No incident is open. Which maintenance?",
        options,
      });
      if (id === "") throw new SitrepError("Cancelled; nothing was written.", { exitCode: 130 });
      return { context, found: findIncident(context, id, command) };
    }
  }
  const id = await idArgument(positionals, ask);
  const context = loadRecordsContext(cwd, now);
  // Reading the open incidents costs a file read each: only for a short id, to break a tie.
  const exact = context.files.some((f) => f.kind === "incident" && f.id === id.replace(/\.md$/, "").split("/").pop());
  const preferred = exact ? new Set<string>() : new Set(openIncidents(context).map((o) => o.id));
  const found = findIncident(context, id, command, preferred);
  return { context, found: found.shortFor ? { ...found, note: `Took \`${found.shortFor}\` to mean ${found.id}.` } : found };
}

/** Unresolved incidents and unfinished maintenance among the most recent files, newest first. */
export function openIncidents(
  context: RecordsContext,
  limit = 200,
): { id: string; type: string; status: string; title: string; startedAt: string | undefined }[] {
  const recent = context.files
    .filter((f) => f.kind === "incident")
    .sort((a, b) => b.id.localeCompare(a.id))
    .slice(0, limit);
  return recent.flatMap((file) => {
    const data = readRecord(context.root, file).record.data as
      | { type?: unknown; status?: unknown; title?: unknown; started_at?: unknown; detected_at?: unknown }
      | undefined;
    const status = typeof data?.status === "string" ? data.status : undefined;
    const started = [data?.started_at, data?.detected_at].find((t): t is string => typeof t === "string");
    return status && status !== "resolved" && status !== "completed" && status !== "cancelled"
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
    notes: [...(found.note ? [found.note] : []), ...(hint ? [hint] : [])],
  };
}

/** Acknowledging and mitigating are steps of a response; maintenance is planned and has neither. */
export function refuseMaintenance(found: FoundIncident, step: "acknowledgement" | "mitigation", insteadStatus: string): void {
  if (found.data.type !== "maintenance") return;
  throw new UsageError(
    `Maintenance is planned; it has no ${step}.`,
    `Use \`${SITREP} update ${found.id} --status ${insteadStatus} --message "…"\`.`,
  );
}

/**
 * When the milestone is already recorded: asking again is a no-op (the result says so); asking
 * for another time (`at`, given with --at) is a correction sitrep leaves to a person (an error).
 */
export function recordedAlready(
  context: RecordsContext,
  found: FoundIncident,
  field: "acknowledged_at" | "mitigated_at",
  at: string,
  atGiven: boolean,
): AuthoringResult | undefined {
  const recorded = found.data[field];
  if (!recorded) return undefined;
  const done = `${found.id} was already ${field.replace(/_at$/, "")} at ${recorded}`;
  const hint = `To correct the time, edit \`${field}\` in the file.`;
  if (!atGiven || Date.parse(at) === Date.parse(recorded)) return nothingToDo(context, found, done, hint);
  throw new UsageError(`${done}, not ${at}.`, hint);
}

export function applyIncidentEdit(context: RecordsContext, found: FoundIncident, cwd: string, change: IncidentEdit): AuthoringResult {
  const text = editFrontMatter(found.text, found.file.path, change.edit);
  const { warnings, after } = checkThenWrite(context, [{ path: found.file.path, text }], found.file.path);
  const shown = pathFromCwd(context, cwd, found.file.path);
  const stamp = formatTime(context.now).slice(0, 16).replace(/[-:T]/g, "");
  return {
    summary: `${change.verb} ${found.id}`,
    root: context.root,
    written: [writtenRecord(after.repository, "incident", found.file.path)],
    removed: [],
    warnings,
    commandsTitle: "Publish it (skip `git switch -c` if you are still on the incident's branch):",
    commands: newPullRequestCommands(
      `${found.data.type === "maintenance" ? "maintenance" : "incident"}/${found.id}-${stamp}`,
      [shown],
      withDrill(
        change.commitMessage.includes(": ") ? change.commitMessage : `${change.commitMessage}: ${found.data.title}`,
        found.data.drill === true,
      ),
    ),
    notes: [...(found.note ? [found.note] : []), ...(change.echo ?? []), ...(change.notes ?? [])],
  };
}
