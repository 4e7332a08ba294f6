// RSS 2.0 and Atom 1.0 text for the site's feeds, written straight to strings (decision 0184).
// The `feed` library built an object tree per feed and serialised it with xml-js: at 10,000
// incidents the site and its 40 components' feeds are 82 feeds of 250 entries, most entries
// repeated in several of them, and that was 5 s of the build. Here each entry's XML is made once
// and shared by every feed listing it. The bytes are those feed@6 wrote (its escaping included:
// text with &, < and > escaped after an "&amp;" is read back as "&", attribute values with only
// " escaped, URLs through the URL parser), except that every "]]>" in a CDATA section is split, not
// only the first; tests/publish/feed-xml.unit.test.ts keeps the library as the oracle.

/** One entry as the feeds carry it (the fields of feed's `Item` that sitrep uses). */
export interface FeedItem {
  /** Atom <id> and RSS <guid isPermaLink="false">. */
  id: string;
  link: string;
  /** RSS <title>, plain text. */
  title: string;
  /** Atom <title type="html">: the title escaped as HTML. */
  atomTitle: string;
  date: Date;
  /** HTML (escaped text). */
  description: string;
  /** HTML. */
  content: string;
  category: { name: string; term: string }[];
}

/** An entry's XML in both formats, made once and shared by every feed that lists it. */
export interface FeedEntryXml {
  date: number;
  rss: string;
  atom: string;
  /** RSS needs the content namespace when any item carries content. */
  hasContent: boolean;
}

export interface FeedHead {
  id: string;
  title: string;
  description: string;
  link: string;
  language: string;
  updated: Date;
  generator: string;
  author: { name: string; link: string };
  feedLinks: { rss: string; atom: string };
}

const INDENT = "    ";
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** feed's escapeAmp. */
const escapeAmp = (value: string): string => value.replace(/&/g, "&amp;");
/** feed's sanitizeUrl: the URL parser's form, ampersands escaped. */
const sanitizeUrl = (url: string): string => escapeAmp(new URL(url).toString());
/** xml-js's text: an "&amp;" is read back first, so nothing is escaped twice. */
const text = (value: string): string => value.replace(/&amp;/g, "&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** xml-js's attribute value (quotes only). */
const attribute = (value: string): string => value.replace(/"/g, "&quot;");
/** A CDATA section; every "]]>" inside is split (xml-js split only the first, leaving a second to end it early). */
const cdata = (value: string): string => `<![CDATA[${value.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
/** An element holding text; an empty string is an empty element, as xml-js writes it. */
const plain = (name: string, value: string): string => (value === "" ? `<${name}/>` : `<${name}>${text(value)}</${name}>`);

/** The XML of one entry in each format, at its place in the document (items at depth 2, entries at 1). */
export function entryXml(item: FeedItem): FeedEntryXml {
  const rssIndent = `\n${INDENT.repeat(3)}`;
  const rss = [
    `\n${INDENT.repeat(2)}<item>`,
    item.title ? `${rssIndent}<title>${cdata(item.title)}</title>` : "",
    `${rssIndent}<link>${text(sanitizeUrl(item.link))}</link>`,
    `${rssIndent}<guid isPermaLink="false">${text(item.id)}</guid>`,
    `${rssIndent}<pubDate>${text(item.date.toUTCString())}</pubDate>`,
    item.description ? `${rssIndent}<description>${cdata(item.description)}</description>` : "",
    item.content ? `${rssIndent}<content:encoded>${cdata(item.content)}</content:encoded>` : "",
    ...item.category.map((c) => `${rssIndent}<category>${text(c.name)}</category>`),
    `\n${INDENT.repeat(2)}</item>`,
  ].join("");
  const atomIndent = `\n${INDENT.repeat(2)}`;
  const iso = item.date.toISOString();
  const atom = [
    `\n${INDENT}<entry>`,
    `${atomIndent}<title type="html">${cdata(item.atomTitle)}</title>`,
    `${atomIndent}${plain("id", sanitizeUrl(item.id))}`,
    `${atomIndent}<link href="${attribute(sanitizeUrl(item.link))}"/>`,
    `${atomIndent}${plain("updated", iso)}`,
    item.description ? `${atomIndent}<summary type="html">${cdata(item.description)}</summary>` : "",
    item.content ? `${atomIndent}<content type="html">${cdata(item.content)}</content>` : "",
    ...item.category.map((c) => `${atomIndent}<category label="${attribute(escapeAmp(c.name))}" term="${attribute(escapeAmp(c.term))}"/>`),
    `${atomIndent}${plain("published", iso)}`,
    `\n${INDENT}</entry>`,
  ].join("");
  return { date: item.date.getTime(), rss, atom, hasContent: Boolean(item.content) };
}

/** An RSS 2.0 document of the head and these entries, in the order given. */
export function rssDocument(head: FeedHead, entries: readonly FeedEntryXml[]): string {
  const namespaces = entries.some((e) => e.hasContent)
    ? ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    : "";
  const child = `\n${INDENT.repeat(2)}`;
  return [
    DECLARATION,
    `\n<rss version="2.0"${namespaces} xmlns:atom="http://www.w3.org/2005/Atom">`,
    `\n${INDENT}<channel>`,
    `${child}<title>${text(head.title)}</title>`,
    `${child}<link>${text(sanitizeUrl(head.link))}</link>`,
    `${child}<description>${text(head.description)}</description>`,
    `${child}<lastBuildDate>${text(head.updated.toUTCString())}</lastBuildDate>`,
    `${child}<docs>https://validator.w3.org/feed/docs/rss2.html</docs>`,
    `${child}<generator>${text(head.generator)}</generator>`,
    head.language ? `${child}<language>${text(head.language)}</language>` : "",
    `${child}<atom:link href="${attribute(sanitizeUrl(head.feedLinks.rss))}" rel="self" type="application/rss+xml"/>`,
    ...entries.map((e) => e.rss),
    `\n${INDENT}</channel>`,
    "\n</rss>",
  ].join("");
}

/** An Atom 1.0 document of the head and these entries, in the order given. */
export function atomDocument(head: FeedHead, entries: readonly FeedEntryXml[]): string {
  const child = `\n${INDENT}`;
  return [
    DECLARATION,
    '\n<feed xmlns="http://www.w3.org/2005/Atom">',
    `${child}${plain("id", head.id)}`,
    `${child}${plain("title", head.title)}`,
    `${child}${plain("updated", head.updated.toISOString())}`,
    `${child}${plain("generator", escapeAmp(head.generator))}`,
    `${child}<author>`,
    `${child}${INDENT}${plain("name", head.author.name)}`,
    `${child}${INDENT}${plain("uri", sanitizeUrl(head.author.link))}`,
    `${child}</author>`,
    `${child}<link rel="alternate" href="${attribute(sanitizeUrl(head.link))}"/>`,
    `${child}<link rel="self" href="${attribute(sanitizeUrl(head.feedLinks.atom))}"/>`,
    head.description ? `${child}${plain("subtitle", head.description)}` : "",
    ...entries.map((e) => e.atom),
    "\n</feed>",
  ].join("");
}
