// A record's or an update's Markdown rendered once for every output of a build. The same update
// is shown on its incident page, in the site's feeds and in the feeds of every component it
// touched (2,400 components' feeds re-rendered their updates at 10,000 incidents); the calendar
// reads the same texts as plain text. Keyed by the record's or update's own object, so what is
// kept lives exactly as long as the loaded records (one build) and a changed text is a new object.
import { htmlToText, renderMarkdown } from "./markdown.ts";

/** What holds a Markdown text: an incident or postmortem record, or one of its updates. */
export interface HasBody {
  readonly body: string;
}

const html = new WeakMap<HasBody, string>();
const text = new WeakMap<HasBody, string>();

/** `renderMarkdown(holder.body)`, rendered at most once per holder. */
export function bodyHtml(holder: HasBody): string {
  let rendered = html.get(holder);
  if (rendered === undefined) html.set(holder, (rendered = renderMarkdown(holder.body)));
  return rendered;
}

/** `markdownToText(holder.body)` (markup stripped, whitespace collapsed), at most once per holder. */
export function bodyText(holder: HasBody): string {
  let plain = text.get(holder);
  if (plain === undefined) text.set(holder, (plain = htmlToText(bodyHtml(holder))));
  return plain;
}
