// Microsoft Teams incoming webhooks (Workflows "post to a channel when a webhook request is
// received"): a message with one Adaptive Card 1.4 attachment. Card text is plain TextBlocks
// (no Markdown from the site is interpreted), components as a FactSet, the link as an action.
import type { Message } from "../message.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

const ATTENTION: Record<string, string> = { incident_declared: "attention", incident_resolved: "good", maintenance_completed: "good" };

export function teamsRequests(message: Message): HttpRequest[] {
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const body: Record<string, unknown>[] = [
    { type: "TextBlock", text: message.headline, weight: "Bolder", color: ATTENTION[message.event.kind] ?? "default", spacing: "None", wrap: true },
    { type: "TextBlock", text: message.title, size: "Large", weight: "Bolder", wrap: true, style: "heading" },
  ];
  if (summary) body.push({ type: "TextBlock", text: summary, isSubtle: true, spacing: "None", wrap: true });
  body.push({ type: "TextBlock", text: clip(message.text, 4000), wrap: true });
  if (message.components.length > 0) body.push({ type: "FactSet", facts: message.components.map((c) => ({ title: c.name, value: c.status })) });
  const when = whenLine(message);
  body.push({ type: "TextBlock", text: [when, message.pageName].filter(Boolean).join(" · "), isSubtle: true, size: "Small", wrap: true });
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    actions: [{ type: "Action.OpenUrl", title: message.event.kind === "postmortem_published" ? "Read the postmortem" : "View on the status page", url: message.link }],
  };
  return [{
    label: "teams",
    body: json({ type: "message", summary: clip(`${message.headline}: ${message.title}`, 250), attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] }),
    headers: { "content-type": "application/json" },
  }];
}
