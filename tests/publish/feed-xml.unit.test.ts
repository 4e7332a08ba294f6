// The feeds' XML writer (scripts/publish/feed-xml.ts) writes the bytes the `feed` library wrote
// (decision 0184): the library stays here as the oracle, on hostile text, URLs the URL parser
// rewrites, empty fields and an empty feed.
import { Feed } from "feed";
import { describe, expect, it } from "vitest";
import { xml2js } from "xml-js";
import { atomDocument, entryXml, rssDocument, type FeedHead, type FeedItem } from "../../scripts/publish/feed-xml.ts";

const head: FeedHead = {
  id: "https://example.github.io/status/",
  title: 'Lumen "Status" <&> &amp; more',
  description: "Status updates from Lumen & friends <b>",
  link: "https://example.github.io/status/",
  language: "en",
  updated: new Date("2026-11-22T05:00:00Z"),
  generator: "sitrep",
  author: { name: "Lumen & Co", link: "https://example.github.io/status/" },
  feedLinks: { rss: "https://example.github.io/status/history.rss", atom: "https://example.github.io/status/history.atom" },
};

const item = (over: Partial<FeedItem>): FeedItem => ({
  id: "https://example.github.io/status/incidents/2026-11-20-x/#update-20261120T100500Z",
  link: "https://example.github.io/status/incidents/2026-11-20-x/#update-20261120T100500Z",
  title: "Errors: Investigating",
  atomTitle: "Errors: Investigating",
  date: new Date("2026-11-20T10:05:00Z"),
  description: "We see errors.",
  content: "<p>We see errors.</p>",
  category: [{ name: "Incident", term: "incident" }],
  ...over,
});

const items: FeedItem[] = [
  item({}),
  item({
    title: 'Errors on "Web <App>" & ]]> API &amp;: Investigating',
    atomTitle: "Errors on &quot;Web &lt;App&gt;&quot; &amp; ]]&gt; API &amp;amp;: Investigating",
    description: "We see &lt;script&gt; errors &amp; ]]&gt; more",
    content: "<p>We see &lt;script&gt; errors &amp; ]]> more</p>",
    category: [
      { name: "Maintenance", term: "maintenance" },
      { name: 'Cancelled & "gone"', term: "cancelled" },
    ],
  }),
  // The URL parser rewrites these: spaces and non-ASCII are percent-encoded, the host lower-cased.
  item({
    id: "https://EXAMPLE.github.io/status/incidents/a b/ü?x=1&y=2#u",
    link: "https://EXAMPLE.github.io/status/incidents/a b/ü?x=1&y=2#u",
  }),
  item({ description: "", content: "" }),
  item({ title: "", atomTitle: "" }),
];

/** What sitrep handed the library before decision 0184. */
function library(feedHead: FeedHead, feedItems: FeedItem[]): { rss: string; atom: string } {
  const options = { ...feedHead, copyright: "" };
  const rss = new Feed(options);
  const atom = new Feed(options);
  for (const { atomTitle, date, ...rest } of feedItems) {
    const shared = { ...rest, guid: rest.id, date, published: date };
    rss.addItem(shared);
    atom.addItem({ ...shared, title: atomTitle });
  }
  return { rss: rss.rss2(), atom: atom.atom1() };
}

describe("feed XML", () => {
  it("is byte for byte what the feed library wrote, entries and all", () => {
    const expected = library(head, items);
    const entries = items.map(entryXml);
    expect(rssDocument(head, entries)).toBe(expected.rss);
    expect(atomDocument(head, entries)).toBe(expected.atom);
  });

  it("is what the library wrote for a feed with no entries and no description", () => {
    const bare = { ...head, description: "" };
    const expected = library(bare, []);
    expect(rssDocument(bare, [])).toBe(expected.rss);
    expect(atomDocument(bare, [])).toBe(expected.atom);
  });

  it("stays well-formed where the library did not: two ]]> in one text", () => {
    const twice = [item({ title: "a ]]> b ]]> c", atomTitle: "a ]]&gt; b ]]&gt; c", content: "<p>x ]]> y ]]> z</p>" })];
    const rss = rssDocument(head, twice.map(entryXml));
    const parsed = xml2js(rss, { compact: true }) as { rss: { channel: { item: { title: { _cdata: string | string[] } } } } };
    expect([parsed.rss.channel.item.title._cdata].flat().join("")).toBe("a ]]> b ]]> c");
    expect(() => xml2js(atomDocument(head, twice.map(entryXml)))).not.toThrow();
  });
});
