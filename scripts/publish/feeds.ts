// RSS 2.0 and Atom 1.0 feeds of status updates: one entry per update (what Statuspage's
// history.rss/history.atom do), newest first, linking to the update on its incident page.
// Written by feed-xml.ts, each entry once per build (decision 0184).
import type { IncidentRecord, Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { publishedModel, type PublishedModel } from "../status/published-model.ts";
import { factsConcerning } from "../status/facts-by-component.ts";
import { toMillis } from "../core/time.ts";
import { updateStatusLabel } from "../model/vocabulary.ts";
import { bodyHtml, bodyText } from "./rendered-text.ts";
import { postmortemAnnouncements, type PostmortemAnnouncement } from "./postmortem-announcements.ts";
import { atomDocument, entryXml, rssDocument, type FeedEntryXml, type FeedHead } from "./feed-xml.ts";
import { componentFilePaths, componentUrl, incidentUrl, PUBLISHED_PATHS, siteBase, siteUrl, updateAnchors } from "./site-url.ts";

/** Feed readers want recent news and many cap a feed's size; the archive has the rest. */
export const DEFAULT_FEED_ENTRIES = 250;

export interface FeedEntry {
  incident: IncidentRecord;
  /** Index of the update in the record. */
  index: number;
  at: number;
  anchor: string;
}

/** Every update posted by `now`, newest first, at most `limit`. */
export function feedEntries(incidents: IncidentRecord[], now: Date, limit = DEFAULT_FEED_ENTRIES): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const incident of incidents) {
    const anchors = updateAnchors(incident.data.updates);
    incident.data.updates.forEach((update, index) => {
      const at = toMillis(update.at);
      if (at !== undefined && at <= now.getTime()) entries.push({ incident, index, at, anchor: anchors[index] });
    });
  }
  entries.sort((a, b) => b.at - a.at || a.incident.id.localeCompare(b.incident.id) || b.index - a.index);
  return entries.slice(0, limit);
}

export function buildFeeds(
  repository: Repository,
  options: { audience: Audience; now: Date; limit?: number /** Only what touched this component (its own feed). */; componentId?: string },
): { rss: string; atom: string } {
  const { config } = repository;
  const base = siteBase(config);
  const component = config.components.find((c) => c.id === options.componentId);
  const links = component ? componentFilePaths(component.id) : PUBLISHED_PATHS;
  const model = publishedModel(repository, options.audience, options.now);
  // A component's records from the model's index, in the model's order (not a scan per feed).
  const incidents = component ? factsConcerning(model, component.id).map((f) => f.record) : model.incidents;
  const shown = new Set(incidents.map((i) => i.id));
  const head: FeedHead = {
    id: component ? componentUrl(config, component.id) : base,
    title: xmlSafe(component ? `${config.site.title}: ${component.name}` : config.site.title),
    description: xmlSafe(
      component
        ? `Status updates from ${config.site.title} that affect ${component.name}`
        : (config.site.description ?? `Status updates from ${config.site.title}`),
    ),
    link: component ? componentUrl(config, component.id) : base,
    language: "en",
    updated: options.now,
    generator: "sitrep",
    author: { name: xmlSafe(config.site.title), link: base },
    feedLinks: { rss: siteUrl(config, links.rss), atom: siteUrl(config, links.atom) },
  };
  // Each entry's XML is made once per build and shared by the site's feed and every component's.
  const made = entryCache(model);
  const items: FeedEntryXml[] = [];
  for (const entry of feedEntries(incidents, options.now, options.limit)) {
    const link = `${incidentUrl(config, entry.incident.id)}#${entry.anchor}`;
    let xml = made.get(link);
    if (xml === undefined) made.set(link, (xml = updateXml(entry, link)));
    items.push(xml);
  }
  for (const announcement of postmortemAnnouncements(repository, options)) {
    if (!shown.has(announcement.postmortem.data.incident)) continue;
    let xml = made.get(announcement.link);
    if (xml === undefined) made.set(announcement.link, (xml = announcementXml(announcement)));
    items.push(xml);
  }
  // Newest first, at most the limit, announcements among the updates by date (a stable sort:
  // entries of the same time keep the order above).
  items.sort((a, b) => b.date - a.date);
  const listed = items.slice(0, options.limit ?? DEFAULT_FEED_ENTRIES);
  return { rss: rssDocument(head, listed), atom: atomDocument(head, listed) };
}

const entryCaches = new WeakMap<PublishedModel, Map<string, FeedEntryXml>>();

/** Entries' XML by link (an update's link has its #anchor, a postmortem's none), per published model. */
function entryCache(model: PublishedModel): Map<string, FeedEntryXml> {
  let made = entryCaches.get(model);
  if (made === undefined) entryCaches.set(model, (made = new Map()));
  return made;
}

function updateXml(entry: FeedEntry, link: string): FeedEntryXml {
  const update = entry.incident.data.updates[entry.index];
  const title = xmlSafe(`${entry.incident.data.title}: ${updateStatusLabel(update.status)}`);
  return entryXml({
    id: link,
    link,
    title,
    // An RSS <title> is plain text; Atom titles are type="html", so escape those.
    atomTitle: escapeHtml(title),
    date: new Date(entry.at),
    // Both RSS <description> and Atom <summary type="html"> are read as HTML: escape the text.
    // The HTML is rendered once per build, shared with the pages (rendered-text.ts).
    description: escapeHtml(xmlSafe(bodyText(update))),
    content: xmlSafe(bodyHtml(update)),
    category: [
      category(entry.incident.data.type === "maintenance" ? "Maintenance" : "Incident"),
      // The Statuspage API says `completed` for it: the feed is where a reader (and notify) sees the cancellation (decision 0115).
      ...(update.status === "cancelled" ? [category("Cancelled")] : []),
    ],
  });
}

function announcementXml(announcement: PostmortemAnnouncement): FeedEntryXml {
  const description = escapeHtml(xmlSafe(announcement.summary));
  const title = xmlSafe(announcement.title);
  return entryXml({
    id: announcement.link,
    link: announcement.link,
    title,
    atomTitle: escapeHtml(title),
    date: new Date(announcement.at),
    description,
    content: `<p>${description}</p>`,
    category: [category("Postmortem")],
  });
}

/** RSS uses the name as the element text; Atom requires `term` (RFC 4287 §4.2.2) and shows `label`. */
function category(name: string): { name: string; term: string } {
  return { name, term: name.toLowerCase() };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Removes characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return). */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}
