// Which channel gets which message: events × channels, through each channel's filters and
// format. Pure: the same inputs always give the same requests (what --dry-run prints).
import type { Config } from "../records/record-types.ts";
import type { Channel } from "./channels.ts";
import type { NotifyEvent } from "./new-events.ts";
import { matchesFilters } from "./filter.ts";
import { discordRequests } from "./formats/discord.ts";
import { emailMessage } from "./formats/email.ts";
import type { EmailMessage, HttpRequest } from "./formats/request.ts";
import { slackRequests } from "./formats/slack.ts";
import { teamsRequests } from "./formats/teams.ts";
import { webhookRequests } from "./formats/webhook.ts";
import { buildMessage, type Message } from "./message.ts";
import type { PublishedSite } from "./published-site.ts";

export type Payload = { kind: "http"; requests: HttpRequest[] } | { kind: "email"; email: EmailMessage };

export interface PlannedDelivery {
  event: NotifyEvent;
  message: Message;
  payload: Payload;
}

export interface ChannelPlan {
  channel: Channel;
  deliveries: PlannedDelivery[];
  /** Events the channel's filters left out. */
  filtered: NotifyEvent[];
  /** Events an earlier attempt of this workflow run delivered to the channel (sent-ledger.ts). */
  alreadySent: NotifyEvent[];
}

export function planDeliveries(
  events: NotifyEvent[],
  channels: Channel[],
  site: PublishedSite,
  config: Pick<Config, "severities">,
): ChannelPlan[] {
  const messages = new Map(events.map((event) => [event, buildMessage(event, site)]));
  return channels.map((channel) => {
    const plan: ChannelPlan = { channel, deliveries: [], filtered: [], alreadySent: [] };
    for (const event of events) {
      if (!matchesFilters(event, channel.config, config)) {
        plan.filtered.push(event);
        continue;
      }
      const message = messages.get(event)!;
      plan.deliveries.push({ event, message, payload: payloadFor(channel, message, site) });
    }
    return plan;
  });
}

function payloadFor(channel: Channel, message: Message, site: PublishedSite): Payload {
  switch (channel.type) {
    case "webhook":
      return { kind: "http", requests: webhookRequests(message, site, channel.secret) };
    case "slack":
      return { kind: "http", requests: slackRequests(message) };
    case "teams":
      return { kind: "http", requests: teamsRequests(message) };
    case "discord":
      return { kind: "http", requests: discordRequests(message) };
    case "email":
      return { kind: "email", email: emailMessage(message, { unsubscribeUrl: channel.config.unsubscribe_url }) };
  }
}
