// What the public site offers every visitor, in real Chromium on a build of the example
// organisation: bars that keyboard and touch users reach, a 390 px page whose labels match the
// days it shows, search that finds by severity and filters, Statuspage-like history, public
// postmortems that say what is changing, and a status page that keeps itself current. The build
// (public-site-fixture.ts, under /status/) is shared with public-features.test.ts, which checks its
// HTML without a browser, and the public-site files. Tests take turns on one page (tests/helpers/browser.ts `sharedPage`); those that need JavaScript off, a time
// zone or a fake clock open their own context.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectErrors, launchChromium, sharedPage, type SharedPage } from "../helpers/browser.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { PUBLIC_BASE, publicSite } from "./public-site-fixture.ts";
import { axeViolations } from "./site-checks.ts";

let site: SharedSite;
let server: StaticServer;
let browser: Browser;
let shared: SharedPage;

beforeAll(async () => {
  [site, browser] = await Promise.all([publicSite(), launchChromium()]);
  [server, shared] = await Promise.all([serveStatic(site.outDir, { base: PUBLIC_BASE }), sharedPage(browser)]);
}, 240_000);

afterAll(async () => {
  await shared?.close();
  await browser?.close();
  await server?.close();
});

/** The DOM as these tests use it (the project compiles without DOM types; page functions must be
 * real functions: a string is evaluated as an expression, not called). */
type Node = { offsetParent: unknown; innerText: string; querySelectorAll(selector: string): ArrayLike<Node> };
type Window = { document: { activeElement: unknown }; getComputedStyle(element: unknown, pseudo: string): { content: string } };
const visibleTexts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) => (elements as unknown as Node[]).filter((e) => e.offsetParent !== null).map((e) => e.innerText));

