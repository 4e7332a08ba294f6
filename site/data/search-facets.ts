// What the search index knows about a page besides its text: metadata shown in results (date,
// type, impact) and the filters a reader can narrow by (component, severity, year). Pagefind reads
// them from hidden elements (site/src/components/SearchFacets.astro), so labels and values never
// run together in the indexed text.
import type { BuildContext } from "./build-context.ts";
import { impactLabel } from "./bars.ts";
import type { ComponentView, IncidentView } from "./views.ts";

export interface SearchFacets {
  meta: { date?: string; type: string; impact?: string };
  filters: { component: string[]; severity: string[]; year: string[] };
}

// One formatter per zone and build: constructing an Intl.DateTimeFormat costs ~0.3 ms, which per
// page was 4.7 s of a 10,000-incident build.
const formatters = new Map<string, { day: Intl.DateTimeFormat; year: Intl.DateTimeFormat }>();

function formatFor(timeZone: string): { day: Intl.DateTimeFormat; year: Intl.DateTimeFormat } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = {
      day: new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }),
      year: new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric" }),
    };
    formatters.set(timeZone, format);
  }
  return format;
}
const DAY = (timeZone: string) => formatFor(timeZone).day;
const YEAR = (timeZone: string) => formatFor(timeZone).year;

/** "Incident", "Near miss" or "Maintenance". */
export function incidentKind(type: IncidentView["type"]): string {
  return type === "maintenance" ? "Maintenance" : type === "near_miss" ? "Near miss" : "Incident";
}

/** The severity id of an incident view ("SEV1" of "SEV1 · Critical"). */
function severityId(view: IncidentView): string[] {
  return view.severity ? [view.severity.split(" · ")[0]] : [];
}

export function incidentFacets(context: BuildContext, view: IncidentView): SearchFacets {
  const at = view.start ? new Date(view.start) : undefined;
  const date = at && DAY(context.timeZone).format(at);
  return {
    meta: {
      date,
      type: incidentKind(view.type),
      impact: view.type === "maintenance" ? undefined : impactLabel(view.impact),
    },
    filters: {
      component: view.components.map((c) => c.name),
      severity: severityId(view),
      year: at ? [yearOf(date!, at, context.timeZone)] : [],
    },
  };
}

/**
 * The year of a day as DAY wrote it ("25 Sept 2024"): its last word, the same digits the year
 * format gives in the same zone, without formatting the instant a second time (10,000 incident
 * pages; docs/decisions/0197). Anything but digits there (an era) is formatted as before.
 */
function yearOf(day: string, at: Date, timeZone: string): string {
  const year = day.slice(day.lastIndexOf(" ") + 1);
  return /^\d+$/.test(year) ? year : YEAR(timeZone).format(at);
}

/** A postmortem is found under its incident's components, severity and year. */
export function postmortemFacets(context: BuildContext, incident: IncidentView | undefined, publishedAt: string | undefined): SearchFacets {
  const base = incident ? incidentFacets(context, incident) : undefined;
  return {
    meta: {
      date: publishedAt ? DAY(context.timeZone).format(new Date(publishedAt)) : base?.meta.date,
      type: "Postmortem",
      impact: base?.meta.impact,
    },
    filters: base?.filters ?? { component: [], severity: [], year: [] },
  };
}

export function componentFacets(component: ComponentView): SearchFacets {
  return { meta: { type: "Component" }, filters: { component: [component.name], severity: [], year: [] } };
}
