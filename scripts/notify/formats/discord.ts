// Discord webhooks: one embed (title linking to the page, text, a field per component, colour
// by impact). Titles, descriptions and fields read Discord Markdown, so the site's text is
// escaped there (formats/escape.ts: no masked link, no mention, no `@everyone`); the footer is
// plain text. `allowed_mentions: { parse: [] }` as well, so nothing in a message can ever ping.
import { toMillis } from "../../core/time.ts";
import type { Message } from "../message.ts";
import { bidiSafe, discordText } from "./escape.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

const COLOURS: Record<string, number> = {
  "No customer impact": 0x2e7d32,
  "Minor impact": 0xf9a825,
  "Major impact": 0xef6c00,
  "Critical impact": 0xc62828,
  "Planned maintenance": 0x1565c0,
};
const RESOLVED = 0x2e7d32;

export function discordRequests(message: Message): HttpRequest[] {
  const done = message.event.kind === "incident_resolved" || message.event.kind === "maintenance_completed";
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const embed: Record<string, unknown> = {
    title: clip(`${message.headline}: ${discordText(message.title)}`, 256),
    url: message.link,
    description: clip(`${summary ? `**${discordText(summary)}**\n` : ""}${discordText(message.text)}`, 4096),
    color: done ? RESOLVED : (COLOURS[message.impact ?? ""] ?? 0x546e7a),
    fields: message.components
      .slice(0, 25)
      .map((c) => ({ name: clip(discordText(c.name), 256), value: clip(discordText(c.status), 1024), inline: true })),
    footer: { text: clip([whenLine(message), bidiSafe(message.pageName)].filter(Boolean).join(" · "), 2048) },
  };
  const at = toMillis(message.at);
  if (at !== undefined) embed.timestamp = new Date(at).toISOString();
  return [
    { label: "discord", body: json({ embeds: [embed], allowed_mentions: { parse: [] } }), headers: { "content-type": "application/json" } },
  ];
}
