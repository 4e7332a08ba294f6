// Text that renders to nothing: raw HTML is dropped from pages, and an HTML block runs to the next
// blank line, so an update starting with `<div>` or `<!-- note -->` and the text on that line
// showed as an empty update everywhere while validate said nothing. A record body holding only
// HTML comments (the scaffold's guidance) is deliberately empty and not reported.
import type { Finding } from "../../records/finding.ts";
import type { Rule } from "../rule.ts";
import { checkedTexts, rendersEmpty } from "./markdown-texts.ts";

export const markdownRendersEmpty: Rule = {
  id: "markdown-renders-empty",
  severity: "error",
  description: "An update, or a body with text outside HTML comments, renders to something visible.",
  check(context) {
    const findings: Finding[] = [];
    for (const text of checkedTexts(context)) {
      const { html, plain } = text.outcome;
      if (plain ? text.text.trim() !== "" : html === undefined) continue;
      if (!text.update && withoutComments(text.text).trim() === "") continue;
      if (html !== undefined && !rendersEmpty(html)) continue;
      findings.push({
        ...text.place({ line: 1, column: 1 }),
        rule: markdownRendersEmpty.id,
        severity: markdownRendersEmpty.severity,
        message: text.update
          ? "This update renders empty: the page shows it with no message."
          : "This text renders empty: nothing of it shows on the page.",
        hint: "Raw HTML (`<div>`, `<!-- … -->`) is dropped from pages, and an HTML block runs to the next blank line. Write the message as Markdown, or leave a blank line after the HTML.",
      });
    }
    return findings;
  },
};

/** The text with every `<!-- … -->` removed (an unclosed one runs to the end). Linear. */
export function withoutComments(text: string): string {
  let out = "";
  let at = 0;
  for (let open = text.indexOf("<!--"); open !== -1; open = text.indexOf("<!--", at)) {
    out += text.slice(at, open);
    const close = text.indexOf("-->", open + 4);
    if (close === -1) return out;
    at = close + 3;
  }
  return out + text.slice(at);
}
