// Postmortem publications, read from the public Atom feed. The Statuspage v2 API has no
// postmortem field in its public endpoints, so the feed is the public artifact that announces
// them: an entry whose link is a postmortem page (<site>/postmortems/<id>/) is a publication.
// Pure: Atom text in, entries out; a feed without such entries gives none.
import { DOMParser } from "linkedom";

export interface PostmortemEntry {
  /** The postmortem's id (its page's path segment); also the id of the incident it shares a name with, usually. */
  id: string;
  /** The entry's stable id (its <id>), what "new" is decided on. */
  entryId: string;
  title: string;
  summary: string;
  link: string;
  published: string;
}

const POSTMORTEM_PATH = /\/postmortems\/([^/#?]+)\/?(?:[?#].*)?$/;

export function postmortemEntries(atom: string): PostmortemEntry[] {
  let document;
  try {
    document = new DOMParser().parseFromString(atom, "text/xml");
  } catch {
    return [];
  }
  const entries: PostmortemEntry[] = [];
  for (const entry of document.querySelectorAll("entry")) {
    const link = entry.querySelector("link")?.getAttribute("href") ?? "";
    const match = POSTMORTEM_PATH.exec(link);
    if (!match) continue;
    // Atom text constructs here are type="html": their text content is HTML, so reduce it to text.
    const text = (name: string) => htmlText(entry.querySelector(name)?.textContent ?? "");
    entries.push({
      id: decodeURIComponent(match[1]),
      entryId: entry.querySelector("id")?.textContent?.trim() || link,
      title: text("title"),
      summary: text("summary") || text("content"),
      link,
      published: (entry.querySelector("published") ?? entry.querySelector("updated"))?.textContent?.trim() ?? "",
    });
  }
  return entries;
}

/** The text of an HTML fragment (entities decoded, tags dropped, whitespace collapsed). */
function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  const body = new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, "text/html").body;
  return (body?.textContent ?? "").replace(/\s+/g, " ").trim();
}
