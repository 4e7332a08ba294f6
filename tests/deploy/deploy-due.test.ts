// `sitrep deploy-due` through the real CLI with fixed clocks: the scheduled deploy builds only when
// the public site would change (a window opens or closes, a future-dated update becomes due, a new
// day begins in the site's time zone, something is open, another commit) and says why.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { deployConfigLines, githubOutputs } from "./deploy-fixtures.ts";
import { cliPath, runCli, runCliInProcess } from "../helpers/run-cli.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-deploy-due-"));
const write = (file: string, lines: string[]) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), `${lines.join("\n")}\n`);
};

beforeAll(() => {
  write("sitrep.config.yaml", deployConfigLines("https://status.acme.example", { api: "API", billing: "Billing" }, "Europe/Berlin"));
  write("incidents/2026/2026-11-10-api-errors.md", [
    "---",
    "title: API errors",
    "severity: SEV1",
    "status: resolved",
    "components:",
    "  api: partial_outage",
    "started_at: 2026-11-10T10:00:00Z",
    "resolved_at: 2026-11-10T11:00:00Z",
    "updates:",
    "  - at: 2026-11-10T10:10:00Z",
    "    status: investigating",
    "    body: We are looking into API errors.",
    "  - at: 2026-11-10T11:00:00Z",
    "    status: resolved",
    "    body: Resolved.",
    "---",
    "",
  ]);
  write("incidents/2026/2026-12-01-billing-upgrade.md", [
    "---",
    "title: Billing database upgrade",
    "type: maintenance",
    "status: scheduled",
    "components:",
    "  billing: under_maintenance",
    "scheduled_start: 2026-12-01T02:00:00Z",
    "scheduled_end: 2026-12-01T04:00:00Z",
    "updates:",
    "  - at: 2026-11-21T09:00:00Z",
    "    status: scheduled",
    "    body: Billing will be read-only during the upgrade.",
    "---",
    "",
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI without blocking this process, which serves the site the CLI fetches from. */
async function dueAsync(now: string, args: string[]): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)(process.execPath, [cliPath, "deploy-due", "--format", "github", ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1", SITREP_NOW: now, GITHUB_SHA: "" },
  });
  return Object.fromEntries(
    stdout
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/** Runs deploy-due at `now` with the last deploy at `since`; returns the $GITHUB_OUTPUT lines as an object. */
function due(now: string, args: string[]): Record<string, string> {
  const result = runCli(["deploy-due", "--format", "github", ...args], { cwd: dir, env: { SITREP_NOW: now, GITHUB_SHA: "" } });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return githubOutputs(result.stdout);
}

/** The same run in this process (no Node start-up); the first test runs the subprocess. */
async function dueInProcess(now: string, args: string[]): Promise<Record<string, string>> {
  const result = await runCliInProcess(["deploy-due", "--format", "github", ...args], {
    cwd: dir,
    env: { SITREP_NOW: now, GITHUB_SHA: "" },
  });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return githubOutputs(result.stdout);
}

describe("deploy-due decides from the records and the clock", () => {
  test("a quiet quarter of an hour: not due, and it names the next change", () => {
    const out = due("2026-11-25T10:15:00Z", ["--since", "2026-11-25T10:00:00Z"]);
    expect(out.due).toBe("false");
    expect(out.reason).toMatch(/nothing in the records changes the public site/);
    // The next change by the clock alone: midnight in Berlin (23:00 UTC), before the window.
    expect(out.next).toBe("2026-11-25T23:00:00.000Z");
  });

  test("the maintenance window opens between two runs: due, naming scheduled_start", async () => {
    const out = await dueInProcess("2026-12-01T02:05:00Z", ["--since", "2026-12-01T01:50:00Z"]);
    expect(out.due).toBe("true");
    expect(out.reason).toContain("is open"); // in its window now: the page shows it in progress
    const before = await dueInProcess("2026-12-01T01:59:00Z", ["--since", "2026-12-01T01:50:00Z"]);
    expect(before).toMatchObject({ due: "false", next: "2026-12-01T02:00:00.000Z" });
  });

  test("the window closes between two runs: due, naming scheduled_end", async () => {
    const out = await dueInProcess("2026-12-01T04:10:00Z", ["--since", "2026-12-01T03:55:00Z"]);
    expect(out.due).toBe("true");
    expect(out.reason).toBe(
      "2026-12-01-billing-upgrade: scheduled_end (2026-12-01T04:00:00.000Z) passed since the last deploy at 2026-12-01T03:55:00.000Z",
    );
  });

  test("a future-dated update becomes due between two runs: due, naming it", async () => {
    const out = await dueInProcess("2026-11-21T09:05:00Z", ["--since", "2026-11-21T08:55:00Z"]);
    expect(out.reason).toBe(
      "2026-12-01-billing-upgrade: updates[0].at (2026-11-21T09:00:00.000Z) passed since the last deploy at 2026-11-21T08:55:00.000Z",
    );
  });

  test("a new day in the site's time zone (Berlin), not yet in UTC: due, the bars roll over", async () => {
    const out = await dueInProcess("2026-11-25T23:05:00Z", ["--since", "2026-11-25T22:50:00Z"]);
    expect(out.due).toBe("true");
    expect(out.reason).toMatch(/a new day began in Europe\/Berlin/);
    expect((await dueInProcess("2026-11-25T22:55:00Z", ["--since", "2026-11-25T22:50:00Z"])).due).toBe("false");
  });

  test("another commit than the deployed one, or --max-age: due", async () => {
    const stamp = path.join(dir, "stamp.json");
    writeFileSync(stamp, JSON.stringify({ built_at: "2026-11-25T10:00:00Z", commit: "a".repeat(40) }));
    expect((await dueInProcess("2026-11-25T10:15:00Z", ["--deployed", stamp, "--commit", "a".repeat(40)])).due).toBe("false");
    expect((await dueInProcess("2026-11-25T10:15:00Z", ["--deployed", stamp, "--commit", "b".repeat(40)])).reason).toBe(
      `the site shows commit ${"a".repeat(12)}, this run is at ${"b".repeat(12)}`,
    );
    expect((await dueInProcess("2026-11-25T16:00:00Z", ["--since", "2026-11-25T10:00:00Z", "--max-age", "360"])).due).toBe("true");
    expect((await dueInProcess("2026-11-25T15:59:00Z", ["--since", "2026-11-25T10:00:00Z", "--max-age", "360"])).due).toBe("false");
  });

  test("an open incident: due on every run", async () => {
    write("incidents/2026/2026-11-25-web-slow.md", [
      "---",
      "title: API slow",
      "severity: SEV1",
      "status: investigating",
      "components:",
      "  api: degraded_performance",
      "started_at: 2026-11-25T08:00:00Z",
      "updates:",
      "  - at: 2026-11-25T08:10:00Z",
      "    status: investigating",
      "    body: Slow.",
      "---",
      "",
    ]);
    try {
      expect((await dueInProcess("2026-11-25T10:15:00Z", ["--since", "2026-11-25T10:00:00Z"])).reason).toBe(
        "2026-11-25-web-slow is open: its impact and today's uptime change by the minute",
      );
    } finally {
      rmSync(path.join(dir, "incidents/2026/2026-11-25-web-slow.md"));
    }
  });
});

describe("the last deploy, read from the live site's deployed.json", () => {
  let site: StaticServer;
  const published = mkdtempSync(path.join(os.tmpdir(), "sitrep-deploy-due-site-"));
  beforeAll(async () => {
    site = await serveStatic(published, { base: "/status/" });
  });
  afterAll(async () => {
    await site.close();
    rmSync(published, { recursive: true, force: true });
  });

  test("--write-stamp writes what the next run reads back over HTTP", async () => {
    const written = runCli(["deploy-due", "--write-stamp", path.join(published, "deployed.json"), "--commit", "c".repeat(40)], {
      cwd: dir,
      env: { SITREP_NOW: "2026-11-25T10:00:00Z" },
    });
    expect(written.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(published, "deployed.json"), "utf8"))).toEqual({
      built_at: "2026-11-25T10:00:00.000Z",
      commit: "c".repeat(40),
    });
    const out = await dueAsync("2026-11-25T10:15:00Z", ["--deployed", `${site.url}deployed.json`, "--commit", "c".repeat(40)]);
    expect(out.due).toBe("false");
    expect(out.reason).toContain("last deploy at 2026-11-25T10:00:00.000Z");
  });

  test("no stamp on the site (first deploy): due, saying what the server answered", async () => {
    const out = await dueAsync("2026-11-25T10:15:00Z", ["--deployed", `${site.url}missing.json`]);
    expect(out.due).toBe("true");
    expect(out.reason).toMatch(/no record of the last deploy.*missing\.json answered HTTP 404/);
  });

  test("a live stamp far larger than a stamp can be is not read on: due, saying so", async () => {
    writeFileSync(path.join(published, "huge.json"), `{"built_at": "2026-11-25T10:00:00Z", "pad": "${"x".repeat(200_000)}"}`);
    const out = await dueAsync("2026-11-25T10:15:00Z", ["--deployed", `${site.url}huge.json`]);
    expect(out.due).toBe("true");
    expect(out.reason).toMatch(/huge\.json is larger than 64 kB/);
  });

  test("a broken stamp file is a reason to build, not a crash", async () => {
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "<html>");
    expect((await dueInProcess("2026-11-25T10:15:00Z", ["--deployed", broken])).reason).toMatch(/deployed\.json is not JSON/);
  });

  test("--format json and text say the same", async () => {
    const json = await runCliInProcess(["deploy-due", "--json", "--since", "2026-11-25T10:00:00Z"], {
      cwd: dir,
      env: { SITREP_NOW: "2026-11-25T10:15:00Z" },
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ due: false, next: "2026-11-25T23:00:00.000Z", source: "--since" });
    const text = await runCliInProcess(["deploy-due", "--since", "2026-11-25T10:00:00Z"], {
      cwd: dir,
      env: { SITREP_NOW: "2026-11-25T10:15:00Z" },
    });
    expect(text.stdout).toMatch(/^Not due: nothing in the records/);
  });
});
