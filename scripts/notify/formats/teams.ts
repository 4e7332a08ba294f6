// Microsoft Teams incoming webhooks (Workflows "post to a channel when a webhook request is
// received"): a message with one Adaptive Card 1.4 attachment. A TextBlock reads Markdown
// (`[text](url)` becomes a link that hides its address) and so do a FactSet's facts, so every
// text from the site goes in a RichTextBlock of TextRuns, which the card schema shows as written.
// Only sitrep's own fixed words use TextBlocks; the link is an action.
import type { Message } from "../message.ts";
import { bidiSafe } from "./escape.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

const ATTENTION: Record<string, string> = { incident_declared: "attention", incident_resolved: "good", maintenance_completed: "good" };

type Run = { text: string } & Record<string, unknown>;

/** A paragraph of literal text: a RichTextBlock whose runs carry the styling. */
function literal(runs: Run[], block: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: "RichTextBlock", ...block, inlines: runs.map((run) => ({ type: "TextRun", ...run, text: bidiSafe(run.text) })) };
}

export function teamsRequests(message: Message): HttpRequest[] {
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const body: Record<string, unknown>[] = [
    {
      type: "TextBlock",
      text: message.headline,
      weight: "Bolder",
      color: ATTENTION[message.event.kind] ?? "default",
      spacing: "None",
      wrap: true,
    },
    literal([{ text: clip(message.title, 1000), size: "Large", weight: "Bolder" }]),
  ];
  if (summary) body.push(literal([{ text: summary, isSubtle: true }], { spacing: "None" }));
  body.push(literal([{ text: clip(message.text, 4000) }]));
  for (const c of message.components.slice(0, 25))
    body.push(literal([{ text: clip(c.name, 256), weight: "Bolder" }, { text: `: ${c.status}` }], { spacing: "None" }));
  const when = whenLine(message);
  body.push(literal([{ text: [when, message.pageName].filter(Boolean).join(" · "), isSubtle: true, size: "Small" }]));
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    actions: [
      {
        type: "Action.OpenUrl",
        title: message.event.kind === "postmortem_published" ? "Read the postmortem" : "View on the status page",
        url: message.link,
      },
    ],
  };
  return [
    {
      label: "teams",
      body: json({
        type: "message",
        summary: clip(`${message.headline}: ${bidiSafe(message.title)}`, 250),
        attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }],
      }),
      headers: { "content-type": "application/json" },
    },
  ];
}
