// The internal build (SITREP_AUDIENCE=internal) without a browser: the metrics page shows the
// figures of the records' known git history, open action items are listed, overdue first, and
// every link resolves inside the build. (The same build in Chromium: internal-site.browser.test.ts.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_DECLARATION_LAG_MINUTES } from "../helpers/example-repo.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { internalSite } from "./internal-site-fixture.ts";
import { brokenLinks } from "./site-checks.ts";

let site: SharedSite;

beforeAll(async () => {
  site = await internalSite();
});

describe("internal site output", () => {
  it("says it is the internal build, so notify refuses it (decision 0172)", () => {
    expect(JSON.parse(readFileSync(path.join(site.outDir, "build.json"), "utf8")).audience).toBe("internal");
  });

  it("shows the metrics of the records' git history, the same figures as `sitrep metrics --json`", async () => {
    const html = readFileSync(path.join(site.outDir, "metrics/index.html"), "utf8");
    expect(html).not.toContain("Metrics are not available in this build.");
    const cli = await runCliInProcess(["metrics", "--json"], { cwd: site.recordsRoot });
    expect(cli.code, cli.stderr).toBe(0);
    const metrics = JSON.parse(cli.stdout) as {
      history: { commits: number };
      overall: { incidents: { count: number }; durations: { declaration_lag: { n: number; median: number } } };
    };
    // Known history (exampleGitRepo): 24 commits; 16 incidents count (drills and near-misses are
    // left out by default), each declared EXAMPLE_DECLARATION_LAG_MINUTES after detection.
    expect(metrics.history.commits).toBe(24);
    expect(metrics.overall.incidents.count).toBe(16);
    expect(metrics.overall.durations.declaration_lag).toMatchObject({ n: 16, median: EXAMPLE_DECLARATION_LAG_MINUTES });
    expect(html).toContain(">ttd<");
    expect(html).toMatch(/count<\/dt><dd><span>16<\/span>/);
  });

  it("lists open action items, overdue first, and links only inside the build", () => {
    const html = readFileSync(path.join(site.outDir, "action-items/index.html"), "utf8");
    const rows = [...html.matchAll(/<tr><td>/g)].length;
    expect(rows).toBeGreaterThan(0);
    expect(html.indexOf("(overdue)")).toBeGreaterThan(-1);
    expect(brokenLinks(site.outDir, "/")).toEqual([]);
  });
});

describe("on-call in the internal build", () => {
  it("names who was on call for each schedule when an incident started, as `sitrep oncall --at` does", async () => {
    const html = readFileSync(path.join(site.outDir, "incidents/2026-11-17-checkout-elevated-errors/index.html"), "utf8");
    const cli = await runCliInProcess(["oncall", "--at", "2026-11-17T11:22:00Z", "--json"], { cwd: site.recordsRoot });
    expect(cli.code, cli.stderr).toBe(0);
    const onCall = JSON.parse(cli.stdout) as { schedule: string; on_call: string }[];
    expect(onCall.length).toBeGreaterThan(0);
    expect(html).toContain("On call when it started");
    for (const entry of onCall) expect(html).toMatch(new RegExp(`<li>[A-Z][^<:]*: ${entry.on_call}</li>`));
    expect(html).toContain(`Platform primary: `);
  });

  it("publishes each schedule's and each person's shifts as iCalendar feeds", () => {
    const schedule = readFileSync(path.join(site.outDir, "oncall/platform-primary.ics"), "utf8");
    expect(schedule).toMatch(/^BEGIN:VCALENDAR/);
    expect(schedule).toContain("On call: Platform primary");
    expect(schedule.match(/BEGIN:VEVENT/g)!.length).toBeGreaterThan(10);
    const person = readFileSync(path.join(site.outDir, "oncall/people/priya-n.ics"), "utf8");
    expect(person).toContain("BEGIN:VEVENT");
    expect(person.match(/BEGIN:VEVENT/g)!.length).toBeLessThan(schedule.match(/BEGIN:VEVENT/g)!.length);
  });
});

describe("on-call load on the dashboard", () => {
  it("charts and tabulates the last four weeks per person, the same hours as `sitrep oncall report`", async () => {
    const html = readFileSync(path.join(site.outDir, "metrics/index.html"), "utf8");
    expect(html).toContain("On-call load, last four weeks");
    expect(html).toContain('class="chart-on-call');
    const cli = await runCliInProcess(["oncall", "report", "--from", "2026-10-25T12:00:00Z", "--to", "2026-11-22T12:00:00Z", "--json"], {
      cwd: site.recordsRoot,
    });
    expect(cli.code, cli.stderr).toBe(0);
    const people = JSON.parse(cli.stdout).people as { person: string; hours: number; out_of_hours: number }[];
    expect(people.length).toBeGreaterThan(1);
    for (const p of people) expect(html).toContain(`<th scope="row">${p.person}</th><td>${p.hours}</td><td>${p.out_of_hours}</td>`);
  });
});
