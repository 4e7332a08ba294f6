// The internal build (SITREP_AUDIENCE=internal): runbooks, metrics and open action items are
// added, internal records, drills and timelines appear, and the new pages are axe-clean too.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, collectErrors } from "../helpers/browser.ts";
import { runCli } from "../helpers/run-cli.ts";
import { exampleGitRepo, EXAMPLE_DECLARATION_LAG_MINUTES } from "../helpers/example-repo.ts";
import type { GitRepo } from "../helpers/git-repo.ts";
import { buildSite, type SiteBuild } from "../helpers/site-build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { axeViolations, brokenLinks } from "./site-checks.ts";

const PAGES = [
  { name: "runbooks", path: "runbooks/", expect: "Roll back a Checkout API or Hosted Checkout deploy" },
  { name: "runbook", path: "runbooks/checkout-rollback/", expect: "Last reviewed" },
  { name: "metrics", path: "metrics/", expect: "Incident metrics" },
  { name: "action items", path: "action-items/", expect: "Open action items" },
  { name: "drill", path: "incidents/2026-08-30-gameday-region-evacuation/", expect: "[DRILL]" },
  { name: "internal timeline", path: "incidents/2026-11-17-checkout-elevated-errors/", expect: "INTERNAL:" },
  { name: "internal postmortem", path: "postmortems/2026-11-17-checkout-elevated-errors/", expect: "Action items" },
];

let records: GitRepo;
let site: SiteBuild;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // The example organisation with a known git history, so the metrics are known figures.
  records = exampleGitRepo("sitrep-internal-site-");
  [site, browser] = await Promise.all([buildSite({ audience: "internal", recordsRoot: records.dir }), launchChromium()]);
  if (site.code !== 0) throw new Error(`site build failed (${site.code}):\n${site.stderr.slice(-3000)}`);
  server = await serveStatic(site.outDir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  records?.cleanup();
});

describe("internal site", () => {
  it("adds runbooks, metrics, action items and internal details, all axe-clean in light and dark", async () => {
    const report: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const errors = collectErrors(page);
      for (const entry of PAGES) {
        const response = await page.goto(server.url + entry.path);
        expect(response?.status(), entry.name).toBe(200);
        expect(await page.locator("main").textContent(), entry.name).toContain(entry.expect);
        report.push(...(await axeViolations(page, `${entry.name} (${colorScheme})`)));
      }
      expect(await page.locator(".internal-banner").textContent()).toContain("Do not publish");
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(report).toEqual([]);
  }, 300_000); // axe takes 5-15 s a page on a loaded 2-core machine

  it("shows the metrics of the records' git history, the same figures as `sitrep metrics --json`", () => {
    const html = readFileSync(path.join(site.outDir, "metrics/index.html"), "utf8");
    expect(html).not.toContain("Metrics are not available in this build.");
    const cli = runCli(["metrics", "--json"], { cwd: records.dir });
    expect(cli.code, cli.stderr).toBe(0);
    const metrics = JSON.parse(cli.stdout) as { history: { commits: number }; overall: { incidents: { count: number }; durations: { declaration_lag: { n: number; median: number } } } };
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
