// The public build in real Chromium: every page type renders without console errors, axe finds
// no WCAG 2.2 AA violations in light and dark (one test per page type), the status page works
// without JavaScript and at 320 px, search works with JavaScript and says what to do without it,
// and record Markdown cannot run scripts. The build is shared with public-site.test.ts. The tests
// take turns on one page (tests/helpers/browser.ts `sharedPage`); JavaScript off has its own context.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, collectErrors, sharedPage, type SharedPage } from "../helpers/browser.ts";
import { repoRoot } from "../helpers/run-cli.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { PAGES, PUBLIC_BASE, publicSite } from "./public-site-fixture.ts";
import { axeViolations } from "./site-checks.ts";

const artifacts = path.join(repoRoot, "test-results", "site");

let site: SharedSite;
let server: StaticServer;
let browser: Browser;
let shared: SharedPage;

beforeAll(async () => {
  [site, browser] = await Promise.all([publicSite(), launchChromium()]);
  [server, shared] = await Promise.all([serveStatic(site.outDir, { base: PUBLIC_BASE }), sharedPage(browser)]);
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await shared?.close();
  await browser?.close();
  await server?.close();
});

describe("public site in Chromium", () => {
  it("renders every page type with its heading and text, without console errors", async () => {
    await shared.onPage({}, async (page) => {
      const errors = collectErrors(page);
      for (const entry of PAGES) {
        const response = await page.goto(server.url + entry.path);
        expect(response?.status(), entry.name).toBe(entry.status ?? 200);
        // Static pages: the text is there once goto has waited for the load event.
        expect(await page.locator("h1").first().textContent(), entry.name).toContain(
          entry.heading === "Components" ? "Lumen Status" : entry.heading,
        );
        expect(await page.locator("main").textContent(), entry.name).toContain(entry.expect);
      }
      // The 404 page's own request is the only expected error.
      expect(errors.filter((e) => !(e.includes("status of 404") && e.includes("/status/no-such-page/")))).toEqual([]);
    });
  });

  // axe on one page per template, one test each (both colour schemes), so each test stays well
  // inside its timeout; axe costs 1-2 s a page on a quiet machine and 10 s on a busy one.
  it.each(PAGES.filter((p) => p.axe))("has no axe violations on the $name page, light and dark", async (entry) => {
    await shared.onPage({ colorScheme: "light" }, async (page) => {
      await page.goto(server.url + entry.path);
      expect(await axeViolations(page, `${entry.name} (light)`)).toEqual([]);
      // Dark changes colours only (site.css's prefers-color-scheme; no script reads the scheme): the
      // same page switched to dark, as a dark context would show it, and the contrast rules again.
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await axeViolations(page, `${entry.name} (dark)`, { coloursOnly: true })).toEqual([]);
    });
  });

  it("saves screenshots of the status page in light and dark as test artifacts", async () => {
    for (const scheme of ["light", "dark"] as const) {
      await shared.onPage({ colorScheme: scheme, viewport: { width: 1024, height: 800 } }, async (page) => {
        await page.goto(server.url);
        const file = path.join(artifacts, `status-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
      });
    }
  });

  it("shows the whole status page with JavaScript disabled, and the status page loads one script file of the site", async () => {
    await shared.inContext({ javaScriptEnabled: false }, async (page) => {
      await page.goto(server.url);
      expect(await page.locator(".banner").textContent()).toContain("Minor Service Outage");
      expect(await page.locator(".component").count()).toBe(10);
      expect(await page.locator(".component p.vh").first().textContent()).toMatch(
        /Checkout API, last 90 days: \d+\.\d\d % uptime, 1 day with impact\./,
      );
      expect(await page.locator(".bars").first().locator("i").count()).toBe(90);
      // A day with impact is a link to its row on the component page, named by its summary.
      const day = page.locator(".bars").first().locator("a").first();
      expect(await day.getAttribute("aria-label")).toContain(
        "17 Nov 2026: degraded performance 25 min, partial outage 36 min (Elevated checkout errors)",
      );
      await day.click();
      await page.waitForURL(/\/components\/checkout-api\/#day-2026-11-17$/, { timeout: 15_000 });
      expect(await page.locator("tr:target").textContent()).toContain("Elevated checkout errors");
      await page.goto(`${server.url}search/`);
      expect(await page.locator("main").textContent()).toContain("Search needs JavaScript");
      expect(await page.locator("main a[href$='/history/']").count()).toBeGreaterThan(0);
      expect(await page.locator("#search-form").isVisible()).toBe(false);
    });
    await shared.onPage({}, async (page) => {
      await page.goto(server.url);
      // One script file (keeps an open page current; times in the reader's zone; decision 0183), from the site.
      const sources = await page.evaluate<string[]>("[...document.scripts].map((s) => s.src)");
      expect(sources).toHaveLength(1);
      expect(sources[0]).toMatch(new RegExp(`^${server.url}_astro/[^/]+\\.js$`));
    });
  });

  it("is readable at 320 px: no page scrolls sideways", async () => {
    await shared.onPage({ viewport: { width: 320, height: 640 } }, async (page) => {
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
    await shared.onPage({}, async (page) => {
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
    await shared.onPage({}, async (page) => {
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const target of ["incidents/2026-11-10-probe/", "history/2026-11/", "components/reporting/"]) {
        await page.goto(server.url + target);
        await page
          .locator("main a", { hasText: "a link" })
          .first()
          .click({ timeout: 1_000 })
          .catch(() => undefined);
        expect(await page.evaluate<unknown>("window.__pwned"), target).toBeUndefined();
        // A string, so the test compiles without DOM types: scripts (the page's own is outside main),
        // on* handlers and javascript: URLs in main.
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
