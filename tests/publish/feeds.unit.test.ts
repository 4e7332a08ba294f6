import { beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import { buildFeeds, feedEntries } from "../../scripts/publish/feeds.ts";
import { postmortemAnnouncements } from "../../scripts/publish/postmortem-announcements.ts";
import { incidentsFor } from "../../scripts/status/audience.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { buildConfig, buildRepository, incident, postmortem } from "../status/build-records.ts";
import { EXAMPLE_NOW, INTERNAL_TEXTS, loadExamples } from "./examples.ts";

/** Parses strictly (xml-js uses sax in strict mode): throws on anything that is not well-formed XML. */
function parse(xml: string): Element {
  return xml2js(xml, { compact: false }) as Element;
}
function children(element: Element | undefined, name: string): Element[] {
  return (element?.elements ?? []).filter((e) => e.name === name);
}
function text(element: Element | undefined): string {
  return (element?.elements ?? []).map((e) => e.text ?? e.cdata ?? "").join("");
}

describe("feeds from the example records", () => {
  let repository: Repository;
  let feeds: { rss: string; atom: string };
  let expectedEntries: number;
  beforeAll(() => {
    repository = loadExamples();
    feeds = buildFeeds(repository, { audience: "public", now: EXAMPLE_NOW });
    expectedEntries =
      incidentsFor(repository, "public").reduce(
        (sum, r) => sum + r.data.updates.filter((u) => Date.parse(u.at) <= EXAMPLE_NOW.getTime()).length,
        0,
      ) + postmortemAnnouncements(repository, { audience: "public", now: EXAMPLE_NOW }).length;
  });

  it("RSS parses as XML with one item per public update, newest first", () => {
    const channel = children(children(parse(feeds.rss), "rss")[0], "channel")[0];
    const items = children(channel, "item");
    expect(expectedEntries).toBeGreaterThan(40);
    expect(items).toHaveLength(expectedEntries);
    const dates = items.map((item) => Date.parse(text(children(item, "pubDate")[0])));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(text(children(items[0], "title")[0])).toBe("Slow payout status in the API and dashboard: Monitoring");
    expect(text(children(items[0], "link")[0])).toBe(
      "https://status.lumen.example/incidents/2026-11-21-payout-status-latency/#update-20261122T045500Z",
    );
  });

  it("Atom parses as XML with the same entries, unique ids, and a self link", () => {
    const feed = children(parse(feeds.atom), "feed")[0];
    const entries = children(feed, "entry");
    expect(entries).toHaveLength(expectedEntries);
    const ids = entries.map((e) => text(children(e, "id")[0]));
    expect(new Set(ids).size).toBe(ids.length);
    const self = children(feed, "link").find((l) => l.attributes?.rel === "self");
    expect(self?.attributes?.href).toBe("https://status.lumen.example/history.atom");
    expect(text(children(feed, "updated")[0])).toBe("2026-11-22T05:00:00.000Z");
  });

  it("never carries drills, internal incidents or timelines", () => {
    for (const internal of INTERNAL_TEXTS) {
      expect(feeds.rss, internal).not.toContain(internal);
      expect(feeds.atom, internal).not.toContain(internal);
    }
    const internal = buildFeeds(repository, { audience: "internal", now: EXAMPLE_NOW });
    expect(internal.rss).toContain("[DRILL]");
    expect(internal.rss).not.toContain("INTERNAL:"); // timelines are never in a feed, whatever the audience
  });

  it("is deterministic for the same now", () => {
    expect(buildFeeds(loadExamples(), { audience: "public", now: EXAMPLE_NOW })).toEqual(feeds);
  });
});

describe("feeds from hand-built records", () => {
  const config = buildConfig();
  const hostile = incident("2026-11-20-x", {
    status: "investigating",
    severity: "SEV3",
    title: 'Errors on "Web <App>" & ]]> API\u0001',
    started_at: "2026-11-20T10:00:00Z",
    updates: [
      {
        at: "2026-11-20T10:05:00Z",
        status: "investigating",
        body: "We see <script>alert(1)</script> errors & ]]> [x](javascript:alert(1))",
      },
      { at: "2026-11-20T10:05:00Z", status: "investigating", body: "Second update at the same minute." },
      { at: "2026-11-20T12:00:00Z", status: "identified", body: "Posted after the build: not in the feed." },
    ],
  });
  const repository = buildRepository([hostile], { config });
  const feeds = buildFeeds(repository, { audience: "public", now: new Date("2026-11-20T11:00:00Z") });

  it("stays well-formed with quotes, angle brackets, ]]> and control characters in record text", () => {
    const rssItems = children(children(children(parse(feeds.rss), "rss")[0], "channel")[0], "item");
    expect(rssItems).toHaveLength(2);
    expect(text(children(rssItems[0], "title")[0])).toBe('Errors on "Web <App>" & ]]> API: Investigating');
    const atomEntries = children(children(parse(feeds.atom), "feed")[0], "entry");
    expect(atomEntries).toHaveLength(2);
    // Atom titles are type="html", so the text is escaped once more inside.
    expect(text(children(atomEntries[0], "title")[0])).toBe("Errors on &quot;Web &lt;App&gt;&quot; &amp; ]]&gt; API: Investigating");
  });

  it("sanitizes update bodies and gives same-time updates distinct links", () => {
    expect(feeds.rss).not.toMatch(/<script/i);
    expect(feeds.atom).not.toMatch(/javascript:/i);
    const entries = feedEntries([hostile], new Date("2026-11-20T11:00:00Z"));
    expect(entries.map((e) => e.anchor).sort()).toEqual(["update-20261120T100500Z", "update-20261120T100500Z-2"]);
  });

  it("joins links under the site path", () => {
    expect(feeds.rss).toContain("<link>https://example.github.io/status/incidents/2026-11-20-x/#update-20261120T100500Z</link>");
  });

  it("keeps only the newest entries when limited", () => {
    const limited = buildFeeds(repository, { audience: "public", now: new Date("2026-11-20T13:00:00Z"), limit: 1 });
    expect(children(children(children(parse(limited.rss), "rss")[0], "channel")[0], "item")).toHaveLength(1);
    expect(limited.rss).toContain("Identified");
  });
});

describe("postmortem announcements and categories", () => {
  const config = buildConfig();
  const resolved = incident("2026-11-10-db", {
    status: "resolved",
    severity: "SEV2",
    title: "Database errors",
    started_at: "2026-11-10T10:00:00Z",
    resolved_at: "2026-11-10T11:00:00Z",
    updates: [{ at: "2026-11-10T11:00:00Z", status: "resolved", body: "Resolved." }],
  });
  const item = { owner: "ada", priority: "P2", due: "2026-12-01" } as const;
  const published = postmortem(
    "2026-11-10-db",
    {
      incident: "2026-11-10-db",
      status: "published",
      visibility: "public",
      published_at: "2026-11-14T09:00:00Z",
      action_items: [
        { ...item, id: "a", title: "Alert on pool saturation", kind: "detect", status: "open" },
        { ...item, id: "b", title: "Cap pool changes", kind: "prevent", status: "done" },
      ],
    },
    config,
  );
  const later = { ...published, id: "later", data: { ...published.data, published_at: "2026-11-30T09:00:00Z" } };
  const draft = { ...published, id: "draft", data: { ...published.data, status: "draft" as const, published_at: undefined } };
  const repository = buildRepository([resolved], { config, postmortems: [published, later, draft] });
  const feeds = buildFeeds(repository, { audience: "public", now: new Date("2026-11-20T00:00:00Z") });

  it("announces a published postmortem once, at its publication time, newest first among the updates", () => {
    const items = children(children(children(parse(feeds.rss), "rss")[0], "channel")[0], "item");
    expect(items.map((i) => text(children(i, "title")[0]))).toEqual(["Postmortem published: Database errors", "Database errors: Resolved"]);
    expect(text(children(items[0], "link")[0])).toBe("https://example.github.io/status/postmortems/2026-11-10-db/");
    expect(text(children(items[0], "description")[0])).toContain("the 2 changes we are making");
    // Drafts and postmortems published after the build are not announced.
    expect(feeds.rss).not.toContain("postmortems/draft/");
    expect(feeds.rss).not.toContain("postmortems/later/");
  });

  it("gives every Atom category the term RFC 4287 requires", () => {
    const entries = children(children(parse(feeds.atom), "feed")[0], "entry");
    const categories = entries.flatMap((e) => children(e, "category"));
    expect(categories.map((c) => c.attributes?.term)).toEqual(["postmortem", "incident"]);
    expect(categories.map((c) => c.attributes?.label)).toEqual(["Postmortem", "Incident"]);
  });
});
