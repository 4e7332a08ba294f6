// Preflight for reading history: is the records root inside a git work tree with commits and
// full history? One `git rev-parse` call; every failure becomes a SitrepError that says what to do.
import { spawnSync } from "node:child_process";
import { SitrepError } from "../errors.ts";

export interface GitLocation {
  /** Path of the records root from the repository's top level, "" or ending in "/". */
  prefix: string;
  head: string;
}

export const SHALLOW_HINT =
  "Fetch the full history: in GitHub Actions set `fetch-depth: 0` on actions/checkout; locally run `git fetch --unshallow`.";

/** Throws SitrepError (exit 2) unless `root` is in a non-shallow git repository with a commit. */
export function locateGitRepository(root: string): GitLocation {
  const result = spawnSync("git", ["rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD"], { cwd: root, encoding: "utf8" });
  if (result.error) {
    throw new SitrepError(`Could not run git: ${result.error.message}`, { hint: "Install git and make sure it is on PATH." });
  }
  const stderr = result.stderr.trim();
  if (result.status !== 0) {
    if (/not a git repository/i.test(stderr)) {
      throw new NotAGitRepositoryError(root);
    }
    if (/ambiguous argument 'HEAD'|unknown revision/i.test(stderr)) {
      throw new NoCommitsError(root);
    }
    throw new SitrepError(`git rev-parse failed in ${root}: ${stderr}`, { hint: "Check that `git status` works in this folder." });
  }
  const [shallow, prefix, head] = result.stdout.split("\n");
  if (shallow === "true") {
    throw new ShallowCloneError(root);
  }
  // --show-prefix prints an empty line at the top level.
  return { prefix: prefix ?? "", head: (head ?? "").trim() };
}

export class NotAGitRepositoryError extends SitrepError {
  constructor(root: string) {
    super(`${root} is not inside a git repository, so there is no history to read.`, {
      hint: "Run this in a clone of your records repository (git history is where declaration, status-change and action-item dates come from).",
    });
    this.name = "NotAGitRepositoryError";
  }
}

export class NoCommitsError extends SitrepError {
  constructor(root: string) {
    super(`The git repository at ${root} has no commits yet, so there is no history to read.`, {
      hint: "Commit the records first (`git add . && git commit`), then run this again.",
    });
    this.name = "NoCommitsError";
  }
}

export class ShallowCloneError extends SitrepError {
  constructor(root: string) {
    super(`${root} is a shallow clone: its git history is cut off, so dates derived from it would be wrong.`, { hint: SHALLOW_HINT, exitCode: 2 });
    this.name = "ShallowCloneError";
  }
}

/** True for the errors that mean "no usable history here" (as opposed to git failing). */
export function isHistoryUnavailable(error: unknown): error is SitrepError {
  return error instanceof NotAGitRepositoryError || error instanceof NoCommitsError || error instanceof ShallowCloneError;
}
