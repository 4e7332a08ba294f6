// `sitrep update-branch`: bring the checked-out branch up to date with the default branch using
// the records merge driver (ADR 0110), validate the result, and push it. The fast lane runs it on
// the server when two responders' pull requests touch one incident and the second one conflicts
// (ADR 0119): both updates end up in the record, in time order, without anyone resolving YAML.
// A real conflict (two different severities) leaves the branch as it was, with the driver's words.
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { packageRoot } from "../package/package-paths.ts";
import { quote, type UpdateBranchResult, updateBranch } from "../pull-request/update-branch.ts";
import { findRecordsRoot } from "../records/root.ts";

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
    const launcher = path.join(packageRoot, "scripts/sitrep.mjs");
    return updateBranch(findRecordsRoot(cwd), {
      remote: typeof values.remote === "string" ? values.remote : "origin",
      base: typeof values.base === "string" ? values.base : undefined,
      push: values["no-push"] !== true,
      now,
      env,
      driverCommand: `${quote(process.execPath)} ${quote(launcher)}`,
    });
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
