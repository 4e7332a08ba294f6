import { describe, expect, it } from "vitest";
import { Feed } from "feed";
import { feedXml, type FeedItem, type FeedOptions } from "../../scripts/publish/feed-xml.ts";

// feedXml writes each item once and places it between the library's own head and tail: the
// result must be what the library writes for the whole feed, byte for byte.
const options: FeedOptions = {
  id: "https://status.example.com/",
  title: "Example Status",
  description: "Status updates from Example",
  link: "https://status.example.com/",
  language: "en",
  updated: new Date("2026-11-22T12:00:00Z"),
  generator: "sitrep",
  copyright: "",
  author: { name: "Example Status", link: "https://status.example.com/" },
  feedLinks: { rss: "https://status.example.com/history.rss", atom: "https://status.example.com/history.atom" },
};

function item(n: number, fields: Partial<FeedItem> = {}): FeedItem {
  const link = `https://status.example.com/incidents/i-${n}/#update-${n}`;
  const date = new Date(Date.UTC(2026, 10, 20, n));
  return {
    id: link,
    guid: link,
    link,
    date,
    published: date,
    title: `Incident ${n}: Resolved`,
    description: `Text ${n} &amp; more`,
    content: `<p>Text ${n} &amp; more</p>`,
    category: [{ name: "Incident", term: "incident" }],
    ...fields,
  };
}

const whole = (kind: "rss" | "atom", items: FeedItem[]): string => wholeWith(kind, options, items);

const sets: Record<string, FeedItem[]> = {
  none: [],
  one: [item(1)],
  many: [
    item(3),
    item(2),
    item(1, {
      category: [
        { name: "Maintenance", term: "maintenance" },
        { name: "Cancelled", term: "cancelled" },
      ],
    }),
  ],
  "no content in any item": [item(1, { content: "" }), item(2, { content: "" })],
  "content only in a later item": [item(1, { content: "" }), item(2)],
  "markup-like text inside the item": [item(1, { title: "a </item></entry> b", content: "<p>x ]]> y</p>", description: "</channel>" })],
};

describe("feed XML written item by item", () => {
  for (const kind of ["rss", "atom"] as const) {
    for (const [name, items] of Object.entries(sets)) {
      it(`${kind}, ${name}: identical to the library's whole feed`, () => {
        const keyed = items.map((i) => ({ key: {}, item: i }));
        expect(feedXml(kind, options, keyed)).toBe(whole(kind, items));
        // A second feed reusing the written items (other options, other order) is still identical.
        const other = { ...options, title: "Other" };
        expect(feedXml(kind, other, [...keyed].reverse())).toBe(wholeWith(kind, other, [...items].reverse()));
      });
    }
  }

  it("an item made again from the same key with other values is written again, not reused", () => {
    const key = {};
    feedXml("rss", options, [{ key, item: item(1) }]);
    const changed = item(1, { title: "Changed: Resolved" });
    expect(feedXml("rss", options, [{ key, item: changed }])).toBe(whole("rss", [changed]));
  });
});

function wholeWith(kind: "rss" | "atom", feedOptions: FeedOptions, items: FeedItem[]): string {
  const feed = new Feed(feedOptions);
  for (const i of items) feed.addItem(i);
  return kind === "rss" ? feed.rss2() : feed.atom1();
}
