// Two responders update one incident from the same commit, each on their own branch, and the
// branches are merged with real git, with `sitrep merge-file` registered as the merge driver the
// way docs/declaring-an-incident.md ("Two responders, one incident") says. The record must hold both updates in time order and
// validate; a real disagreement (two severities, one update edited two ways) must stay a conflict
// that says what it is, with everything else merged.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { DECLARE_ARGS, DECLARED, FILE, ID } from "./label-printing-scenario.ts";
import { cliPath, runCliInProcess } from "../helpers/run-cli.ts";

let repo: GitRepo;
let cleanup: () => void;
/** The responders' commands: in the test's process (what git starts as the merge driver is the real `sitrep`). */
const sitrep = (args: string[], now: string) => runCliInProcess(args, { cwd: repo.dir, env: { SITREP_NOW: now } });
const read = () => readFileSync(path.join(repo.dir, FILE), "utf8");
/** A `git` that may fail: merges that conflict exit 1. */
function tryGit(args: string[]): { code: number; output: string } {
  try {
    return { code: 0, output: repo.git(args, { date: "2026-11-22T10:30:00Z" }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}
/** A branch from `main` with one CLI change committed. */
async function branch(name: string, steps: [string[], string][]): Promise<void> {
  repo.git(["switch", "--quiet", "-c", name, "main"]);
  for (const [args, now] of steps) {
    const result = await sitrep(args, now);
    expect(result.code, result.stderr).toBe(0);
  }
  repo.commit(`${name}'s change`, steps[steps.length - 1][1]);
}

beforeAll(async () => {
  const copy = copyExampleRepo("sitrep-merge-driver-");
  cleanup = copy.cleanup;
  const dir = copy.dir;
  repo = createGitRepo({ dir });
  // What a records repository holds: the attribute line, and the driver in the git config.
  writeFileSync(path.join(dir, ".gitattributes"), "incidents/**/*.md merge=sitrep\npostmortems/*.md merge=sitrep\n");
  repo.git(["config", "merge.sitrep.name", "sitrep records"]);
  repo.git(["config", "merge.sitrep.driver", `"${process.execPath}" "${cliPath}" merge-file %O %A %B %P`]);
  const declared = await sitrep(DECLARE_ARGS, DECLARED);
  expect(declared.code, declared.stderr).toBe(0);
  repo.commit("Declare", DECLARED);
});
afterAll(() => cleanup());

describe("two responders update one incident from the same base", () => {
  test("git merges both updates into time order, the status follows the latest, and the record validates", async () => {
    await branch("ines", [
      [
        ["update", ID, "--status", "identified", "--message", "A faulty printer-driver release causes the errors; we are rolling it back."],
        "2026-11-22T10:20:00Z",
      ],
    ]);
    await branch("akin", [
      [
        [
          "update",
          ID,
          "--message",
          "Labels fail for about a third of customers. Next update in 30 minutes.",
          "--component",
          "webhooks=degraded_performance",
        ],
        "2026-11-22T10:12:00Z",
      ],
    ]);

    repo.git(["switch", "--quiet", "ines"]);
    const merge = tryGit(["merge", "--no-edit", "akin"]);
    expect(merge.code, merge.output).toBe(0);
    expect(read()).not.toContain("<<<<<<<");
    const { data } = recordFile(read(), FILE);
    const updates = data.updates as { at: string; status: string; body: string; components?: Record<string, string> }[];
    expect(updates.map((u) => [u.at, u.status])).toEqual([
      ["2026-11-22T10:00:00Z", "investigating"],
      ["2026-11-22T10:12:00Z", "investigating"],
      ["2026-11-22T10:20:00Z", "identified"],
    ]);
    expect(updates[1].body).toContain("about a third");
    expect(data.status).toBe("identified");
    // The worst impact seen per component: akin's new one is kept beside the declared one.
    expect(data.components).toEqual({ "merchant-dashboard": "partial_outage", webhooks: "degraded_performance" });
    const validate = await runCliInProcess(["validate", "--strict", FILE], { cwd: repo.dir, env: { SITREP_NOW: "2026-11-22T10:25:00Z" } });
    expect(validate.stdout).toMatch(/no problems/);
    expect(validate.code, validate.stdout).toBe(0);
  });

  test("git's line merge of the same three versions conflicts inside the YAML list (what the driver is for)", () => {
    const versions = ["main", "ines^1", "akin"].map((ref, i) => {
      const file = path.join(repo.dir, `.version-${i}`);
      writeFileSync(file, repo.git(["show", `${ref}:${FILE}`]));
      return file;
    });
    const plain = tryGit(["merge-file", "-p", versions[1], versions[0], versions[2]]);
    expect(plain.code).toBeGreaterThan(0);
    expect(plain.output).toMatch(/updates:[\s\S]*<<<<<<</);
    for (const file of versions) repo.write({ [path.basename(file)]: null });
  });

  test("two different severities stay a conflict, with markers around severity only and a message saying so", async () => {
    await branch("sev1", [[["update", ID, "--severity", "SEV1", "--message", "More customers are affected."], "2026-11-22T10:40:00Z"]]);
    await branch("sev3", [[["update", ID, "--severity", "SEV3"], "2026-11-22T10:41:00Z"]]);
    const merge = tryGit(["merge", "--no-edit", "sev1"]);
    expect(merge.code).toBe(1);
    expect(merge.output).toContain("both sides changed `severity`: SEV3 on this side, SEV1 on the other (it was SEV2)");
    expect(merge.output).toContain(`sitrep merge-file: ${FILE}: left as a conflict`);
    const text = read();
    expect(text).toMatch(/<<<<<<< ours \(incidents[^\n]*\nseverity: SEV3\n=======\nseverity: SEV1\n>>>>>>> theirs/);
    expect(text.match(/<<<<<<</g)).toHaveLength(1);
    // The rest merged: sev1's update and both timeline entries are there.
    expect(text).toContain("More customers are affected.");
    expect(text).toContain("Severity SEV2 → SEV1.");
    expect(text).toContain("Severity SEV2 → SEV3.");
    repo.git(["merge", "--abort"]);
  });

  test("one update edited two ways stays a conflict", () => {
    const edit = (name: string, body: string) => {
      repo.git(["switch", "--quiet", "-c", name, "main"]);
      writeFileSync(path.join(repo.dir, FILE), read().replace(/body: We are investigating[^\n]*/, `body: ${body}`));
      repo.commit(`${name} rewords the first update`, "2026-11-22T10:50:00Z");
    };
    edit("reword-a", "Some customers cannot print shipping labels.");
    edit("reword-b", "Printing shipping labels fails for some customers.");
    const merge = tryGit(["merge", "--no-edit", "reword-a"]);
    expect(merge.code).toBe(1);
    expect(merge.output).toContain("both sides edited the update at 2026-11-22T10:00:00Z");
    repo.git(["merge", "--abort"]);
  });
});
