// `sitrep publish` end to end: a records repository with a local bare remote and the GitHub API
// fake from testkit/. An update goes from the working tree to a pushed branch and a pull request
// with the fast-lane label in one command; a follow-up joins the same pull request; without GitHub
// the command stops after the push and prints the exact command that is left, label included.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { createGitRepo, git, type GitRepo } from "../helpers/git-repo.ts";
import { startGithubServer, type GithubServer } from "../helpers/github-server.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { runCliAsync } from "../helpers/github-cli.ts";

const OPEN = "2026-11-21-payout-status-latency";
const BRANCH = `incident/${OPEN}-202611221200`;
let repo: GitRepo;
let remote: string;
let github: GithubServer;
const cleanups: (() => void)[] = [];
/** What a responder's shell has: a git identity, and the token and repository publish talks to. */
const env = () => ({
  GIT_AUTHOR_NAME: "Ines",
  GIT_AUTHOR_EMAIL: "ines@example.com",
  GIT_COMMITTER_NAME: "Ines",
  GIT_COMMITTER_EMAIL: "ines@example.com",
  GIT_AUTHOR_DATE: "2026-11-22T12:00:00Z",
  GIT_COMMITTER_DATE: "2026-11-22T12:00:00Z",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: "1",
  GITHUB_TOKEN: "test-token",
  GITHUB_REPOSITORY: "o/r",
  GITHUB_API_URL: github.url,
  SITREP_GITHUB_WRITE_INTERVAL_MS: "0",
});
/** The responder's changes before each publish: in the test's process. */
const sitrep = (args: string[], extra: Record<string, string> = {}) =>
  runCliInProcess(args, { cwd: repo.dir, env: { ...env(), ...extra } });
/** publish talks to the in-process GitHub fake: run it without blocking the event loop. The first run is a real process. */
const publish = (extra: Record<string, string> = {}) => runCliAsync(["publish"], { cwd: repo.dir, env: { ...env(), ...extra } });
const publishInProcess = (extra: Record<string, string> = {}) =>
  runCliInProcess(["publish"], { cwd: repo.dir, env: { ...env(), ...extra } });

beforeAll(async () => {
  github = await startGithubServer({ owner: "o", repo: "r" });
  const copy = copyExampleRepo("sitrep-publish-");
  cleanups.push(copy.cleanup);
  repo = createGitRepo({ dir: copy.dir });
  repo.commit("The records", "2026-11-22T11:00:00Z");
  remote = mkdtempSync(path.join(os.tmpdir(), "sitrep-publish-remote-"));
  cleanups.push(() => rmSync(remote, { recursive: true, force: true }));
  git(remote, ["init", "--quiet", "--bare", "--initial-branch=main"]);
  repo.git(["remote", "add", "origin", remote]);
  repo.git(["push", "--quiet", "-u", "origin", "main"]);
  repo.git(["remote", "set-head", "origin", "main"]);
});
afterAll(async () => {
  await github.close();
  for (const cleanup of cleanups) cleanup();
});

describe("sitrep publish", () => {
  test("commits, pushes and opens the fast-lane pull request, with a title that says what happened", async () => {
    expect(
      (await sitrep(["update", "payout-status", "--severity", "SEV2", "--message", "More merchants see stale payout statuses."])).code,
    ).toBe(0);
    const result = await publish();
    expect(result.stderr).toBe("");
    expect(result.code, result.stdout).toBe(0);
    const title = "Escalate SEV3 → SEV2; Update (monitoring): Slow payout status in the API and dashboard";
    expect(result.stdout).toContain(`✔ ${title}`);
    expect(result.stdout).toContain("opened pull request #1 (label sitrep:fast-lane): https://github.test/o/r/pull/1");
    expect(result.stdout).toMatch(/Live in about 4–5 minutes once CI passes[^\n]*https:\/\/status\.lumen\.example/);
    // Pushed: the branch on the remote holds the commit with that title.
    expect(execFileSync("git", ["log", "-1", "--format=%s", BRANCH], { cwd: remote, encoding: "utf8" }).trim()).toBe(title);
    const pull = github.issues.get(1)!;
    expect(pull).toMatchObject({ pull_request: true, title, head: BRANCH, base: "main", labels: ["sitrep:fast-lane"] });
  });

  test("a follow-up on the incident's branch joins the same pull request", async () => {
    expect(
      (await sitrep(["update", "payout-status", "--message", "Statuses are catching up."], { SITREP_NOW: "2026-11-22T12:20:00Z" })).code,
    ).toBe(0);
    const result = await publishInProcess({ SITREP_NOW: "2026-11-22T12:20:00Z" });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain("joined pull request #1");
    expect([...github.issues.values()].filter((i) => i.pull_request)).toHaveLength(1);
    expect(execFileSync("git", ["rev-list", "--count", `main..${BRANCH}`], { cwd: remote, encoding: "utf8" }).trim()).toBe("2");
  });

  test("without GitHub it stops after the push and prints the command that is left, with the label", async () => {
    repo.git(["switch", "--quiet", "main"]);
    expect((await sitrep(["acknowledge", "2026-11-21-payout-status-latency"])).code).toBe(0); // already acknowledged: a no-op
    expect(
      (await sitrep(["runbook", "payout-lag", "--title", "Payout status lag", "--component", "payouts", "--owner", "ines"])).code,
    ).toBe(0);
    const result = await publishInProcess({ GITHUB_API_URL: "http://127.0.0.1:9" });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("done  git push -u origin runbook/payout-lag-202611221200");
    expect(result.stdout).toMatch(
      /Stopped: GitHub could not be reached[^\n]*\nRun what is left:\n  gh pr create --fill --base main --label sitrep:fast-lane\n/,
    );
    expect((await publishInProcess()).stdout).toContain("· Nothing to publish");
  });
});
