// The public build in real Chromium: every page type renders without console errors, axe finds
// no WCAG 2.2 AA violations in light and dark, the status page works without JavaScript and at
// 320 px, every internal link resolves inside the build, search works with JavaScript and says
// what to do without it, record Markdown cannot run scripts, and nothing internal leaks.
// The site is built once (under /status/, like a GitHub Pages project site) and served locally.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import { launchChromium, collectErrors } from "../helpers/browser.ts";
import { copyExampleRepo, exampleOrgRoot } from "../helpers/example-repo.ts";
import { repoRoot, TEST_NOW } from "../helpers/run-cli.ts";
import { buildSite, type SiteBuild } from "../helpers/site-build.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { axeViolations, brokenLinks, files } from "./site-checks.ts";

const artifacts = path.join(repoRoot, "test-results", "site");

/** One page of each type, with text that proves it rendered. */
const PAGES = [
  { name: "status", path: "", heading: "Components", expect: "Slow payout status in the API and dashboard" },
  { name: "history", path: "history/", heading: "Incident history", expect: "November 2026" },
  { name: "history quarter", path: "history/2026-q3/", heading: "Incident history", expect: "September 2026" },
  { name: "history month", path: "history/2026-11/", heading: "November 2026", expect: "Elevated checkout errors" },
  { name: "incident", path: "incidents/2026-11-17-checkout-elevated-errors/", heading: "Elevated checkout errors", expect: "The rollback is complete" },
  { name: "active incident", path: "incidents/2026-11-21-payout-status-latency/", heading: "Slow payout status in the API and dashboard", expect: "Ongoing" },
  { name: "maintenance", path: "incidents/2027-02-10-card-vault-hsm-migration/", heading: "Card vault hardware security module migration", expect: "Scheduled" },
  { name: "component", path: "components/checkout-api/", heading: "Checkout API", expect: "Days with impact" },
  { name: "postmortem", path: "postmortems/2026-05-19-checkout-outage/", heading: "Postmortem", expect: "Incident:" },
  { name: "search", path: "search/", heading: "Search", expect: "Search incidents, postmortems and components" },
  { name: "404", path: "no-such-page/", heading: "Page not found", expect: "Current status", status: 404 },
];

const PROBE = `---
title: "Probe <script>window.__pwned = 'title'</script>"
severity: SEV4
status: resolved
components:
  reporting: degraded_performance
started_at: 2026-11-10T10:00:00Z
detected_at: 2026-11-10T10:01:00Z
resolved_at: 2026-11-10T10:30:00Z
updates:
  - at: 2026-11-10T10:05:00Z
    status: investigating
    body: "Exports are slow <img src=x onerror=\\"window.__pwned = 'update'\\"> still."
  - at: 2026-11-10T10:30:00Z
    status: resolved
    body: Resolved.
---

Probe body <script>window.__pwned = "body"</script> with <img src="x" onerror="window.__pwned = 'img'">
and [a link](javascript:window.__pwned='link') and <a href="#" onclick="window.__pwned='click'">click</a>.
`;

let example: { dir: string; cleanup: () => void };
let site: SiteBuild;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  example = copyExampleRepo("sitrep-site-public-");
  writeFileSync(path.join(example.dir, "incidents/2026/2026-11-10-probe.md"), PROBE);
  [site, browser] = await Promise.all([
    buildSite({ recordsRoot: example.dir, siteUrl: "https://lumen.example.github.io/status/", pagefind: true }),
    launchChromium(),
  ]);
  if (site.code !== 0) throw new Error(`site build failed (${site.code}):\n${site.stderr.slice(-3000)}\n${site.stdout.slice(-2000)}`);
  server = await serveStatic(site.outDir, { base: "/status/" });
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
  example?.cleanup();
});

