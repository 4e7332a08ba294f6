// A channel's optional filters (severities, components), applied to what the public site shows.
// Severities are matched through their impact: the public API carries an incident's impact
// (none/minor/major/critical), never the internal severity id. Pure.
import type { Config } from "../records/record-types.ts";
import { stableId } from "../publish/stable-id.ts";
import type { ChannelConfig } from "./channels.ts";
import type { NotifyEvent } from "./new-events.ts";

export function matchesFilters(event: NotifyEvent, channel: ChannelConfig, config: Pick<Config, "severities">): boolean {
  const incident = event.incident;
  const maintenance = incident?.impact === "maintenance";
  if (channel.severities) {
    const impacts = new Set<string>(config.severities.filter((s) => channel.severities!.includes(s.id)).map((s) => s.impact));
    // A postmortem whose incident is not on the site cannot be matched: a filtered channel skips it.
    if (!incident || (!maintenance && !impacts.has(incident.impact))) return false;
  }
  if (channel.components) {
    if (!incident) return false;
    const wanted = new Set(channel.components.map((id) => stableId("component", id)));
    const touched = [
      ...incident.components.map((c) => c.id),
      ...incident.incident_updates.flatMap((u) => (u.affected_components ?? []).map((c) => c.code)),
    ];
    if (!touched.some((id) => wanted.has(id))) return false;
  }
  return true;
}
