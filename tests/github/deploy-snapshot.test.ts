// Issue 22, M3: notify's "previous site" is what was last published to the target itself. On the
// public-repository target, deploy.yml's snapshot step reads the public branch as last pushed — a
// real git repository here, cloned over a file:// "server" — not the lagging live site; a branch that
// cannot be read leaves no snapshot (notify then sends nothing rather than twice). On Pages, the
// live site is read with a unique query each time, so the CDN's cached copy is never the snapshot.
import { execFile, spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { cliPath, repoRoot } from "../helpers/run-cli.ts";
import { fixtureRepo, incidentRecord } from "../notify/fixture-site.ts";

interface Step { name?: string; run?: string }
const deploy = parse(readFileSync(path.join(repoRoot, ".github/workflows/deploy.yml"), "utf8")) as { jobs: { build: { steps: Step[] } } };
const snapshotStep = deploy.jobs.build.steps.find((s) => s.name === "Snapshot what was last published, for notifications")!.run!;

const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-deploy-snapshot-"));
const repo = fixtureRepo();
afterAll(() => {
  repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@x", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@x", GIT_AUTHOR_DATE: "2026-11-25T10:00:00Z", GIT_COMMITTER_DATE: "2026-11-25T10:00:00Z" };
const git = (cwd: string, args: string[]) => {
  const r = spawnSync("git", ["-c", "init.defaultBranch=main", "-c", "gc.auto=0", ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, HOME: scratch, ...GIT_ENV } });
  expect(r.status, r.stderr).toBe(0);
};

/** The public repository as the publish job leaves it: one commit of the built site on gh-pages. */
function publicRepository(site: string): string {
  const server = path.join(scratch, "server");
  const bare = path.join(server, "acme", "public.git");
  mkdirSync(bare, { recursive: true });
  git(bare, ["init", "--quiet", "--bare"]);
  const work = path.join(scratch, "work");
  cpSync(site, work, { recursive: true });
  git(work, ["init", "--quiet", "--initial-branch=gh-pages"]);
  git(work, ["add", "-A"]);
  git(work, ["commit", "--quiet", "-m", "Status site"]);
  git(work, ["push", "--quiet", bare, "HEAD:gh-pages"]);
  return server;
}

/** The step's script as the runner runs it, with `npx sitrep` being this checkout's CLI. */
function runSnapshotStep(env: Record<string, string>): { code: number; log: string; snapshot: string } {
  const runnerTemp = mkdtempSync(path.join(scratch, "runner-"));
  const script = path.join(runnerTemp, "step.sh");
  writeFileSync(script, snapshotStep.replaceAll("npx sitrep", `"${process.execPath}" "${cliPath}"`));
  rmSync(path.join(repo.dir, "notify-previous"), { recursive: true, force: true });
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: repo.dir, encoding: "utf8", env: { PATH: process.env.PATH, HOME: scratch, RUNNER_TEMP: runnerTemp, GITHUB_RUN_ATTEMPT: "1", NO_COLOR: "1", SITREP_NOW: "2026-11-25T10:30:00Z", ...env },
  });
  return { code: r.status ?? -1, log: r.stdout + r.stderr, snapshot: path.join(repo.dir, "notify-previous") };
}

const incidents = (folder: string) => JSON.parse(readFileSync(path.join(folder, "api/v2/incidents.json"), "utf8")) as { incidents: { incident_updates: unknown[] }[] };

describe("the public-repository target: the snapshot is the branch as last pushed", () => {
  repo.write("incidents/2026/2026-11-25-api-errors.md", incidentRecord({ title: "API errors", severity: "SEV2", status: "investigating", components: { api: "partial_outage" }, started: "2026-11-25T09:00:00Z", updates: [{ at: "2026-11-25T09:05:00Z", status: "investigating", body: "Looking." }] }));
  const lagging = repo.publish("2026-11-25T09:10:00Z"); // what the public repository's Pages still serves
  repo.write("incidents/2026/2026-11-25-api-errors.md", incidentRecord({ title: "API errors", severity: "SEV2", status: "identified", components: { api: "partial_outage" }, started: "2026-11-25T09:00:00Z", updates: [{ at: "2026-11-25T09:05:00Z", status: "investigating", body: "Looking." }, { at: "2026-11-25T09:50:00Z", status: "identified", body: "Found it." }] }));
  const pushed = repo.publish("2026-11-25T10:00:00Z"); // what the last deploy pushed

  test("the snapshot holds the pushed site's updates, not the lagging live site's", () => {
    expect(incidents(lagging).incidents[0].incident_updates).toHaveLength(1);
    const server = publicRepository(pushed);
    const run = runSnapshotStep({ PUBLISH_REPOSITORY: "acme/public", PUBLISH_BRANCH: "gh-pages", GITHUB_SERVER_URL: `file://${server}` });
    expect(run.code, run.log).toBe(0);
    expect(incidents(run.snapshot).incidents[0].incident_updates).toHaveLength(2);
    expect(readFileSync(path.join(run.snapshot, "api/v2/incidents.json"), "utf8")).toBe(readFileSync(path.join(pushed, "api/v2/incidents.json"), "utf8"));
    expect(readFileSync(path.join(run.snapshot, "attempt"), "utf8")).toBe("1\n");
  });

  test("a branch that cannot be read (a first publish): no snapshot, a notice, the build goes on", () => {
    const run = runSnapshotStep({ PUBLISH_REPOSITORY: "acme/missing", PUBLISH_BRANCH: "gh-pages", GITHUB_SERVER_URL: `file://${scratch}/server` });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/::notice::Could not read acme\/missing@gh-pages .*notify will send nothing/);
    expect(readdirSync(run.snapshot)).toEqual(["attempt"]);
    expect(existsSync(path.join(run.snapshot, "api"))).toBe(false);
  });
});

describe("the Pages target: the live site is read past the CDN's cache", () => {
  test("every read of the live site carries a query of its own", async () => {
    const site = repo.publish("2026-11-25T10:00:00Z");
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.url!);
      const file = path.join(site, new URL(req.url!, "http://x").pathname);
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      for (const folder of ["a", "b"]) {
        await promisify(execFile)(process.execPath, [cliPath, "notify", "--snapshot", path.join(scratch, folder), "--previous", url], { cwd: repo.dir, env: { ...process.env, NO_COLOR: "1" } });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const statusReads = seen.filter((u) => u.startsWith("/api/v2/status.json"));
    expect(statusReads).toHaveLength(2);
    for (const u of seen) expect(u).toMatch(/\?t=\d+-[a-z0-9]+$/);
    expect(new Set(seen).size).toBe(seen.length);
    expect(incidents(path.join(scratch, "b")).incidents).toEqual(incidents(site).incidents);
  });
});
