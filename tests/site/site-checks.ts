// Checks shared by the site tests: links inside a build, axe in a page, files of a build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every href/src in the build's HTML that does not resolve to a file of the build under `base`. */
export function brokenLinks(outDir: string, base: string): string[] {
  const root = path.resolve(outDir);
  const broken: string[] = [];
  for (const file of files(root).filter((f) => f.endsWith(".html"))) {
    const from = `/${path.relative(root, file).split(path.sep).join("/")}`;
    for (const match of readFileSync(file, "utf8").matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const target = match[1].replace(/&amp;/g, "&");
      if (/^(https?:|webcal:|mailto:|data:|#)/.test(target)) continue;
      const pathname = target.split(/[?#]/)[0];
      if (!pathname.startsWith(base)) {
        broken.push(`${from}: ${target} is outside the base path ${base}`);
        continue;
      }
      const candidate = path.resolve(root, `./${decodeURIComponent(pathname.slice(base.length))}`);
      const exists = candidate.startsWith(root) && (isFile(candidate) || isFile(path.join(candidate, "index.html")));
      if (!exists) broken.push(`${from}: ${target}`);
    }
  }
  return broken;
}

function isFile(file: string): boolean {
  return existsSync(file) && !readdirSafe(file);
}

function readdirSafe(file: string): boolean {
  try {
    readdirSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The axe rules whose verdict can change when only colours change: the dark scheme is the light
 * page with other values for the colour custom properties (site.css; the DOM, text, names and
 * layout are the same — tests/site/dark-scheme-colours-only.unit.test.ts holds the CSS to that).
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe-core itself, read once per test file. */
let axeSource: string | undefined;

/**
 * axe-core run in the page as it stands: its source evaluated once per page (through the DevTools
 * protocol, so a page's own Content-Security-Policy does not stop it), then `axe.run`. The same
 * axe-core and rules as @axe-core/playwright, without that wrapper's cost: it evaluates axe twice
 * per check, or (its default) runs it per frame and then again in a new blank page to merge the
 * frames' results, which more than doubled the CPU of a check (decision 0192). Our pages have no
 * frames; one with a frame fails here rather than going half-checked.
 */
async function runAxe(page: Page, runOnly: RunOptions["runOnly"]): Promise<AxeResults> {
  if (page.frames().length > 1)
    throw new Error(`${page.url()} has ${page.frames().length - 1} frame(s): axeViolations checks the top frame only; check frames too`);
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate<boolean>("typeof window.axe?.run === 'function'"))) await page.evaluate(axeSource);
  return page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify({ runOnly })})`);
}

/**
 * axe's WCAG 2.2 AA violations on the page, one line each (empty when clean). `coloursOnly`: only
 * COLOUR_RULES, for a second colour scheme of a page already checked in full (about half the time).
 */
export async function axeViolations(page: Page, name: string, options: { coloursOnly?: boolean } = {}): Promise<string[]> {
  const result = await runAxe(page, options.coloursOnly ? { type: "rule", values: COLOUR_RULES } : { type: "tag", values: WCAG_TAGS });
  if (options.coloursOnly) {
    const contrast = [...result.passes, ...result.violations].filter((r) => r.id === "color-contrast");
    const nodes = contrast.reduce((sum, r) => sum + r.nodes.length, 0);
    if (nodes < 5) return [`${name}: axe checked the contrast of almost nothing (${nodes} elements)`];
  } else if (result.passes.length < 10) return [`${name}: axe checked almost nothing (${result.passes.length} passes)`];
  return result.violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}