describe("status page", () => {
  it("at 390 px shows 30 days under a 30-day label and uptime, axe-clean in light without JavaScript and in dark with it", async () => {
    const report: string[] = [];
    for (const [colorScheme, javaScriptEnabled] of [
      ["light", false],
      ["dark", true],
    ] as const) {
      const viewport = { width: 390, height: 844 };
      const open = (use: (page: Page) => Promise<void>) =>
        javaScriptEnabled
          ? shared.onPage({ viewport, colorScheme }, use)
          : shared.inContext({ viewport, colorScheme, javaScriptEnabled }, use);
      await open(async (page) => {
        await page.goto(server.url);
        const bars = await page
          .locator(".bars")
          .evaluateAll((all) =>
            (all as unknown as Node[]).map((b) => Array.from(b.querySelectorAll("i")).filter((i) => i.offsetParent !== null).length),
          );
        expect(bars).toHaveLength(10);
        expect(new Set(bars)).toEqual(new Set([30]));
        expect((await visibleTexts(page, "#components ~ p.muted, section[aria-labelledby=components] > p.muted"))[0]).toContain(
          "last 30 days",
        );
        const legends = await visibleTexts(page, ".bars-legend");
        expect(legends.every((l) => l.includes("30 days ago") && !l.includes("90"))).toBe(true);
        // Payouts had impact on its last two days: its 30-day uptime is what the legend shows.
        expect(legends.join("\n")).toMatch(/30 days ago\s+\d{2,3}\.\d\d % uptime\s+Today/);
        if (javaScriptEnabled) report.push(...(await axeViolations(page, `status 390 px ${colorScheme}`)));
      });
    }
    // axe needs script in the page, so "without JavaScript" is the page with its own scripts
    // blocked by a Content-Security-Policy (axe runs through the DevTools protocol, outside it).
    await shared.onPage({ viewport: { width: 390, height: 844 } }, async (page) => {
      await page.route("**/*", async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": "script-src 'none'" } });
      });
      await page.goto(server.url);
      // The build is days older than the real clock: only a running script would unhide this.
      expect(await page.locator("#stale").isHidden()).toBe(true);
      report.push(...(await axeViolations(page, "status 390 px light, page scripts blocked")));
    });
    expect(report).toEqual([]);
  }, 180_000);

  it("at 1280, 390 and 320 px makes every day with impact its own target of at least 24×24 px", async () => {
    for (const width of [1280, 390, 320]) {
      await shared.onPage({ viewport: { width, height: 844 } }, async (page) => {
        await page.goto(server.url);
        const boxes = await page.locator(".bars a").evaluateAll((links) =>
          (links as unknown as (Node & { getBoundingClientRect(): { width: number; height: number } })[])
            .filter((a) => a.offsetParent !== null)
            .map((a) => a.getBoundingClientRect())
            .map((r) => [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]),
        );
        expect(boxes.length).toBeGreaterThan(1);
        expect(
          boxes.filter(([w, h]) => w < 24 || h < 24),
          `${width} px`,
        ).toEqual([]);
        // One link per day: each named by its own day only.
        const labels = await page
          .locator(".bars a")
          .evaluateAll((links) =>
            (links as unknown as (Node & { getAttribute(n: string): string })[])
              .filter((a) => a.offsetParent !== null)
              .map((a) => a.getAttribute("aria-label")),
          );
        expect(labels.filter((l) => !/^\d{1,2} \w+ \d{4}: [^;]+$/.test(l))).toEqual([]);
        const scroll = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
            .documentElement;
          return d.scrollWidth - d.clientWidth;
        });
        expect(scroll).toBe(0);
      });
    }
  }, 60_000);

  it("shows a day's tip above its row, never over the rows below", async () => {
    await shared.onPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(server.url);
      const day = page.locator(".bars a").first();
      await day.focus();
      // The tip is positioned from the bottom of its row (.bars): its lower edge is bottom px above that.
      type Box = { closest(s: string): { offsetHeight: number } };
      const [offset, rowHeight] = await day.evaluate((a) => [
        Number.parseFloat(
          (globalThis as unknown as { getComputedStyle(e: unknown, p: string): { bottom: string } }).getComputedStyle(a, "::after").bottom,
        ),
        (a as unknown as Box).closest(".bars").offsetHeight,
      ]);
      const [tipBottom, barsTop] = [rowHeight - offset, 0];
      expect(tipBottom).toBeLessThanOrEqual(barsTop);
    });
  }, 60_000);

  it("lets a keyboard reach a day with impact, shows its summary on focus, and follows it to the day", async () => {
    await shared.onPage({ viewport: { width: 1280, height: 900 } }, async (page) => {
      await page.goto(server.url);
      const day = page.locator(".bars a").first();
      const focused = () => day.evaluate((a) => a === (globalThis as unknown as Window).document.activeElement);
      for (let i = 0; i < 40 && !(await focused()); i++) await page.keyboard.press("Tab");
      const tip = await day.evaluate((a) => (globalThis as unknown as Window).getComputedStyle(a, "::after").content);
      expect(tip).toContain("17 Nov 2026: degraded performance 25 min, partial outage 36 min (Elevated checkout errors)");
      await page.keyboard.press("Enter");
      await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/components\/checkout-api\/#day-2026-11-17$/);
    });
  }, 60_000);

  it("calls itself out of date only when its build is overdue: not on a quiet day, yes when the deploy stopped", async () => {
    const built = Date.parse(TEST_NOW);
    const original = readFileSync(path.join(site.outDir, "index.html"), "utf8");
    const version = /data-version="([0-9a-f]+)"/.exec(original)![1];
    const hours = (h: number) => new Date(built + h * 3_600_000).toISOString();
    // A quiet day: nothing open, so this build stays current until after local midnight.
    const quiet = original.replace(/data-fresh-until="[^"]+"/, `data-fresh-until="${hours(13)}"`);
    for (const [clock, summary, expected] of [
      [12, { version, fresh_until: hours(13) }, undefined],
      [12, undefined, undefined], // offline: the page's own due time decides
      [14, undefined, "This information is 14 hours old and may be out of date."],
      [14, { version, fresh_until: hours(0.25) }, "This information is 14 hours old and may be out of date."],
    ] as const) {
      await shared.inContext({}, async (page) => {
        await page.clock.install({ time: new Date(built + clock * 3_600_000) });
        await page.route("**/build.json", (route) => (summary ? route.fulfill({ json: summary }) : route.abort()));
        await page.route(server.url, (route) => route.fulfill({ contentType: "text/html", body: quiet }));
        await page.goto(server.url);
        await page.clock.runFor(61_000);
        if (expected === undefined) expect(await page.locator("#stale").isHidden()).toBe(true);
        else await expect.poll(() => page.locator("#stale").textContent(), { timeout: 15_000 }).toBe(expected);
      });
    }
  }, 90_000);

  it("swaps in a newer build whenever the published data changed, whatever its update times say", async () => {
    await shared.inContext({}, async (page) => {
      const errors = collectErrors(page);
      const built = Date.parse(TEST_NOW);
      await page.clock.install({ time: new Date(built + 5 * 60_000) });
      const original = readFileSync(path.join(site.outDir, "index.html"), "utf8");
      const version = /data-version="([0-9a-f]+)"/.exec(original)![1];
      let newer = false;
      // The deploy carries a resolve dated before the page's build: only the version says it is new.
      await page.route("**/build.json", (route) =>
        route.fulfill({
          json: {
            version: newer ? "0123456789abcdef" : version,
            built_at: TEST_NOW,
            fresh_until: new Date(built + 3_600_000).toISOString(),
          },
        }),
      );
      await page.route(server.url, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: newer
            ? original
                .replace(/Minor Service Outage/g, "All Systems Operational")
                .replace(/data-version="[0-9a-f]+"/, 'data-version="0123456789abcdef"')
                .replaceAll('datetime="2026-11-22T12:00:00Z"', 'datetime="2026-11-22T12:04:00Z"')
            : original,
        }),
      );
      await page.goto(server.url);
      newer = true;
      await page.clock.runFor(61_000);
      await expect.poll(() => page.locator(".banner #overall").textContent(), { timeout: 15_000 }).toBe("All Systems Operational");
      expect(await page.locator("#refresh-status").textContent()).toBe("The status has been updated.");
      expect(await page.locator("main .component").count()).toBe(10);
      expect(await page.locator("#stale").isHidden()).toBe(true);
      // The footer's "Updated" time is swapped with the banner's, so the two never disagree.
      expect(await page.locator("#updated time").getAttribute("datetime")).toBe("2026-11-22T12:04:00Z");
      expect(await page.title()).toBe("All Systems Operational · Lumen Status");
      expect(errors).toEqual([]);
    });
  }, 60_000);

  it("keeps an incident page (where notifications land) current the same way", async () => {
    await shared.inContext({}, async (page) => {
      const built = Date.parse(TEST_NOW);
      await page.clock.install({ time: new Date(built + 3 * 3_600_000) });
      await page.route("**/build.json", (route) => route.abort());
      await page.goto(`${server.url}incidents/2026-11-21-payout-status-latency/`);
      await expect
        .poll(() => page.locator("#stale").textContent(), { timeout: 15_000 })
        .toBe("This information is 3 hours old and may be out of date.");
    });
  }, 60_000);
});