async function withContext<T>(options: Parameters<Browser["newContext"]>[0], use: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

describe("public site in Chromium", () => {
  for (const scheme of ["light", "dark"] as const) {
    it(`renders every page type without console errors and without axe violations (${scheme})`, async () => {
      await withContext({ colorScheme: scheme }, async (context) => {
        const page = await context.newPage();
        const errors = collectErrors(page);
        const report: string[] = [];
        for (const entry of PAGES) {
          const response = await page.goto(server.url + entry.path);
          expect(response?.status(), entry.name).toBe(entry.status ?? 200);
          await expect.poll(() => page.locator("h1").first().textContent(), { timeout: 5_000 }).toContain(entry.heading === "Components" ? "Lumen Status" : entry.heading);
          expect(await page.locator("main").textContent(), entry.name).toContain(entry.expect);
          report.push(...(await axeViolations(page, entry.name)));
        }
        // The 404 page's own request is the only expected error.
        expect(errors.filter((e) => !(e.includes("status of 404") && e.includes("/status/no-such-page/")))).toEqual([]);
        expect(report).toEqual([]);
      });
    }, 300_000); // axe takes 5-15 s a page on a loaded 2-core machine
  }

  it("saves screenshots of the status page in light and dark as test artifacts", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await withContext({ colorScheme: scheme, viewport: { width: 1024, height: 800 } }, async (context) => {
        const page = await context.newPage();
        await page.goto(server.url);
        const file = path.join(artifacts, `status-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
      });
    }
  });

  it("shows the whole status page with JavaScript disabled, and the status page loads no script file", async () => {
    await withContext({ javaScriptEnabled: false }, async (context) => {
      const page = await context.newPage();
      await page.goto(server.url);
      await expect.poll(() => page.locator(".banner").textContent()).toContain("Minor Service Outage");
      expect(await page.locator(".component").count()).toBe(10);
      expect(await page.locator(".component .vh").first().textContent()).toMatch(/Checkout API, last 90 days: \d+\.\d\d % uptime, 1 day with impact\./);
      expect(await page.locator(".bars").first().locator("i").count()).toBe(90);
      // A day with impact is a link to its row on the component page, named by its summary.
      const day = page.locator(".bars").first().locator("a").first();
      expect(await day.getAttribute("aria-label")).toContain("17 Nov 2026: degraded performance 25 min, partial outage 36 min (Elevated checkout errors)");
      await day.click();
      await expect.poll(() => page.url()).toMatch(/\/components\/checkout-api\/#day-2026-11-17$/);
      expect(await page.locator("tr:target").textContent()).toContain("Elevated checkout errors");
      await page.goto(`${server.url}search/`);
      expect(await page.locator("main").textContent()).toContain("Search needs JavaScript");
      expect(await page.locator("main a[href$='/history/']").count()).toBeGreaterThan(0);
      expect(await page.locator("#search-form").isVisible()).toBe(false);
    });
    await withContext({}, async (context) => {
      const page = await context.newPage();
      await page.goto(server.url);
      // One inline script (keeps an open page current), nothing loaded from elsewhere.
      expect(await page.evaluate<string[]>("[...document.scripts].map((s) => s.src)")).toEqual([""]);
    });
  });

  it("is readable at 320 px: no page scrolls sideways", async () => {
    await withContext({ viewport: { width: 320, height: 640 } }, async (context) => {
      const page = await context.newPage();
      const wide: string[] = [];
      for (const entry of PAGES) {
        await page.goto(server.url + entry.path);
        const width = await page.evaluate<number>("document.documentElement.scrollWidth");
        if (width > 320) wide.push(`${entry.name}: ${width}px`);
      }
      expect(wide).toEqual([]);
    });
  });

  it("finds incidents with Pagefind when JavaScript is on", async () => {
    await withContext({}, async (context) => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await page.goto(`${server.url}search/?q=rollback`);
      const first = page.locator("#search-results li a").first();
      await first.waitFor({ timeout: 10_000 });
      expect(await first.getAttribute("href")).toMatch(/^\/status\/(incidents|postmortems|components)\//);
      expect(await page.locator("#search-status").textContent()).toMatch(/\d+ results? for “rollback”/);
      expect(errors).toEqual([]);
    });
  });

  it("never runs script from record Markdown", async () => {
    await withContext({}, async (context) => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
      for (const target of ["incidents/2026-11-10-probe/", "history/2026-11/", "components/reporting/"]) {
        await page.goto(server.url + target);
        await page.locator("main a", { hasText: "a link" }).first().click({ timeout: 1_000 }).catch(() => undefined);
        expect(await page.evaluate<unknown>("window.__pwned"), target).toBeUndefined();
        // A string, so the test compiles without DOM types: scripts, on* handlers and javascript: URLs in main.
        const dangerous = await page.evaluate<string[]>(`[
          ...[...document.querySelectorAll("main script")].map((e) => e.outerHTML),
          ...[...document.querySelectorAll("main *")].flatMap((e) => [...e.attributes]
            .filter((a) => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value)).map((a) => e.tagName + " " + a.name)),
        ]`);
        expect(dangerous, target).toEqual([]);
      }
      expect(dialogs).toEqual([]);
    });
    expect(readFileSync(path.join(site.outDir, "incidents/2026-11-10-probe/index.html"), "utf8")).toContain("Probe body");
  });
});

describe("public build output", () => {
  it("links only to files that exist in the build (under the base path)", () => {
    expect(brokenLinks(site.outDir, "/status/")).toEqual([]);
  });

  it("marks every time up as <time datetime> in UTC (or a calendar date)", () => {
    const bad: string[] = [];
    let count = 0;
    for (const file of files(site.outDir).filter((f) => f.endsWith(".html"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/<time datetime="([^"]*)"/g)) {
        count++;
        if (!/^\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}Z)?)?$/.test(match[1])) bad.push(`${path.relative(site.outDir, file)}: ${match[1]}`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  it("keeps the status page under 20 kB gzip with its CSS", () => {
    const html = readFileSync(path.join(site.outDir, "index.html"), "utf8");
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/status\/([^"]+)"/g)].map((m) => readFileSync(path.join(site.outDir, m[1])));
    expect(css.length).toBeGreaterThan(0);
    const bytes = gzipSync(html).length + css.reduce((sum, file) => sum + gzipSync(file).length, 0);
    expect(bytes).toBeLessThan(20 * 1024);
    // (No <script> element: checked in the DOM above; the probe's title text holds the word.)
  });

  it("publishes the Statuspage API and the feeds from the publishers", () => {
    const summary = JSON.parse(readFileSync(path.join(site.outDir, "api/v2/summary.json"), "utf8"));
    expect(summary.page.url).toBe("https://lumen.example.github.io/status");
    expect(summary.status.indicator).toBe("minor");
    expect(readFileSync(path.join(site.outDir, "history.rss"), "utf8")).toContain("<rss");
    expect(readFileSync(path.join(site.outDir, "history.atom"), "utf8")).toContain("<feed");
    expect(readFileSync(path.join(site.outDir, "maintenance.ics"), "utf8")).toContain("Card vault hardware security module migration");
    expect(readFileSync(path.join(site.outDir, "badges/overall.svg"), "utf8")).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(readdirSync(path.join(site.outDir, "badges/components")).sort()).toContain("checkout-api.svg");
  });

  it("contains nothing from internal records, drills, timelines or hidden postmortems", () => {
    const repository = loadRepository(exampleOrgRoot, { now: new Date(TEST_NOW) });
    const hidden = repository.incidents.filter((i) => i.data.visibility === "internal" || i.data.drill);
    // A published public postmortem may quote its incident's timeline on purpose; every other
    // incident's timeline must stay out.
    const publicPostmortemOf = new Set(repository.postmortems.filter((p) => p.data.visibility === "public" && p.data.status === "published").map((p) => p.data.incident));
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    // A prefix free of characters HTML or JSON would escape, so a leak cannot hide behind escaping.
    const probe = (text: string) => text.split(/[&<>"'\\]/)[0].slice(0, 40).trim();
    const secrets = [
      "INTERNAL:",
      "[DRILL]",
      ...hidden.map((i) => probe(i.data.title)),
      ...repository.incidents.filter((i) => !publicPostmortemOf.has(i.id)).flatMap((i) => i.data.timeline.map((t) => probe(t.event))),
    ].filter((s) => s.length >= 8);
    const hiddenPostmortems = repository.postmortems.filter((p) => !(p.data.visibility === "public" && p.data.status === "published"));
    expect(hiddenPostmortems.length).toBeGreaterThanOrEqual(3);

    const leaks: string[] = [];
    for (const file of files(site.outDir).filter((f) => /\.(html|json|rss|atom|ics|svg|xml)$/.test(f))) {
      const text = readFileSync(file, "utf8");
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${path.relative(site.outDir, file)}: ${secret}`);
      for (const p of hiddenPostmortems) if (text.includes(`postmortems/${p.id}`)) leaks.push(`${path.relative(site.outDir, file)}: link to postmortem ${p.id}`);
      for (const i of hidden) if (text.includes(i.id)) leaks.push(`${path.relative(site.outDir, file)}: ${i.id}`);
    }
    expect(leaks).toEqual([]);
    for (const p of hiddenPostmortems) expect(readdirSync(path.join(site.outDir, "postmortems"))).not.toContain(p.id);
    for (const dir of ["runbooks", "metrics", "action-items"]) expect(readdirSync(site.outDir)).not.toContain(dir);
  });
});
