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

/** axe's WCAG 2.2 AA violations on the page, one line each (empty when clean). */
export async function axeViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (result.passes.length < 10) return [`${name}: axe checked almost nothing (${result.passes.length} passes)`];
  return result.violations.map(
    (v) =>
      `${name}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}