describe("search", () => {
  it("finds incidents by severity, shows type, date and impact, and filters by severity", async () => {
    await shared.onPage({}, async (page) => {
      const errors = collectErrors(page);
      await page.goto(`${server.url}search/?q=SEV1`);
      await page.locator("#search-results li").first().waitFor({ timeout: 15_000 });
      const metas = await page.locator("#search-results li .meta").allTextContents();
      expect(metas.filter((m) => m.startsWith("Incident · ")).length).toBeGreaterThanOrEqual(2);
      expect(
        metas.every((m) => /^(Incident|Postmortem) · \d{1,2} \w+ \d{4} · Critical impact$/.test(m)),
        metas.join("\n"),
      ).toBe(true);
      // No excerpt starts with navigation or bar labels: only titles, descriptions and updates are indexed.
      const excerpts = await page.locator("#search-results li p:not(.meta)").allTextContents();
      expect(excerpts.join("\n")).not.toMatch(/days ago|Incident history|Skip to content/);

      await page.goto(`${server.url}search/?severity=SEV2`);
      await page.locator("#search-results li").first().waitFor({ timeout: 15_000 });
      expect(await page.locator("select[name=severity]").inputValue()).toBe("SEV2");
      const severities = await page.locator("#search-results li .meta").allTextContents();
      expect(severities.length).toBeGreaterThan(3);
      expect(severities.every((m) => m.endsWith("Major impact"))).toBe(true);
      const components = await page.locator("select[name=component] option").allTextContents();
      expect(components).toEqual(expect.arrayContaining(["Any", "Checkout API", "Hosted Checkout Pages"]));
      expect(await page.locator("select[name=year] option").allTextContents()).toContain("2026");
      expect(errors).toEqual([]);
    });
  }, 60_000);
});

