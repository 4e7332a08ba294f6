// `sitrep update-branch`: bring the checked-out branch up to date with the default branch using
// the records merge driver (ADR 0110), validate the result, and push it. The fast lane runs it on
// the server when two responders' pull requests touch one incident and the second one conflicts
// (ADR 0119): both updates end up in the record, in time order, without anyone resolving YAML.
// A real conflict (two different severities) leaves the branch as it was, with the driver's words.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { RejectedChangeError, SitrepError } from "../errors.ts";
import { defaultBranch, runGit } from "../pull-request/git.ts";
import { packageRoot } from "../package/package-paths.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";

export interface UpdateBranchResult {
  branch: string;
  base: string;
  outcome: "up-to-date" | "merged" | "merged-not-pushed";
  commit?: string;
}

/** The records' attributes, given to git whether or not the repository's .gitattributes has them. */
const ATTRIBUTES = "incidents/**/*.md merge=sitrep\npostmortems/*.md merge=sitrep\n";
/** Who the merge commit is by when git has no identity (a CI runner): GitHub Actions' bot. */
const BOT = ["-c", "user.name=github-actions[bot]", "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"];

export const command: Command<UpdateBranchResult> = {
  spec: {
    name: "update-branch",
    summary: "Merge the default branch into this branch with the records merge driver, validate, and push.",
    usage: "sitrep update-branch [--base <branch>] [--remote <name>] [--no-push]",
    description:
      "For a pull request that conflicts with the default branch because another responder changed the same record:\n" +
      "fetches <remote>/<base>, merges it into the checked-out branch with the records merge driver (both sides'\n" +
      "updates kept in time order; `sitrep merge-file`), validates the result and pushes the branch. The fast-lane\n" +
      "workflow runs it on the server. Nothing is pushed when the merge leaves a conflict (a field both sides set\n" +
      "differently, e.g. the severity) or the result does not validate: the branch stays as it was, and the\n" +
      "message says what to decide. Exit 0 merged (or already up to date), 1 conflict or invalid, 2 failure.",
    options: {
      base: { type: "string", valueName: "branch", description: "The branch to merge in (default: the remote's default branch)." },
      remote: { type: "string", valueName: "name", description: "The remote to fetch from and push to (default origin)." },
      "no-push": { type: "boolean", description: "Merge and validate, but do not push." },
    },
    examples: ["npx sitrep update-branch", "npx sitrep update-branch --base main --no-push"],
  },

  async run({ values, cwd, now, env }) {
    const root = findRecordsRoot(cwd);
    const git = (args: string[]) => runGit(root, args, env);
    const must = (args: string[], what: string) => {
      const result = git(args);
      if (!result.ok)
        throw new SitrepError(`Could not ${what}: ${result.stderr.split("\n")[0]}`, {
          hint: "Run it in a clone of the records repository, on the pull request's branch.",
        });
      return result.stdout.trim();
    };
    const remote = typeof values.remote === "string" ? values.remote : "origin";
    const branch = must(["symbolic-ref", "--quiet", "--short", "HEAD"], "find the branch checked out (HEAD is detached)");
    const base = typeof values.base === "string" ? values.base : defaultBranch(root, env);
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
    const merged = mergeWithDriver(git, upstream, `Merge ${base} into ${branch} (sitrep update-branch: records merged by meaning)`);
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
    if (values["no-push"] === true) return { branch, base, outcome: "merged-not-pushed", commit };
    must(["push", "--quiet", remote, `HEAD:refs/heads/${branch}`], `push ${branch} to ${remote}`);
    return { branch, base, outcome: "merged", commit };
  },

  present(result) {
    const short = result.commit?.slice(0, 7);
    if (result.outcome === "up-to-date") return { stdout: `${result.branch} already contains ${result.base}; nothing to do.`, exitCode: 0 };
    if (result.outcome === "merged-not-pushed")
      return { stdout: `Merged ${result.base} into ${result.branch} (${short}); validated; not pushed (--no-push).`, exitCode: 0 };
    return {
      stdout: `Merged ${result.base} into ${result.branch} (${short}) with the records merge driver; validated and pushed.`,
      exitCode: 0,
    };
  },
};

/**
 * `git merge` with the records driver registered for this one command (`-c`, nothing written to
 * .git/config) as the package's own launcher, and the records' attributes from a temporary file.
 */
function mergeWithDriver(
  git: (args: string[]) => { ok: boolean; stdout: string; stderr: string },
  upstream: string,
  message: string,
): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-update-branch-"));
  try {
    const attributes = path.join(dir, "attributes");
    writeFileSync(attributes, ATTRIBUTES);
    const launcher = path.join(packageRoot, "scripts/sitrep.mjs");
    const driver = `${quote(process.execPath)} ${quote(launcher)} merge-file %O %A %B %P`;
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

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
