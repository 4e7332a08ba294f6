// The browser tests run axe in full on each page in the light scheme and only its colour rules in
// the dark one (tests/site/site-checks.ts, COLOUR_RULES). That holds while the dark scheme changes
// nothing but colours: this test fails when a dark-scheme rule sets anything but a colour custom
// property, or when a page or script asks for the scheme itself (then run axe in full in both).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";

const siteSrc = path.join(repoRoot, "site/src");
const sources = readdirSync(siteSrc, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(css|astro|ts|js|mjs)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));

/** The bodies of every `@media (prefers-color-scheme: dark) { … }` block, braces matched. */
function darkBlocks(css: string): string[] {
  const blocks: string[] = [];
  for (const match of css.matchAll(/@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)\s*\{/g)) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === "{") depth++;
      else if (css[i] === "}") depth--;
    }
    blocks.push(css.slice(start, i - 1));
  }
  return blocks;
}

describe("the dark scheme changes colours only", () => {
  it("sets nothing but custom properties on :root inside prefers-color-scheme: dark", () => {
    const css = readFileSync(path.join(siteSrc, "styles/site.css"), "utf8");
    const blocks = darkBlocks(css);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const rules = [...block.matchAll(/([^{}]+)\{([^{}]*)\}/g)];
      expect(rules.length).toBeGreaterThan(0);
      for (const [, selector, body] of rules) {
        expect(selector.trim()).toBe(":root");
        const declarations = body
          .split(";")
          .map((d) => d.trim())
          .filter(Boolean);
        for (const declaration of declarations) expect(declaration).toMatch(/^--[\w-]+\s*:\s*#[0-9a-f]{3,8}$/i);
      }
    }
  });

  it("is asked for nowhere else: no other stylesheet rule, page or script reads the scheme", () => {
    const askers = sources.filter((file) => {
      const text = readFileSync(file, "utf8");
      const mentions = (text.match(/prefers-color-scheme/g) ?? []).length;
      const ownBlocks = file.endsWith("site.css") ? darkBlocks(text).length + 1 : 0; // + the file's opening comment
      return /matchMedia/.test(text) || mentions > ownBlocks;
    });
    expect(askers.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});
