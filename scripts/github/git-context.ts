// The two facts sync needs from git, read at the edge: the commit to name when closing an
// issue, and where the records root sits inside the repository (for blob links).
import { spawnSync } from "node:child_process";

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** GITHUB_SHA in Actions, else `git rev-parse HEAD`; undefined outside a git repository. */
export function currentCommit(env: Record<string, string | undefined>, cwd: string): string | undefined {
  return env.GITHUB_SHA || git(cwd, ["rev-parse", "HEAD"]) || undefined;
}

/** "" when the records root is the repository root, else e.g. "records/" (forward slashes). */
export function recordsPathPrefix(root: string): string {
  return git(root, ["rev-parse", "--show-prefix"]) ?? "";
}
