// The shared path of update, acknowledge, mitigate and resolve: find the incident, edit its
// front matter Document, check the result with the validator, write it, say what to run next.
import path from "node:path";
import type { Document } from "yaml";
import { commitChanges } from "./commit-changes.ts";
import { editFrontMatter } from "./front-matter-edit.ts";
import { newPullRequestCommands } from "./next-steps.ts";
import { findIncident, openRecords, type FoundIncident, type RecordsContext } from "./open-records.ts";
import { presentAuthoring, writtenRecord, type AuthoringResult } from "./authoring-result.ts";
import { formatTime } from "./time-input.ts";

export { presentAuthoring };

export interface IncidentEdit {
  /** e.g. "Posted update to"; the id follows. */
  verb: string;
  /** The commit message, without the id. */
  commitMessage: string;
  edit: (doc: Document) => void;
  notes?: string[];
}

export function openIncident(cwd: string, now: Date, id: string, command: string): { context: RecordsContext; found: FoundIncident } {
  const context = openRecords(cwd, now);
  return { context, found: findIncident(context, id, command) };
}

export function applyIncidentEdit(context: RecordsContext, found: FoundIncident, cwd: string, change: IncidentEdit): AuthoringResult {
  const text = editFrontMatter(found.text, found.file.path, change.edit);
  const { warnings, after } = commitChanges(context, [{ path: found.file.path, text }], found.file.path);
  const shown = path.relative(cwd, path.join(context.root, found.file.path)) || found.file.path;
  const stamp = formatTime(context.now).slice(0, 16).replace(/[-:T]/g, "");
  return {
    summary: `${change.verb} ${found.id}`,
    root: context.root,
    written: [writtenRecord(after.repository, "incident", found.file.path)],
    removed: [],
    warnings,
    commandsTitle: "Publish it (skip `git switch -c` if you are still on the incident's branch):",
    commands: newPullRequestCommands(`incident/${found.id}-${stamp}`, [shown], `${change.commitMessage} (${found.id})`),
    notes: change.notes ?? [],
  };
}
