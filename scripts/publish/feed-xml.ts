// RSS and Atom text of a feed, each item's XML written once per build. One update is an item in
// the site's feeds and in the feed of every component it touched, and the feed library wrote it
// anew in each (xml-js was 1.3 s of a 10,000-incident site build). An item's element does not
// depend on the feed around it, so the library writes each item alone once, and a feed is the
// library's own head and tail around its items: byte for byte what writing the whole feed gives
// (tests/publish/feed-xml.unit.test.ts compares the two).
import { Feed } from "feed";

export type FeedOptions = ConstructorParameters<typeof Feed>[0];
export type FeedItem = Parameters<Feed["addItem"]>[0];

/** An item and what it is made from (an update or announcement object): its cache key. */
export interface KeyedItem {
  key: object;
  item: FeedItem;
}

type Kind = "rss" | "atom";

/** Where items start and what follows the last one, in the library's output (4-space indent). */
const LAYOUT: Record<Kind, { start: string; end: string }> = {
  rss: { start: "\n        <item>", end: "\n    </channel>\n</rss>" },
  atom: { start: "\n    <entry>", end: "\n</feed>" },
};

const ALONE: FeedOptions = { id: "about:blank", title: "", copyright: "" };

/** Per kind (the Atom item's title is escaped, the RSS one's is not): what each key's item was and its XML. */
const written: Record<Kind, WeakMap<object, { item: FeedItem; xml: string }>> = { rss: new WeakMap(), atom: new WeakMap() };

/** The feed as `feed` writes it with these options and items, in this order. */
export function feedXml(kind: Kind, options: FeedOptions, items: readonly KeyedItem[]): string {
  if (items.length === 0) return write(kind, options, []);
  const { start, end } = LAYOUT[kind];
  // The head depends on the items only through whether any has content (RSS's content namespace).
  const sample = items.find((i) => i.item.content) ?? items[0];
  const whole = write(kind, options, [sample.item]);
  const at = whole.indexOf(start);
  if (at < 0 || !whole.endsWith(end))
    throw new Error(`The ${kind} feed writer's layout changed; feed-xml.ts no longer knows where items go.`);
  return whole.slice(0, at) + items.map((i) => itemXml(kind, i)).join("") + end;
}

function itemXml(kind: Kind, { key, item }: KeyedItem): string {
  const cached = written[kind].get(key);
  if (cached !== undefined && sameItem(cached.item, item)) return cached.xml;
  const { start, end } = LAYOUT[kind];
  const alone = write(kind, ALONE, [item]);
  const xml = alone.slice(alone.indexOf(start), alone.length - end.length);
  written[kind].set(key, { item, xml });
  return xml;
}

function write(kind: Kind, options: FeedOptions, items: readonly FeedItem[]): string {
  const feed = new Feed(options);
  for (const item of items) feed.addItem(item);
  return kind === "rss" ? feed.rss2() : feed.atom1();
}

/** The same fields with the same values (dates by instant, lists by content): then the same XML. */
function sameItem(a: FeedItem, b: FeedItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as unknown as Record<string, unknown>)[key];
    const y = (b as unknown as Record<string, unknown>)[key];
    if (x === y) continue;
    if (x instanceof Date && y instanceof Date ? x.getTime() !== y.getTime() : JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}
