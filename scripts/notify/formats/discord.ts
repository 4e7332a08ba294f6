// Discord webhooks: one embed (title linking to the page, text, a field per component, colour
// by impact). `allowed_mentions: { parse: [] }` so an "@everyone" in an update never pings.
import type { Message } from "../message.ts";
import { clip, json, type HttpRequest } from "./request.ts";
import { whenLine } from "./words.ts";

const COLOURS: Record<string, number> = {
  "No customer impact": 0x2e7d32, "Minor impact": 0xf9a825, "Major impact": 0xef6c00, "Critical impact": 0xc62828, "Planned maintenance": 0x1565c0,
};
const RESOLVED = 0x2e7d32;

/** Discord renders Markdown in embeds: escape it so the site's text shows as written. */
const escapeMarkdown = (text: string): string => text.replace(/([\\*_~`|>#[\]()-])/g, "\\$1");

export function discordRequests(message: Message): HttpRequest[] {
  const done = message.event.kind === "incident_resolved" || message.event.kind === "maintenance_completed";
  const summary = [message.status, message.impact].filter(Boolean).join(" · ");
  const embed: Record<string, unknown> = {
    title: clip(`${message.headline}: ${message.title}`, 256),
    url: message.link,
    description: clip(`${summary ? `**${escapeMarkdown(summary)}**\n` : ""}${escapeMarkdown(message.text)}`, 4096),
    color: done ? RESOLVED : COLOURS[message.impact ?? ""] ?? 0x546e7a,
    fields: message.components.slice(0, 25).map((c) => ({ name: clip(c.name, 256), value: clip(c.status, 1024), inline: true })),
    footer: { text: clip([whenLine(message), message.pageName].filter(Boolean).join(" · "), 2048) },
  };
  if (!Number.isNaN(Date.parse(message.at))) embed.timestamp = new Date(Date.parse(message.at)).toISOString();
  return [{ label: "discord", body: json({ embeds: [embed], allowed_mentions: { parse: [] } }), headers: { "content-type": "application/json" } }];
}
