// Slack incoming webhooks: Block Kit (header, text, component fields, link) plus a `text`
// fallback for notifications and clients without blocks. Slack's mrkdwn treats &, < and > as
// control characters (`<!channel>`, `<url|label>`), so every text from the site is escaped, in
// the blocks and in the fallback alike; fields are clipped to Slack's limits.
import type { Message } from "../message.ts";
import { bidiSafe, slackText, slackUrl } from "./escape.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

export function slackRequests(message: Message): HttpRequest[] {
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const blocks: Record<string, unknown>[] = [
    // plain_text is shown as written: no mentions, links or entities are read in it.
    { type: "header", text: { type: "plain_text", text: clip(`${message.headline}: ${bidiSafe(message.title)}`, 150), emoji: false } },
    {
      type: "section",
      text: { type: "mrkdwn", text: clip(`${summary ? `*${slackText(summary)}*\n` : ""}${slackText(message.text)}`, 3000) },
    },
  ];
  if (message.components.length > 0) {
    blocks.push({
      type: "section",
      fields: message.components
        .slice(0, 10)
        .map((c) => ({ type: "mrkdwn", text: clip(`*${slackText(c.name)}*\n${slackText(c.status)}`, 2000) })),
    });
  }
  const when = whenLine(message);
  const action = message.event.kind === "postmortem_published" ? "Read the postmortem" : "View on the status page";
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: clip(`<${slackUrl(message.link)}|${action}>${when ? ` · ${slackText(when)}` : ""} · ${slackText(message.pageName)}`, 3000),
      },
    ],
  });
  const fallback = clip(`${message.headline}: ${slackText(message.title)} — ${slackText(message.text)}`, 3000);
  return [{ label: "slack", body: json({ text: fallback, blocks, unfurl_links: false }), headers: { "content-type": "application/json" } }];
}
