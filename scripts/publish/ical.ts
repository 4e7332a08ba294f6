// An iCalendar feed of maintenance windows (scheduled, running and past) that people subscribe
// to in their calendar app. Deterministic: UIDs come from record ids, DTSTAMP is `now`.
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import type { Config, IncidentRecord, Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { publishedModel } from "../status/published-model.ts";
import { toMillis } from "../core/time.ts";
import { updateStatusLabel } from "../model/vocabulary.ts";
import { bodyText } from "./rendered-text.ts";
import { componentFilePaths, incidentUrl, PUBLISHED_PATHS, siteBase, siteUrl } from "./site-url.ts";
import { factsConcerning } from "../status/facts-by-component.ts";

/** A UID that is the same in every build and unique to this site: <record id>@<site host and path>. */
export function maintenanceUid(config: Config, recordId: string): string {
  const base = new URL(siteBase(config));
  return `${recordId}@${base.host}${base.pathname.replace(/\/$/, "")}`;
}

export function buildMaintenanceCalendar(
  repository: Repository,
  options: { audience: Audience; now: Date /** Only maintenance on this component. */; componentId?: string },
): string {
  const { config } = repository;
  const component = config.components.find((c) => c.id === options.componentId);
  const path = component ? componentFilePaths(component.id).calendar : PUBLISHED_PATHS.calendar;
  const calendar = ical({
    name: component ? `${config.site.title}: maintenance of ${component.name}` : `${config.site.title}: maintenance`,
    description: component
      ? `Scheduled maintenance of ${component.name} from ${config.site.title}`
      : `Scheduled maintenance from ${config.site.title}`,
    prodId: { company: "sitrep", product: "sitrep", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: siteUrl(config, path),
    source: siteUrl(config, path),
    ttl: 3600,
  });
  const names = new Map(config.components.map((c) => [c.id, c.name]));
  const model = publishedModel(repository, options.audience, options.now);
  // A component's records come from the model's index (facts-by-component.ts), not a scan per calendar.
  const maintenance = (component === undefined ? model.facts : factsConcerning(model, component.id))
    .filter((fact) => fact.record.data.type === "maintenance")
    .sort(
      (a, b) => (toMillis(a.record.data.scheduled_start) ?? 0) - (toMillis(b.record.data.scheduled_start) ?? 0) || a.id.localeCompare(b.id),
    );
  for (const fact of maintenance) {
    const record = fact.record;
    const start = toMillis(record.data.scheduled_start);
    const end = toMillis(record.data.scheduled_end);
    if (start === undefined || end === undefined) continue; // validation requires both; nothing to place otherwise
    const updates = record.data.updates;
    const firstAt = toMillis(updates[0]?.at);
    const lastAt = toMillis(updates.at(-1)?.at);
    calendar.createEvent({
      id: maintenanceUid(config, record.id),
      start: new Date(start),
      end: new Date(end),
      stamp: options.now,
      created: firstAt === undefined ? null : new Date(firstAt),
      lastModified: lastAt === undefined ? null : new Date(lastAt),
      // Each posted update changes the event, so calendar apps take the new text.
      sequence: updates.length,
      summary: record.data.title,
      description: describe(record, fact.status, updates, names),
      url: incidentUrl(config, record.id),
      // Cancelled keeps the UID and raises SEQUENCE (one more update), so calendars strike the event out (RFC 5545 §3.8.1.11).
      status: record.data.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

/** `status`: the published one (model/incident-facts.ts), "In progress" once the window has started. */
function describe(record: IncidentRecord, status: string, updates: IncidentRecord["data"]["updates"], names: Map<string, string>): string {
  const lines: string[] = [];
  const latest = updates.at(-1);
  lines.push(`Status: ${updateStatusLabel(status)}`);
  const affected = Object.keys(record.data.components).map((id) => names.get(id) ?? id);
  if (affected.length > 0) lines.push(`Affected: ${affected.join(", ")}`);
  // Each text rendered once per build (rendered-text.ts): every component's calendar repeats it.
  if (latest !== undefined) lines.push("", bodyText(latest));
  const body = bodyText(record);
  if (body !== "" && body !== (latest === undefined ? "" : bodyText(latest))) lines.push("", body);
  return lines.join("\n");
}
