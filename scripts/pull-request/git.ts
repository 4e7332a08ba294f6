// The git commands `sitrep publish` and `update-branch` run, one process each, with their output kept for the
// report: the I/O edge of publishing. Never throws: a failed step is data, so the command can say
// what is left to do.
import { spawnSync } from "node:child_process";

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export function runGit(cwd: string, args: string[], env: Record<string, string | undefined> = process.env): GitResult {
  const result = spawnSync("git", args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: "0" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? "").trim() || (result.error?.message ?? "") };
}

/** The branch `origin/HEAD` points at, else `main`. */
export function defaultBranch(cwd: string, env?: Record<string, string | undefined>): string {
  const head = runGit(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], env);
  return head.ok && head.stdout.trim() ? head.stdout.trim().replace(/^origin\//, "") : "main";
}

/** Record files with changes in the working tree (staged, unstaged or new), as paths from the repository top. */
export function changedRecordPaths(cwd: string, env?: Record<string, string | undefined>): string[] {
  const status = runGit(
    cwd,
    ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "incidents", "postmortems", "runbooks", "sitrep.config.yaml"],
    env,
  );
  if (!status.ok) return [];
  const entries = status.stdout.split("\0").filter(Boolean);
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const code = entries[i].slice(0, 2);
    paths.push(entries[i].slice(3));
    if (code.startsWith("R") || code.startsWith("C")) i++; // the rename's source follows
  }
  return paths.filter((p) => p.endsWith(".md") || p === "sitrep.config.yaml");
}
