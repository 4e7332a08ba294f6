// Issue 22, M5, tried as a team meets it: the real CLI (`deploy-due --alert-issue`, `deploy-alert`,
// `configured`) against the fake GitHub API and a live site served on 127.0.0.1. An unreadable
// deployed.json makes one run build and open one issue; later runs skip the build while that issue
// is open; once the stamp reads again the issue is closed. A repository still holding the template's
// example configuration schedules nothing and opens no issue.
import { deployConfigLines, githubOutputs } from "./deploy-fixtures.ts";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startGithubServer, type GithubServer } from "../../testkit/github-server.ts";
import { cliPath, runCliInProcess } from "../helpers/run-cli.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-deploy-alert-"));
const own = path.join(scratch, "own");
const example = path.join(scratch, "example");
const published = path.join(scratch, "published");

function writeRepo(dir: string, url: string): void {
  mkdirSync(path.join(dir, "incidents"), { recursive: true });
  writeFileSync(path.join(dir, "sitrep.config.yaml"), `${deployConfigLines(url, { api: "API" }).join("\n")}\n`);
}

let github: GithubServer;
let site: StaticServer;
beforeAll(async () => {
  writeRepo(own, "https://status.acme.example");
  writeRepo(example, "https://status.lumen.example");
  mkdirSync(published, { recursive: true });
  site = await serveStatic(published);
});
beforeEach(async () => {
  await github?.close();
  github = await startGithubServer({ owner: "acme", repo: "status" });
  rmSync(path.join(published, "deployed.json"), { force: true });
});
afterAll(async () => {
  await github.close();
  await site.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What the workflow's runs of the CLI see: this process serves the API and the site they talk to. */
const workflowEnv = (now: string) => ({
  SITREP_NOW: now,
  GITHUB_SHA: "",
  GITHUB_TOKEN: "t",
  GITHUB_REPOSITORY: "acme/status",
  GITHUB_API_URL: github.url,
  GITHUB_RUN_ID: "99",
  GITHUB_ACTIONS: "",
});

/** The CLI as the workflow runs it, a subprocess (async: this process answers it). */
async function cliSubprocess(
  cwd: string,
  args: string[],
  now = "2026-11-25T10:15:00Z",
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cliPath, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", ...workflowEnv(now) },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** The same run in this process (no Node start-up); each command keeps a subprocess run above. */
const cli = (cwd: string, args: string[], now = "2026-11-25T10:15:00Z") => runCliInProcess(args, { cwd, env: workflowEnv(now) });
const outputs = githubOutputs;
const scheduled = async (cwd = own) => {
  const run = await cli(cwd, ["deploy-due", "--format", "github", "--alert-issue", "--deployed", `${site.url}deployed.json`]);
  expect(run.code, run.stderr).toBe(0);
  return outputs(run.stdout);
};
const issueWrites = () => github.writes().filter((r) => r.path.startsWith("/repos/acme/status/issues"));

describe("an unreadable deployed.json is reported once", () => {
  test("the first run builds and asks for an issue; the issue is opened once; later runs skip the build; a readable stamp closes it", async () => {
    const first = await scheduled();
    expect(first).toMatchObject({ due: "true", alert: "open", alert_issue: "" });
    expect(first.reason).toMatch(/no record of the last deploy.*deployed\.json answered HTTP 404/);
    // The alert job, as deploy.yml runs it with the build's outputs.
    const opened = await cliSubprocess(own, ["deploy-alert", "--action", "open", "--issue", "", "--reason", first.reason]);
    expect(opened).toMatchObject({ code: 0, stdout: expect.stringMatching(/Opened #1/) });
    const issue = github.issues.get(1)!;
    expect(issue).toMatchObject({ state: "open", labels: ["status-site"], title: expect.stringMatching(/deployed\.json cannot be read/) });
    expect(issue.body).toContain("answered HTTP 404");
    expect(issue.body).toContain("Reported by https://github.com/acme/status/actions/runs/99.");
    for (let run = 0; run < 3; run++) {
      const later = await scheduled();
      expect(later).toMatchObject({ due: "false", alert: "none" });
      expect(later.reason).toMatch(
        /still cannot be read .*already reported in #1: scheduled runs skip the build until it can be read or #1 is closed/,
      );
    }
    // A second open (a run racing the first) finds the issue instead of opening another.
    expect((await cli(own, ["deploy-alert", "--action", "open", "--reason", "again"])).stdout).toMatch(/#1 already reports it/);
    expect(issueWrites().filter((r) => r.method === "POST" && r.path === "/repos/acme/status/issues")).toHaveLength(1);

    // Pages is turned on: the next deploy publishes the stamp, the schedule reads it and closes the issue.
    writeFileSync(path.join(published, "deployed.json"), JSON.stringify({ built_at: "2026-11-25T10:05:00Z", commit: null }));
    const fixed = await scheduled();
    expect(fixed).toMatchObject({ due: "false", alert: "close", alert_issue: "1" });
    const closed = await cli(own, ["deploy-alert", "--action", "close", "--issue", "1", "--reason", fixed.reason]);
    expect(closed.stdout).toMatch(/Closed #1/);
    expect(github.issues.get(1)).toMatchObject({
      state: "closed",
      state_reason: "completed",
      comments: [expect.stringMatching(/can be read again/)],
    });
    expect(await scheduled()).toMatchObject({ alert: "none" });
  });

  test("the issue closed by hand asks for one more attempt: the next run builds and opens a new one", async () => {
    const reported = github.seedIssue({
      title: "old",
      body: "<!-- sitrep:deploy-unreadable -->\nold",
      labels: ["status-site"],
      state: "closed",
    });
    expect(reported).toBe(1);
    expect(await scheduled()).toMatchObject({ due: "true", alert: "open" });
  });

  test("GitHub cannot be asked: the run decides as without the alert (builds) and says why", async () => {
    github.faults.push({ match: "GET /repos/acme/status/issues", kind: "status", status: 401, times: 5 });
    const out = await scheduled();
    expect(out).toMatchObject({ due: "true", alert: "none" });
    expect(out.reason).toMatch(/the alert issue could not be looked up/);
  });

  test("deploy-alert refuses an unknown action or a close without an issue, saying what to pass", async () => {
    const wrong = await cliSubprocess(own, ["deploy-alert", "--action", "reopen"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/`reopen` is neither open nor close/);
    expect((await cli(own, ["deploy-alert", "--action", "close", "--issue", ""])).stderr).toMatch(/needs the issue to close/);
    expect(github.writes()).toEqual([]);
  });
});

describe("the template's example configuration (before init) schedules nothing and opens no issue", () => {
  test("deploy-due: not due, whatever the stamp, and GitHub is not asked", async () => {
    const out = await scheduled(example);
    expect(out).toMatchObject({ due: "false", alert: "none" });
    expect(out.reason).toMatch(/still the template's example .*run `npx sitrep init`/);
    expect(github.requests).toEqual([]);
  });

  test("configured: false with a notice for the example, true for a team's own config", async () => {
    const lumen = await cliSubprocess(example, ["configured", "--format", "github"]);
    expect(outputs(lumen.stdout)).toMatchObject({ configured: "false", reason: expect.stringMatching(/template's example/) });
    expect(lumen.stderr).toMatch(/^::notice::sitrep\.config\.yaml is still the template's example/);
    const acme = await cli(own, ["configured", "--format", "github"]);
    expect(outputs(acme.stdout)).toEqual({ configured: "true", reason: "sitrep.config.yaml is this repository's own" });
    expect(acme.stderr).toBe("");
  });
});
