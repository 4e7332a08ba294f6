// `sitrep update-branch`, as the fast lane runs it on the server: two responders' branches from
// one base, the first merged into main on a (local, bare) remote; the second brought up to date
// with the records merge driver — no driver in .git/config, no .gitattributes: the command brings
// both — validated and pushed. A real conflict (two severities) leaves the branch untouched, local
// and remote, and says what it is.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { createGitRepo, git, type GitRepo } from "../helpers/git-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { DECLARE_ARGS, DECLARED, FILE, ID } from "./label-printing-scenario.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

let repo: GitRepo;
let remote: string;
const cleanups: (() => void)[] = [];
/** `sitrep update-branch` as the fast lane runs it: a real process (it starts git, which starts the merge driver). */
const sitrep = (args: string[], now: string) => runCli(args, { cwd: repo.dir, env: { SITREP_NOW: now } });
/** The responders' commands and the checks after: in the test's process. */
const sitrepInProcess = (args: string[], now: string) => runCliInProcess(args, { cwd: repo.dir, env: { SITREP_NOW: now } });
const remoteHead = (branch: string) => git(remote, ["rev-parse", branch]).trim();

/** A responder's branch from main with one CLI change, committed and pushed (their pull request). */
async function responder(name: string, args: string[], now: string): Promise<void> {
  repo.git(["switch", "--quiet", "-c", name, "main"]);
  const result = await sitrepInProcess(args, now);
  expect(result.code, result.stderr).toBe(0);
  repo.commit(`${name}'s change`, now);
  repo.git(["push", "--quiet", "origin", name]);
}
/** The first pull request merged: its branch becomes main on the remote. */
function mergedFirst(name: string): void {
  repo.git(["push", "--quiet", "origin", `${name}:main`]);
}

beforeAll(async () => {
  const copy = copyExampleRepo("sitrep-update-branch-");
  cleanups.push(copy.cleanup);
  repo = createGitRepo({ dir: copy.dir });
  const declared = await sitrepInProcess(DECLARE_ARGS, DECLARED);
  expect(declared.code, declared.stderr).toBe(0);
  repo.commit("Declare", DECLARED);
  const remoteParent = mkdtempSync(path.join(os.tmpdir(), "sitrep-update-branch-remote-"));
  cleanups.push(() => rmSync(remoteParent, { recursive: true, force: true }));
  remote = path.join(remoteParent, "records.git");
  git(remoteParent, ["init", "--quiet", "--bare", "--initial-branch=main", remote]);
  repo.git(["remote", "add", "origin", remote]);
  repo.git(["push", "--quiet", "origin", "main"]);
});
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

test("the second responder's branch gets main merged in by meaning: both updates in time order, validated, pushed", async () => {
  await responder(
    "ines",
    ["update", ID, "--status", "identified", "--message", "A faulty printer-driver release causes the errors; we are rolling it back."],
    "2026-11-22T10:20:00Z",
  );
  await responder(
    "akin",
    ["update", ID, "--message", "Labels fail for about a third of customers. Next update in 30 minutes."],
    "2026-11-22T10:12:00Z",
  );
  mergedFirst("ines");
  const before = remoteHead("akin");

  const result = sitrep(["update-branch"], "2026-11-22T10:25:00Z"); // on akin; base: main
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^Merged main into akin \([0-9a-f]{7}\) with the records merge driver; validated and pushed\./);
  const pushed = remoteHead("akin");
  expect(pushed).not.toBe(before);
  expect(
    git(remote, ["rev-parse", `${pushed}^1`, `${pushed}^2`])
      .trim()
      .split("\n"),
  ).toEqual([before, remoteHead("main")]);
  const text = git(remote, ["show", `akin:${FILE}`]);
  expect(text).not.toContain("<<<<<<<");
  const { data } = recordFile(text, FILE);
  expect((data.updates as { at: string; status: string }[]).map((u) => [u.at, u.status])).toEqual([
    ["2026-11-22T10:00:00Z", "investigating"],
    ["2026-11-22T10:12:00Z", "investigating"],
    ["2026-11-22T10:20:00Z", "identified"],
  ]);
  expect(data.status).toBe("identified");
  expect((await sitrepInProcess(["validate", FILE], "2026-11-22T10:25:00Z")).code).toBe(0);
  // Again: nothing to do.
  expect((await sitrepInProcess(["update-branch"], "2026-11-22T10:26:00Z")).stdout).toBe("akin already contains main; nothing to do.\n");
});

test("two severities are a real conflict: nothing pushed, the branch as it was, the driver's message", async () => {
  repo.git(["switch", "--quiet", "main"]);
  repo.git(["pull", "--quiet", "--ff-only", "origin", "main"]);
  await responder("sev1", ["update", ID, "--severity", "SEV1", "--message", "More customers are affected."], "2026-11-22T10:40:00Z");
  await responder("sev3", ["update", ID, "--severity", "SEV3"], "2026-11-22T10:41:00Z");
  mergedFirst("sev1");
  const local = repo.head();
  const before = remoteHead("sev3");

  const result = sitrep(["update-branch", "--base", "main"], "2026-11-22T10:45:00Z");
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`error: sev3 cannot be brought up to date with main: ${FILE}.`);
  expect(result.stderr).toContain("both sides changed `severity`: SEV3 on this side, SEV1 on the other (it was SEV2)");
  expect(result.stderr).toContain("hint: Nothing was pushed; the branch is as it was.");
  expect(remoteHead("sev3")).toBe(before);
  expect(repo.head()).toBe(local);
  expect(repo.git(["status", "--porcelain"])).toBe("");
  expect(readFileSync(path.join(repo.dir, FILE), "utf8")).toContain("severity: SEV3\n");
});
