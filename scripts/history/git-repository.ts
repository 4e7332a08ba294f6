// Preflight for reading history: is the records root inside a git work tree with commits and
// full history? One `git rev-parse` call; every failure becomes a SitrepError that says what to do.
import { spawnSync } from "node:child_process";
import { NoCommitsError, NotAGitRepositoryError, ShallowCloneError, SitrepError } from "../errors.ts";

export interface GitLocation {
  /** Path of the records root from the repository's top level, "" or ending in "/". */
  prefix: string;
  head: string;
}

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
