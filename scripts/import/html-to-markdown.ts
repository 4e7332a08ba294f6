// Statuspage update bodies and postmortems are HTML fragments (`<br />`, links, lists) or plain
// text; sitrep stores Markdown. turndown does the conversion (a maintained converter, not
// hand-written regexes); text with no tag or entity in it is already what a person typed and is
// kept as it is, which is most bodies and keeps a 10,000-incident import fast. Pure.
import TurndownService from "turndown";

let service: TurndownService | undefined;

function converter(): TurndownService {
  service ??= new TurndownService({ headingStyle: "atx", bulletListMarker: "-", codeBlockStyle: "fenced", emDelimiter: "_" });
  return service;
}

const MARKUP = /<[a-zA-Z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;

/** Markdown for an HTML fragment or plain text; throws what turndown throws (the caller names the item). */
export function htmlToMarkdown(source: string): string {
  const text = source.replace(/\r\n?/g, "\n");
  const markdown = MARKUP.test(text) ? converter().turndown(text) : text;
  // Trailing double spaces are turndown's hard line breaks (`<br />`): kept.
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}
