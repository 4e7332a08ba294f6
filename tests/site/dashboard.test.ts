// The internal dashboard: numbers from scripts/metrics on the example organisation with its known
// git history (exampleGitRepo), charts drawn at build time as named SVG images with their numbers in
// tables, small samples flagged in words, action items linked to their GitHub issues, and a
// clear reason instead of charts when there is no git history.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createBuildContext } from "../../site/data/build-context.ts";
import { dashboard, type Dashboard } from "../../site/data/dashboard.ts";
import { distribution } from "../../scripts/metrics/statistics.ts";
import { copyExampleRepo, EXAMPLE_DECLARATION_LAG_MINUTES } from "../helpers/example-repo.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { internalSite } from "./internal-site-fixture.ts";

let site: SharedSite;
let board: Dashboard;

beforeAll(async () => {
  // The internal build shared with internal-site*.test.ts: its records are exampleGitRepo's.
  site = await internalSite();
  board = await dashboard(createBuildContext({ SITREP_ROOT: site.recordsRoot, SITREP_NOW: TEST_NOW, SITREP_AUDIENCE: "internal" }));
});

describe("dashboard data", () => {
  it("groups time to resolve by severity with the metrics' own distribution, and flags small groups", () => {
    if (!board.available) throw new Error(board.reason);
    const { ttrBySeverity, months, commanders, incidentCount } = board.data;
    expect(ttrBySeverity.map((g) => g.key)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    for (const group of ttrBySeverity) {
      expect(group.stats).toEqual(
        distribution(
          group.values.map((v) => v.minutes),
          "minutes",
        ),
      );
      expect(group.stats.too_small).toBe(group.values.length < 5);
    }
    expect(ttrBySeverity.some((g) => g.stats.too_small)).toBe(true);
    expect(months.reduce((n, m) => n + m.incidents, 0)).toBe(incidentCount);
    expect(commanders.reduce((n, c) => n + c.share, 0)).toBeCloseTo(1);
    expect(board.data.declarationLag.stats).toMatchObject({ n: 16, median: EXAMPLE_DECLARATION_LAG_MINUTES });
    // Postmortems are committed at their publication: the action items have a history of months.
    expect(board.data.actionItems.points.length).toBeGreaterThan(3);
  });

  it("draws each chart as one named image", () => {
    if (!board.available) throw new Error(board.reason);
    const charts = Object.values(board.charts);
    expect(charts).toHaveLength(6);
    for (const chart of charts) {
      expect(chart).toMatch(/^<svg [^>]*aria-label="[^"]+"/);
      expect(chart).toMatch(/^<svg [^>]*role="img"/);
    }
  });

  it("says why when the records have no git history, and is absent from the public build", async () => {
    const plain = copyExampleRepo("sitrep-dashboard-nogit-");
    try {
      const none = await dashboard(createBuildContext({ SITREP_ROOT: plain.dir, SITREP_NOW: TEST_NOW, SITREP_AUDIENCE: "internal" }));
      expect(none.available).toBe(false);
      expect(!none.available && none.reason).toMatch(/git history of the records could not be read/);
      const publicBoard = await dashboard(createBuildContext({ SITREP_ROOT: site.recordsRoot, SITREP_NOW: TEST_NOW }));
      expect(publicBoard.available).toBe(false);
    } finally {
      plain.cleanup();
    }
  });
});

describe("internal build", () => {
  it("puts every chart beside a table of its numbers, with no script for the charts", () => {
    const html = readFileSync(path.join(site.outDir, "metrics/index.html"), "utf8");
    // Six charts of the incidents, and the on-call load (the example organisation has schedules).
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(7);
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).toMatch(/<td class="flag">too small \(n = \d &lt; 5\)<\/td>/);
    // The only script is the page script every page has (decision 0183), a file of the site.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toMatch(/<script type="module" src="[^"]*\/_astro\/Base[^"]*\.js"><\/script>/);
  });

  it("links action items to their GitHub issues", () => {
    const slug = process.env.GITHUB_REPOSITORY || "lumen-example/status";
    const items = readFileSync(path.join(site.outDir, "action-items/index.html"), "utf8");
    expect(items).toContain(`<a href="https://github.com/${slug}/issues/`);
    const postmortem = readFileSync(path.join(site.outDir, "postmortems/2026-05-19-checkout-outage/index.html"), "utf8");
    expect(postmortem).toContain(`<a href="https://github.com/${slug}/issues/42">#42</a>`);
  });
});
