// Checks shared by the site tests: links inside a build, axe in a page, files of a build.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
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

/**
 * axe's WCAG 2.2 AA violations on the page, one line each (empty when clean). `coloursOnly`: only
 * COLOUR_RULES, for a second colour scheme of a page already checked in full (about half the time).
 */
export async function axeViolations(page: Page, name: string, options: { coloursOnly?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (options.coloursOnly ? builder.withRules(COLOUR_RULES) : builder.withTags(WCAG_TAGS)).analyze();
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