describe("times for the reader", () => {
  it("shows times in the reader's zone and how long ago, keeping the site's zone at hand; without script, the site's zone", async () => {
    const built = Date.parse(TEST_NOW);
    await shared.inContext({ timezoneId: "America/New_York" }, async (page) => {
      await page.clock.install({ time: new Date(built + 12 * 60_000) });
      await page.route("**/build.json", (route) => route.abort());
      await page.goto(server.url);
      const asOf = page.locator(".banner time");
      expect(await asOf.textContent()).toBe("22 Nov 2026, 07:00 GMT-5 (12 minutes ago)");
      expect(await asOf.getAttribute("title")).toBe("22 Nov 2026, 13:00 CET (Europe/Berlin)");
      expect(await page.locator("#zone-note").textContent()).toBe(
        "Times are shown in your time zone (America/New_York); point at a time for Europe/Berlin.",
      );
    });
    await shared.inContext({ timezoneId: "America/New_York", javaScriptEnabled: false }, async (page) => {
      await page.goto(server.url);
      expect(await page.locator(".banner time").textContent()).toBe("22 Nov 2026, 13:00 CET");
      expect(await page.locator("#zone-note").textContent()).toBe("Times are shown in Europe/Berlin.");
    });
  }, 60_000);
});

describe("search results", () => {
  it("can all be reached: more than a page of results loads the rest, by keyboard too", async () => {
    await shared.onPage({}, async (page) => {
      const errors = collectErrors(page);
      await page.goto(`${server.url}search/?q=the`);
      await page.locator("#search-results li").first().waitFor({ timeout: 15_000 });
      const total = Number(/^(\d+) results/.exec((await page.locator("#search-status").textContent())!)![1]);
      expect(total).toBeGreaterThan(20);
      expect(await page.locator("#search-results li").count()).toBe(20);
      await page.locator("#search-more").focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => page.locator("#search-results li").count(), { timeout: 15_000 }).toBe(Math.min(total, 40));
      // Focus moves to the first new result, so a keyboard user continues where the list grew.
      expect(
        await page
          .locator("#search-results li:nth-child(21) a")
          .evaluate((a) => a === (globalThis as unknown as Window).document.activeElement),
      ).toBe(true);
      while (await page.locator("#search-more").count()) await page.locator("#search-more").click();
      expect(await page.locator("#search-results li").count()).toBe(total);
      expect(errors).toEqual([]);
    });
  }, 60_000);
});

describe("history and postmortems", () => {
  it("lists each month's incidents with impact and duration, a quarter per page, and keeps planned maintenance out of the top", async () => {
    // A reader in the site's own zone sees the site's times (the enhancement changes nothing).
    await shared.inContext({ timezoneId: "Europe/Berlin" }, async (page) => {
      await page.goto(`${server.url}history/`);
      const months = await page.locator("main h2").allTextContents();
      expect(months.slice(0, 2)).toEqual(["November 2026", "October 2026"]);
      expect(months.at(-1)).toBe("Scheduled maintenance");
      const first = await page.locator("main .history-month").first().innerText();
      expect(first).toMatch(/Elevated checkout errors\s+Major impact\s+17 Nov 2026, 12:22 CET\s+Lasted 1 h 18 min/);
      expect(first).not.toContain("Card vault hardware security module migration");
      await page.locator("a[rel=prev]").click();
      await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/history\/2026-q3\/$/);
      expect(await page.locator("main h2").first().textContent()).toBe("September 2026");
    });
  }, 60_000);
});
