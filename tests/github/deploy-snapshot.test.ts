// notify's "previous site" is what the target serves before this deploy: deploy.yml's snapshot
// step reads the live site (site.url) — on Pages and on the public-repository target alike — past
// the CDN's cache (a CDN emulator here caches by path and query). A live site that cannot be read
// leaves an empty snapshot and a warning, and the build goes on (notify then sends nothing rather
// than twice). The step is run as the runner runs it, with this checkout's CLI.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { cliPath, repoRoot } from "../helpers/run-cli.ts";
import { cdnHost } from "../notify/cdn-host.ts";
import { BASE_CONFIG, SITE_URL, fixtureRepo, incidentRecord } from "../notify/fixture-site.ts";

interface Step {
  name?: string;
  run?: string;
}
const deploy = parse(readFileSync(path.join(repoRoot, ".github/workflows/deploy.yml"), "utf8")) as { jobs: { build: { steps: Step[] } } };
const snapshotStep = deploy.jobs.build.steps.find((s) => s.name === "Snapshot what was last published, for notifications")!.run!;

const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-deploy-snapshot-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The step's script as the runner runs it, in a records repository whose site.url is `siteUrl` (async: the host answers from this process). */
async function runSnapshotStep(siteUrl: string): Promise<{ code: number; log: string; snapshot: string }> {
  const repo = fixtureRepo(BASE_CONFIG.replace(SITE_URL, siteUrl));
  const runnerTemp = mkdtempSync(path.join(scratch, "runner-"));
  const script = path.join(runnerTemp, "step.sh");
  writeFileSync(script, snapshotStep.replaceAll("npx sitrep", `"${process.execPath}" "${cliPath}"`));
  const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
    cwd: repo.dir,
    env: { PATH: process.env.PATH, HOME: scratch, RUNNER_TEMP: runnerTemp, GITHUB_RUN_ATTEMPT: "1", NO_COLOR: "1", GITHUB_ACTIONS: "true" },
  });
  let log = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (log += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (log += d));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  const snapshot = path.join(scratch, `snapshot-${path.basename(runnerTemp)}`);
  rmSync(snapshot, { recursive: true, force: true });
  if (existsSync(path.join(repo.dir, "notify-previous"))) spawnSync("cp", ["-r", path.join(repo.dir, "notify-previous"), snapshot]);
  repo.cleanup();
  return { code, log, snapshot };
}

describe("deploy.yml's snapshot: what the target serves, past its cache", () => {
  const repo = fixtureRepo();
  afterAll(() => repo.cleanup());
  repo.write(
    "incidents/2026/2026-11-25-api-errors.md",
    incidentRecord({
      title: "API errors",
      severity: "SEV2",
      status: "investigating",
      components: { api: "partial_outage" },
      started: "2026-11-25T09:00:00Z",
      updates: [{ at: "2026-11-25T09:05:00Z", status: "investigating", body: "Looking." }],
    }),
  );
  const first = repo.publish("2026-11-25T09:10:00Z");
  repo.write(
    "incidents/2026/2026-11-25-api-errors.md",
    incidentRecord({
      title: "API errors",
      severity: "SEV2",
      status: "identified",
      components: { api: "partial_outage" },
      started: "2026-11-25T09:00:00Z",
      updates: [
        { at: "2026-11-25T09:05:00Z", status: "investigating", body: "Looking." },
        { at: "2026-11-25T09:50:00Z", status: "identified", body: "Found it." },
      ],
    }),
  );
  const live = repo.publish("2026-11-25T10:00:00Z");

  test("the snapshot is the build the target serves now, not a copy the CDN kept", async () => {
    const host = await cdnHost(first);
    try {
      for (const file of ["history.json", "build.json", "api/v2/incidents.json"]) await (await fetch(`${host.url}${file}`)).text();
      host.deploy(live);
      const run = await runSnapshotStep(host.url);
      expect(run.code, run.log).toBe(0);
      for (const file of ["history.json", "build.json", "api/v2/incidents.json"]) {
        expect(readFileSync(path.join(run.snapshot, file), "utf8")).toBe(readFileSync(path.join(live, file), "utf8"));
      }
      expect(readFileSync(path.join(run.snapshot, "attempt"), "utf8")).toBe("1\n");
      const mine = host.requests.filter((r) => r.query);
      expect(mine.every((r) => /^\?sitrep-fresh=[0-9a-f-]{36}$/.test(r.query) && !r.cached)).toBe(true);
    } finally {
      await host.close();
    }
  });

  test("a live site that cannot be read: an empty snapshot, a warning, the build goes on", async () => {
    const host = await cdnHost(live);
    host.misbehave("history.json", "reset");
    try {
      const run = await runSnapshotStep(host.url);
      expect(run.code, run.log).toBe(0);
      expect(run.log).toMatch(
        /::warning title=sitrep notify-previous-site::the live site could not be saved for notify: .*history\.json did not answer in full/,
      );
      expect(readdirSync(run.snapshot)).toEqual(["attempt"]);
    } finally {
      await host.close();
    }
  });
});
