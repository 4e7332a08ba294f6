// Slack incoming webhooks: Block Kit (header, text, component fields, link) plus a `text`
// fallback for notifications and clients without blocks. Slack's mrkdwn treats &, < and > as
// control characters, so every text from the site is escaped; fields are clipped to Slack's limits.
import type { Message } from "../message.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

const escapeMrkdwn = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function slackRequests(message: Message): HttpRequest[] {
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(`${message.headline}: ${message.title}`, 150), emoji: false } },
    { type: "section", text: { type: "mrkdwn", text: clip(`${summary ? `*${escapeMrkdwn(summary)}*\n` : ""}${escapeMrkdwn(message.text)}`, 3000) } },
  ];
  if (message.components.length > 0) {
    blocks.push({
      type: "section",
      fields: message.components.slice(0, 10).map((c) => ({ type: "mrkdwn", text: clip(`*${escapeMrkdwn(c.name)}*\n${escapeMrkdwn(c.status)}`, 2000) })),
    });
  }
  const when = whenLine(message);
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: clip(`<${message.link}|${message.event.kind === "postmortem_published" ? "Read the postmortem" : "View on the status page"}>${when ? ` · ${escapeMrkdwn(when)}` : ""} · ${escapeMrkdwn(message.pageName)}`, 3000) }],
  });
  return [{ label: "slack", body: json({ text: clip(`${message.headline}: ${message.title} — ${message.text}`, 3000), blocks, unfurl_links: false }), headers: { "content-type": "application/json" } }];
}
