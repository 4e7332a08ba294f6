// The internal build in Chromium: runbooks, metrics, open action items, drills and internal
// timelines render, carry the do-not-publish banner, and are axe-clean in light and dark (one
// test per representative page). The build is shared with internal-site.test.ts. The tests take
// turns on one page (tests/helpers/browser.ts `sharedPage`).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, collectErrors, sharedPage, type SharedPage } from "../helpers/browser.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { internalSite, PAGES } from "./internal-site-fixture.ts";
import { axeViolations } from "./site-checks.ts";

let site: SharedSite;
let server: StaticServer;
let browser: Browser;
let shared: SharedPage;

beforeAll(async () => {
  [site, browser] = await Promise.all([internalSite(), launchChromium()]);
  [server, shared] = await Promise.all([serveStatic(site.outDir), sharedPage(browser)]);
});

afterAll(async () => {
  await shared?.close();
  await browser?.close();
  await server?.close();
});

describe("internal site in Chromium", () => {
  it("renders every internal page type with the do-not-publish banner, without console errors", async () => {
    await shared.onPage({}, async (page) => {
      const errors = collectErrors(page);
      for (const entry of PAGES) {
        const response = await page.goto(server.url + entry.path);
        expect(response?.status(), entry.name).toBe(200);
        expect(await page.locator("main").textContent(), entry.name).toContain(entry.expect);
        expect(await page.locator(".internal-banner").textContent(), entry.name).toContain("Do not publish");
      }
      expect(errors).toEqual([]);
    });
  });

  it.each(PAGES.filter((p) => p.axe))("has no axe violations on the $name page, light and dark", async (entry) => {
    await shared.onPage({ colorScheme: "light" }, async (page) => {
      await page.goto(server.url + entry.path);
      expect(await axeViolations(page, `${entry.name} (light)`)).toEqual([]);
      // Dark changes colours only (site.css's prefers-color-scheme): the same page switched to
      // dark, as a dark context would show it, and the contrast rules again.
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await axeViolations(page, `${entry.name} (dark)`, { coloursOnly: true })).toEqual([]);
    });
  });
});
