// Bringing a pull request's branch up to date with the default branch by the records merge driver
// (ADR 0110): fetch, merge, validate, push — or leave the branch exactly as it was and say which
// fields conflict. The fast lane runs it on the server through `sitrep update-branch` (ADR 0119).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RejectedChangeError, SitrepError } from "../errors.ts";
import { validateRepository } from "../validate/validate.ts";
import { defaultBranch, runGit } from "./git.ts";

export interface UpdateBranchResult {
  branch: string;
  base: string;
  outcome: "up-to-date" | "merged" | "merged-not-pushed";
  commit?: string;
}

export interface UpdateBranchOptions {
  /** The remote to fetch from and push to. */
  remote: string;
  /** The branch to merge in; the remote's default branch when absent. */
  base?: string;
  push: boolean;
  now: Date;
  env: Record<string, string | undefined>;
  /** The command git runs as the merge driver's program (the package's launcher), before `merge-file %O %A %B %P`. */
  driverCommand: string;
}

/** The records' attributes, given to git whether or not the repository's .gitattributes has them. */
const ATTRIBUTES = "incidents/**/*.md merge=sitrep\npostmortems/*.md merge=sitrep\n";
/** Who the merge commit is by when git has no identity (a CI runner): GitHub Actions' bot. */
const BOT = ["-c", "user.name=github-actions[bot]", "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"];

/** Merges, validates and pushes; throws a SitrepError (exit 1 for a conflict or an invalid result) with the branch as it was. */
export function updateBranch(root: string, options: UpdateBranchOptions): UpdateBranchResult {
  const { env, now } = options;
  const git = (args: string[]) => runGit(root, args, env);
  const must = (args: string[], what: string) => {
    const result = git(args);
    if (!result.ok)
      throw new SitrepError(`Could not ${what}: ${result.stderr.split("\n")[0]}`, {
        hint: "Run it in a clone of the records repository, on the pull request's branch.",
      });
    return result.stdout.trim();
  };
  const remote = options.remote;
  const branch = must(["symbolic-ref", "--quiet", "--short", "HEAD"], "find the branch checked out (HEAD is detached)");
  const base = options.base ?? defaultBranch(root, env);
  if (branch === base)
    throw new SitrepError(`${branch} is the base branch itself.`, { hint: "Check out the pull request's branch first." });
  if (git(["status", "--porcelain", "--untracked-files=no"]).stdout.trim() !== "") {
    throw new SitrepError("The working tree has uncommitted changes, so a merge could mix them in.", {
      hint: "Commit or stash them, then run update-branch again.",
    });
  }
  must(["fetch", "--quiet", remote, `+refs/heads/${base}:refs/remotes/${remote}/${base}`], `fetch ${base} from ${remote}`);
  const upstream = `${remote}/${base}`;
  if (git(["merge-base", "--is-ancestor", upstream, "HEAD"]).ok) return { branch, base, outcome: "up-to-date" };

  const before = must(["rev-parse", "HEAD"], "read HEAD");
  const merged = mergeWithDriver(
    git,
    options.driverCommand,
    upstream,
    `Merge ${base} into ${branch} (sitrep update-branch: records merged by meaning)`,
  );
  if (!merged.ok) {
    const conflicted = git(["diff", "--name-only", "--diff-filter=U"]).stdout.trim().split("\n").filter(Boolean);
    git(["merge", "--abort"]);
    git(["reset", "--quiet", "--hard", before]);
    const said = merged.output
      .split("\n")
      .filter((l) => /^\s+- |^sitrep merge-file:/.test(l))
      .join("\n");
    throw new SitrepError(
      `${branch} cannot be brought up to date with ${base}: ${conflicted.length > 0 ? conflicted.join(", ") : "the merge failed"}.\n${said || merged.output}`,
      {
        hint: `Nothing was pushed; the branch is as it was. Decide each field named above: merge ${base} into ${branch} locally (with the merge driver registered, docs/declaring-an-incident.md), keep one side, validate, push.`,
        exitCode: 1,
      },
    );
  }
  const errors = validateRepository(root, { now }).diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    git(["reset", "--quiet", "--hard", before]);
    throw new RejectedChangeError(`${branch} merged with ${base}`, errors);
  }
  const commit = must(["rev-parse", "HEAD"], "read the merge commit");
  if (!options.push) return { branch, base, outcome: "merged-not-pushed", commit };
  must(["push", "--quiet", remote, `HEAD:refs/heads/${branch}`], `push ${branch} to ${remote}`);
  return { branch, base, outcome: "merged", commit };
}

/**
 * `git merge` with the records driver registered for this one command (`-c`, nothing written to
 * .git/config), and the records' attributes from a temporary file.
 */
function mergeWithDriver(
  git: (args: string[]) => { ok: boolean; stdout: string; stderr: string },
  driverCommand: string,
  upstream: string,
  message: string,
): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-update-branch-"));
  try {
    const attributes = path.join(dir, "attributes");
    writeFileSync(attributes, ATTRIBUTES);
    const driver = `${driverCommand} merge-file %O %A %B %P`;
    const identity = git(["config", "user.email"]).ok ? [] : BOT;
    const result = git([
      ...identity,
      "-c",
      `merge.sitrep.driver=${driver}`,
      "-c",
      "merge.sitrep.name=sitrep records",
      "-c",
      `core.attributesFile=${attributes}`,
      "merge",
      "--no-ff",
      "--no-edit",
      "-m",
      message,
      upstream,
    ]);
    return { ok: result.ok, output: `${result.stdout}\n${result.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A shell word for git to run the driver with. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
