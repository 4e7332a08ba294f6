// The shared end of the commands that create a record (declare, maintenance, postmortem,
// runbook): scaffold it from its folder's template, write it if the repository would still
// validate, and give the git commands that open its pull request.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import type { RecordKind } from "../records/record-types.ts";
import { writtenRecord, type AuthoringResult } from "./authoring-result.ts";
import { checkThenWrite } from "./writes/check-then-write.ts";
import { newPullRequestCommands } from "./writes/pull-request-commands.ts";
import type { RecordsContext } from "./writes/load-records-context.ts";

export interface NewRecord {
  kind: RecordKind;
  /** From the records root, e.g. runbooks/checkout-rollback.md. */
  path: string;
  text: string;
  summary: string;
  /** The pull request's branch, and the commit message (its title too, with `gh pr create --fill`). */
  branch: string;
  commitMessage: string;
  /** Heads the commands: what merging the pull request does. */
  commandsTitle: string;
  notes: string[];
  cautions?: string[];
}

export function writeNewRecord(context: RecordsContext, cwd: string, record: NewRecord): AuthoringResult {
  const { warnings, after } = checkThenWrite(context, [{ path: record.path, text: record.text }], record.path);
  return {
    summary: record.summary,
    root: context.root,
    written: [writtenRecord(after.repository, record.kind, record.path)],
    removed: [],
    warnings,
    ...(record.cautions ? { cautions: record.cautions } : {}),
    commandsTitle: record.commandsTitle,
    commands: newPullRequestCommands(record.branch, [pathFromCwd(context, cwd, record.path)], record.commitMessage),
    notes: record.notes,
  };
}

/** A path from the records root as typed from `cwd` (what git commands and hints show). */
export function pathFromCwd(context: { root: string }, cwd: string, recordPath: string): string {
  return path.relative(cwd, path.join(context.root, recordPath)) || recordPath;
}

/** The text of `<kind>s/_template.md`, which a new record of that kind is scaffolded from. */
export function readTemplate(context: { root: string }, kind: "postmortem" | "runbook"): string {
  const template = `${kind}s/_template.md`;
  const file = path.join(context.root, template);
  if (!existsSync(file)) {
    throw new SitrepError(`${template} is missing; the ${kind} is scaffolded from it.`, {
      hint: "Restore it from the sitrep template (git checkout it, or copy it from github.com/… sitrep).",
      exitCode: 2,
    });
  }
  return readFileSync(file, "utf8");
}
