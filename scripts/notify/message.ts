// What every channel says about one event, in words: title, impact, the update's text, the
// affected components with their status, and a link. Formatters only lay this out. Pure.
import { htmlToText, renderMarkdown } from "../publish/markdown.ts";
import { STATUS_LABELS, updateStatusLabel, type ComponentStatus } from "../model/vocabulary.ts";
import type { NotifyEvent } from "./new-events.ts";
import { HEADLINES } from "./headlines.ts";
import type { ApiIncident, PublishedSite } from "./published-site.ts";

export interface Message {
  event: NotifyEvent;
  /** "Elevated checkout errors", or the postmortem's title. */
  title: string;
  /** What happened, e.g. "New incident", "Incident resolved", "Maintenance started". */
  headline: string;
  /** The update's status in words, when there is an update ("Investigating"). */
  status?: string;
  /** The impact in words, e.g. "Major impact", "Planned maintenance". */
  impact?: string;
  /** The update text (or the postmortem summary) as plain text and as sanitized HTML. */
  text: string;
  html: string;
  components: { name: string; status: string }[];
  /** The incident page (or the postmortem page). */
  link: string;
  /** For maintenance: the window, as ISO times. */
  window?: { from?: string; until?: string };
  at: string;
  pageName: string;
  /** The site's own URL (footers, unsubscribe defaults). */
  siteUrl: string;
}

const IMPACT_WORDS: Record<string, string> = {
  none: "No customer impact",
  minor: "Minor impact",
  major: "Major impact",
  critical: "Critical impact",
  maintenance: "Planned maintenance",
};

export function buildMessage(event: NotifyEvent, site: PublishedSite): Message {
  const incident = event.incident;
  const base = { event, headline: HEADLINES[event.kind], at: event.at, pageName: site.page.name, siteUrl: site.page.url };
  if (event.kind === "postmortem_published" && event.postmortem) {
    const summary = event.postmortem.summary;
    return {
      ...base,
      // The feed titles its entry "Postmortem published: <incident>"; the headline already says the first part.
      title: incident?.name ?? event.postmortem.title.replace(/^postmortem(?: published)?:\s*/i, ""),
      impact: incident ? IMPACT_WORDS[incident.impact] : undefined,
      text: summary || `The postmortem${incident ? ` of "${incident.name}"` : ""} is published.`,
      html: renderMarkdown(summary || "The postmortem is published."),
      components: incident ? incident.components.map((c) => ({ name: c.name, status: label(c.status) })) : [],
      link: event.postmortem.link,
    };
  }
  const body = event.update?.body ?? "";
  const html = renderMarkdown(body);
  const maintenance = incident?.impact === "maintenance";
  return {
    ...base,
    title: incident?.name ?? "",
    status: event.update ? updateStatusLabel(event.update.status) : undefined,
    impact: incident ? (IMPACT_WORDS[incident.impact] ?? incident.impact) : undefined,
    text: htmlToText(html) || clockText(event),
    html: html || `<p>${clockText(event)}</p>`,
    components: incident ? componentsAt(incident, event.update?.id) : [],
    link: incident?.shortlink ?? site.page.url,
    window: maintenance ? { from: incident?.scheduled_for ?? undefined, until: incident?.scheduled_until ?? undefined } : undefined,
  };
}

function clockText(event: NotifyEvent): string {
  if (event.kind === "maintenance_started") return "The maintenance window has started.";
  if (event.kind === "maintenance_completed") return "The maintenance window has ended.";
  if (event.kind === "maintenance_rescheduled") return "The maintenance window has moved.";
  return "";
}

/**
 * Each component's status as of the update: the latest change at or before it, else the status
 * before the first change after it, else what the page shows at build time.
 */
export function componentsAt(incident: ApiIncident, updateId: string | undefined): { name: string; status: string }[] {
  const oldestFirst = [...incident.incident_updates].reverse();
  const index = updateId === undefined ? oldestFirst.length - 1 : oldestFirst.findIndex((u) => u.id === updateId);
  return incident.components.map((component) => {
    let status: string | undefined;
    for (let i = index; i >= 0 && status === undefined; i--) {
      status = oldestFirst[i].affected_components?.find((c) => c.code === component.id)?.new_status;
    }
    for (let i = index + 1; i < oldestFirst.length && status === undefined; i++) {
      status = oldestFirst[i].affected_components?.find((c) => c.code === component.id)?.old_status;
    }
    return { name: component.name, status: label(status ?? component.status) };
  });
}

const label = (status: string): string => STATUS_LABELS[status as ComponentStatus] ?? status;
