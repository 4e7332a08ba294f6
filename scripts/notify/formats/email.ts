// Email: a plain-text part and an HTML part with the same content, and List-Unsubscribe
// (RFC 2369) pointing where a reader can follow the same updates or stop: by default the site's
// RSS feed. The HTML part escapes every text and uses the site's sanitized rendering of the update;
// both parts keep right-to-left text and bidi controls from reordering the lines around them.
// The subject and headers need nothing here: nodemailer encodes them and refuses line breaks.
import type { Message } from "../message.ts";
import { bidiSafe, htmlAttribute, htmlText } from "./escape.ts";
import type { EmailMessage } from "./request.ts";
import { whenLine } from "./words.ts";

export function feedUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/history.rss`;
}

export function emailMessage(message: Message, options: { unsubscribeUrl?: string } = {}): EmailMessage {
  const unsubscribe = options.unsubscribeUrl ?? feedUrl(message.siteUrl);
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const when = whenLine(message);
  const action = message.event.kind === "postmortem_published" ? "Read the postmortem" : "View on the status page";
  const text = [
    `${message.headline}: ${bidiSafe(message.title)}`,
    summary,
    "",
    bidiSafe(message.text),
    "",
    ...(message.components.length > 0 ? ["Components:", ...message.components.map((c) => `- ${bidiSafe(c.name)}: ${c.status}`), ""] : []),
    ...(when ? [when] : []),
    `${action}: ${message.link}`,
    "",
    "--",
    `${bidiSafe(message.pageName)}. Updates are also published as a feed: ${feedUrl(message.siteUrl)}`,
  ]
    .filter((line, i, lines) => !(line === "" && lines[i - 1] === ""))
    .join("\n");
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>${htmlText(message.title)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem">',
    `<p style="margin: 0; font-weight: 600">${htmlText(message.headline)}</p>`,
    `<h1 style="font-size: 1.4rem; margin: 0.2rem 0">${htmlText(message.title)}</h1>`,
    summary ? `<p style="margin: 0; color: #555">${htmlText(summary)}</p>` : "",
    `<div>${message.html}</div>`,
    message.components.length > 0
      ? `<table role="presentation" style="border-collapse: collapse">${message.components.map((c) => `<tr><th scope="row" style="text-align: left; padding: 0.2rem 1rem 0.2rem 0">${htmlText(c.name)}</th><td>${htmlText(c.status)}</td></tr>`).join("")}</table>`
      : "",
    when ? `<p style="color: #555">${htmlText(when)}</p>` : "",
    `<p><a href="${htmlAttribute(message.link)}">${htmlText(action)}</a></p>`,
    `<hr><p style="font-size: 0.85rem; color: #555">${htmlText(message.pageName)}. Updates are also published as a <a href="${htmlAttribute(feedUrl(message.siteUrl))}">feed</a>.</p>`,
    "</body></html>",
  ]
    .filter(Boolean)
    .join("\n");
  return {
    subject: `[${bidiSafe(message.pageName)}] ${message.headline}: ${bidiSafe(message.title)}`,
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribe}>` },
  };
}
