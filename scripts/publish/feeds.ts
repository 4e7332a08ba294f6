// RSS 2.0 and Atom 1.0 feeds of status updates: one entry per update (what Statuspage's
// history.rss/history.atom do), newest first, linking to the update on its incident page.
import { Feed } from "feed";
import type { IncidentRecord, Repository } from "../records/record-types.ts";
import type { Audience } from "../status/audience.ts";
import { publishedModel } from "../status/published-model.ts";
import { factsConcerning } from "../status/facts-by-component.ts";
import { toMillis } from "../core/time.ts";
import { updateStatusLabel } from "../model/vocabulary.ts";
import { bodyHtml, bodyText } from "./rendered-text.ts";
import { postmortemAnnouncements } from "./postmortem-announcements.ts";
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
  const feedOptions = {
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
    copyright: "",
    author: { name: xmlSafe(config.site.title), link: base },
    feedLinks: { rss: siteUrl(config, links.rss), atom: siteUrl(config, links.atom) },
  };
  type Item = Parameters<Feed["addItem"]>[0];
  const items: Item[] = [];
  for (const entry of feedEntries(incidents, options.now, options.limit)) {
    const update = entry.incident.data.updates[entry.index];
    const link = `${incidentUrl(config, entry.incident.id)}#${entry.anchor}`;
    const title = xmlSafe(`${entry.incident.data.title}: ${updateStatusLabel(update.status)}`);
    // Rendered once per build, shared with the site feed, the other component feeds and the pages.
    const html = bodyHtml(update);
    const item = {
      id: link,
      guid: link,
      link,
      date: new Date(entry.at),
      published: new Date(entry.at),
      // Both RSS <description> and Atom <summary type="html"> are read as HTML: escape the text.
      description: escapeHtml(xmlSafe(bodyText(update))),
      content: xmlSafe(html),
      category: [
        category(entry.incident.data.type === "maintenance" ? "Maintenance" : "Incident"),
        // The Statuspage API says `completed` for it: the feed is where a reader (and notify) sees the cancellation (decision 0115).
        ...(update.status === "cancelled" ? [category("Cancelled")] : []),
      ],
    };
    items.push({ ...item, title });
  }
  for (const announcement of postmortemAnnouncements(repository, options)) {
    if (!shown.has(announcement.postmortem.data.incident)) continue;
    const date = new Date(announcement.at);
    const description = escapeHtml(xmlSafe(announcement.summary));
    items.push({
      id: announcement.link,
      guid: announcement.link,
      link: announcement.link,
      date,
      published: date,
      title: xmlSafe(announcement.title),
      description,
      content: `<p>${description}</p>`,
      category: [category("Postmortem")],
    });
  }
  // Newest first, at most the limit, announcements among the updates by date.
  items.sort((a, b) => b.date.getTime() - a.date.getTime());
  const rss = new Feed(feedOptions);
  const atom = new Feed(feedOptions);
  for (const item of items.slice(0, options.limit ?? DEFAULT_FEED_ENTRIES)) {
    // An RSS <title> is plain text; feed writes Atom titles as type="html", so escape those.
    rss.addItem(item);
    atom.addItem({ ...item, title: escapeHtml(item.title) });
  }
  return { rss: rss.rss2(), atom: atom.atom1() };
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
