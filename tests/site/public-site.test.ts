// The public build's output, without a browser: every internal link resolves inside the build,
// times are machine-readable, the status page stays small, the publishers' files are there and
// nothing internal leaks. (The same build in Chromium: public-site.browser.test.ts.)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import type { SharedSite } from "../helpers/shared-site.ts";
import { publicSite } from "./public-site-fixture.ts";
import { parseHTML } from "linkedom";
import { brokenLinks, files } from "./site-checks.ts";

let site: SharedSite;
const exampleConfig = () => loadRepository(exampleOrgRoot, { now: new Date(TEST_NOW) }).config;

beforeAll(async () => {
  site = await publicSite();
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

  it("pages the history from the index back to the oldest quarter, and forward again", () => {
    const page = (at: string) => readFileSync(path.join(site.outDir, at, "index.html"), "utf8");
    const link = (html: string, rel: string) => new RegExp(`<a href="/status/([^"]*)" rel="${rel}"`).exec(html)?.[1];
    const back: string[] = [];
    for (let at: string | undefined = "history/"; at !== undefined && back.length < 10; at = link(page(at), "prev")) back.push(at);
    expect(back).toEqual(["history/", "history/2026-q3/", "history/2026-q2/"]);
    expect(link(page("history/2026-q2/"), "next")).toBe("history/2026-q3/");
    expect(link(page("history/2026-q3/"), "next")).toBe("history/");
  });

  it("gives every page a Content-Security-Policy that loads only from the site (the browser tests run under it)", () => {
    const pages = files(site.outDir).filter((f) => f.endsWith(".html"));
    const policies = new Set(
      pages.map((file) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(file, "utf8"))?.[1]),
    );
    expect([...policies]).toEqual([
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'",
    ]);
  });

  it("carries no inline script: every page's scripts are files of the site under the base path (decision 0183)", () => {
    const inline: string[] = [];
    const sources = new Set<string>();
    for (const file of files(site.outDir).filter((f) => f.endsWith(".html"))) {
      // Parsed, not matched: record text such as "<script>" stays text or an attribute value.
      for (const script of parseHTML(readFileSync(file, "utf8")).document.querySelectorAll("script")) {
        const src = script.getAttribute("src");
        if (src === null) inline.push(path.relative(site.outDir, file));
        else sources.add(src);
      }
    }
    expect(inline).toEqual([]);
    expect(sources.size).toBeGreaterThanOrEqual(2); // the page script and the search page's
    for (const src of sources) {
      expect(src).toMatch(/^\/status\/_astro\/[^/]+\.js$/);
      expect(existsSync(path.join(site.outDir, src.slice("/status/".length)))).toBe(true);
    }
  });

  it("gives every page Open Graph and Twitter tags, and titles that say the status", () => {
    const missing: string[] = [];
    for (const file of files(site.outDir).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(file, "utf8");
      for (const tag of ['property="og:title"', 'property="og:description"', 'name="twitter:card"'])
        if (!html.includes(tag)) missing.push(`${path.relative(site.outDir, file)}: ${tag}`);
    }
    expect(missing).toEqual([]);
    const title = (file: string) => /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(site.outDir, file), "utf8"))![1];
    expect(title("index.html")).toBe("Minor Service Outage · Lumen Status");
    expect(title("incidents/2026-11-17-checkout-elevated-errors/index.html")).toBe("Elevated checkout errors (Resolved) · Lumen Status");
    expect(readFileSync(path.join(site.outDir, "index.html"), "utf8")).toContain(
      '<meta property="og:description" content="Minor Service Outage.',
    );
  });

  it("offers a Subscribe page from the top of the status page and every incident page, and feeds per component", () => {
    const status = readFileSync(path.join(site.outDir, "index.html"), "utf8");
    expect(status.indexOf('href="/status/subscribe/"')).toBeGreaterThan(-1);
    expect(status.indexOf('href="/status/subscribe/"')).toBeLessThan(status.indexOf('id="components"'));
    const incidents = readdirSync(path.join(site.outDir, "incidents"));
    expect(incidents.length).toBeGreaterThan(10);
    for (const id of incidents)
      expect([
        id,
        readFileSync(path.join(site.outDir, "incidents", id, "index.html"), "utf8").includes('href="/status/subscribe/"'),
      ]).toEqual([id, true]);
    const subscribe = readFileSync(path.join(site.outDir, "subscribe/index.html"), "utf8");
    expect(subscribe).toContain("/feed subscribe https://lumen.example.github.io/status/history.atom");
    expect(subscribe).toContain('href="webcal://lumen.example.github.io/status/maintenance.ics"');
    for (const id of readdirSync(path.join(site.outDir, "components"))) {
      expect(subscribe).toContain(`href="/status/components/${id}/history.atom"`);
      for (const file of ["history.rss", "history.atom", "maintenance.ics"])
        expect(readFileSync(path.join(site.outDir, "components", id, file), "utf8").length).toBeGreaterThan(100);
    }
    expect(readFileSync(path.join(site.outDir, "components/payouts/history.atom"), "utf8")).toContain(
      "Slow payout status in the API and dashboard",
    );
  });

  it("says how long customers were affected, one uptime per screen width, and no doubled impact words", () => {
    const read = (file: string) => readFileSync(path.join(site.outDir, file), "utf8");
    const incident = read("incidents/2026-11-17-checkout-elevated-errors/index.html");
    expect(incident).toContain("<dt>Duration</dt><dd>1 h 18 min</dd>");
    // Partial outage 11:22-11:58, then degraded 12:05-12:30 (an update after mitigation kept it): 61 min.
    expect(incident).toContain("<dt>Customer impact</dt><dd>1 h 1 min</dd>");
    // The searchable facts line: "SEV1 Critical impact", not "SEV1 · Critical Critical impact".
    expect(incident).not.toMatch(/Critical<\/span>\s*<span>Critical impact/);
    const component = read("components/payouts/index.html");
    expect(component).toMatch(/<dt>Uptime, last <span class="long">90<\/span><span class="short">30<\/span> days<\/dt>/);
  });

  it("shows each component's description where its status is, in a disclosure keyboard and touch can open", () => {
    const { document } = parseHTML(readFileSync(path.join(site.outDir, "index.html"), "utf8"));
    const withDescription = exampleConfig().components.filter((c) => c.description);
    expect(withDescription.length).toBeGreaterThan(3);
    for (const c of withDescription) {
      const row = [...document.querySelectorAll(".component")].find((r) => r.querySelector("h4")!.textContent === c.name)!;
      expect([c.name, row.querySelector("details.about > p")?.textContent]).toEqual([c.name, c.description]);
    }
  });

  it("keeps the status page under 20 kB gzip with its CSS", () => {
    const html = readFileSync(path.join(site.outDir, "index.html"), "utf8");
    const css = [...html.matchAll(/<link rel="stylesheet" href="\/status\/([^"]+)"/g)].map((m) =>
      readFileSync(path.join(site.outDir, m[1])),
    );
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
    // What notify reads besides the API: the build's own audience, and every incident, uncut (decisions 0171, 0172).
    expect(JSON.parse(readFileSync(path.join(site.outDir, "build.json"), "utf8")).audience).toBe("public");
    const history = JSON.parse(readFileSync(path.join(site.outDir, "history.json"), "utf8"));
    const listed = JSON.parse(readFileSync(path.join(site.outDir, "api/v2/incidents.json"), "utf8")).incidents;
    expect(history.incidents.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(listed.map((i: { id: string }) => i.id)));
  });

  it("contains nothing from internal records, drills, timelines or hidden postmortems", () => {
    const repository = loadRepository(exampleOrgRoot, { now: new Date(TEST_NOW) });
    const hidden = repository.incidents.filter((i) => i.data.visibility === "internal" || i.data.drill);
    // A published public postmortem may quote its incident's timeline on purpose; every other
    // incident's timeline must stay out.
    const publicPostmortemOf = new Set(
      repository.postmortems.filter((p) => p.data.visibility === "public" && p.data.status === "published").map((p) => p.data.incident),
    );
    expect(hidden.length).toBeGreaterThanOrEqual(3);
    // A prefix free of characters HTML or JSON would escape, so a leak cannot hide behind escaping.
    const probe = (text: string) =>
      text
        .split(/[&<>"'\\]/)[0]
        .slice(0, 40)
        .trim();
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
      for (const p of hiddenPostmortems)
        if (text.includes(`postmortems/${p.id}`)) leaks.push(`${path.relative(site.outDir, file)}: link to postmortem ${p.id}`);
      for (const i of hidden) if (text.includes(i.id)) leaks.push(`${path.relative(site.outDir, file)}: ${i.id}`);
    }
    expect(leaks).toEqual([]);
    for (const p of hiddenPostmortems) expect(readdirSync(path.join(site.outDir, "postmortems"))).not.toContain(p.id);
    for (const dir of ["runbooks", "metrics", "action-items"]) expect(readdirSync(site.outDir)).not.toContain(dir);
  });
});

describe("on-call stays internal", () => {
  it("publishes no shift calendars and names no one on call", () => {
    expect(existsSync(path.join(site.outDir, "oncall"))).toBe(false);
    const html = readFileSync(path.join(site.outDir, "incidents/2026-11-17-checkout-elevated-errors/index.html"), "utf8");
    expect(html).not.toContain("On call when it started");
  });
});
