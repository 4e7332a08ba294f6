// The public site's HTML without a browser (the same build as public-features.browser.test.ts):
// postmortems say what is changing without owners or issues, and no page uses internal words.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import type { SharedSite } from "../helpers/shared-site.ts";
import { publicSite } from "./public-site-fixture.ts";
import { files } from "./site-checks.ts";

let site: SharedSite;

beforeAll(async () => {
  site = await publicSite();
}, 240_000);

describe("public pages' words", () => {
  it("shows the public part of a postmortem's action items as what we're changing, without owners or issues", () => {
    const html = readFileSync(path.join(site.outDir, "postmortems/2026-05-19-checkout-outage/index.html"), "utf8");
    const { document } = parseHTML(html);
    const section = document.querySelector("section[aria-labelledby=changes]");
    expect(section?.querySelector("h2")?.textContent).toBe("What we're changing");
    const rows = [...(section?.querySelectorAll("tbody tr") ?? [])].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
    expect(rows).toContainEqual([
      "Roll back checkout releases automatically when the 5xx ratio exceeds 5 % within 10 minutes",
      "Reduce the impact",
      "In progress",
    ]);
    expect(rows).toContainEqual(["Split the checkout overview dashboard by cell by default", "Detect it sooner", "Decided against"]);
    expect(section?.innerHTML).not.toMatch(/dtanaka|sam-rivera|P[123]|github\.com|#42/);
  });

  it("uses no internal words on any public page (outside the text the incident authors wrote)", () => {
    const found: string[] = [];
    for (const file of files(site.outDir).filter((f) => f.endsWith(".html"))) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      for (const authored of document.querySelectorAll(".prose, script, [hidden]")) authored.remove();
      const text = document.body.textContent ?? "";
      for (const match of text.matchAll(/\b(records?|front matter|yaml|visibility|audience|near_miss|wont_do|in_progress|sitrep)\b/gi)) {
        found.push(
          `${path.relative(site.outDir, file)}: ${text.slice(Math.max(0, match.index - 40), match.index + 40).replace(/\s+/g, " ")}`,
        );
      }
    }
    expect(found).toEqual([]);
  });

  it("never says no customer impact on a card that lists an affected component", () => {
    const contradictions: string[] = [];
    for (const file of files(site.outDir).filter((f) => f.endsWith(".html"))) {
      for (const card of parseHTML(readFileSync(file, "utf8")).document.querySelectorAll(".card")) {
        const text = card.textContent ?? "";
        if (text.includes("No customer impact") && /Affected: .*\((Degraded|Partial|Major)/.test(text))
          contradictions.push(`${path.relative(site.outDir, file)}: ${card.querySelector("h2, h3")?.textContent}`);
      }
    }
    expect(contradictions).toEqual([]);
  });
});
