// The status page and the incident archive, reshaped from the published model.
import { activeIncidents, activeMaintenance, byStartDescending, upcomingMaintenance } from "../../../scripts/status/current-status.ts";
import { localDate } from "../../../scripts/status/time-zone.ts";
import type { IncidentFacts } from "../../../scripts/model/incident-facts.ts";
import { STATUS_LABELS, worstStatus, type ComponentStatus, type Indicator } from "../../../scripts/model/vocabulary.ts";
import type { BuildContext } from "../build-context.ts";
import { componentViews, type ComponentView } from "./component-view.ts";
import { derive, perBuild, type Derived } from "./derive.ts";
import { summarize, type IncidentSummary } from "./incident-view.ts";

/** How far back the status page lists incidents. */
export const RECENT_INCIDENT_DAYS = 7;

export interface StatusView {
  title: string;
  /** The document title (the layout adds the site's name): the status, so a tab and a shared link say it ("Minor Service Outage · Lumen Status"). */
  pageTitle: string;
  description: string | undefined;
  now: string;
  indicator: Indicator;
  indicatorDescription: string;
  /** Groups in config order, each with the worst status of its components. */
  groups: GroupView[];
  activeIncidents: IncidentSummary[];
  activeMaintenance: IncidentSummary[];
  upcomingMaintenance: IncidentSummary[];
  /** Incidents over that started or ended in the last 7 days, newest first (open ones are under active incidents, once). */
  recentIncidents: IncidentSummary[];
}

export interface GroupView {
  name: string;
  status: ComponentStatus;
  statusLabel: string;
  components: ComponentView[];
}

/** Incidents (not maintenance) over, that started or ended in the last RECENT_INCIDENT_DAYS days; open ones are listed above. */
function isRecent(fact: IncidentFacts, since: number): boolean {
  if (fact.record.data.type === "maintenance" || fact.phase === "open") return false;
  return (fact.start ?? -Infinity) >= since || (fact.end ?? -Infinity) >= since;
}

/**
 * The status page's view, made once per build: every page's link-preview tags (ShareMeta) read
 * its indicator, and rebuilding it per page filtered and sorted every record 5,550 times.
 */
export function statusView(context: BuildContext): StatusView {
  return statusCache(derive(context));
}

const statusCache = perBuild((derived: Derived): StatusView => {
  const { model, context } = derived;
  const { repository, now } = context;
  const groups: GroupView[] = [];
  for (const component of componentViews(context).values()) {
    let group = groups.find((g) => g.name === component.group);
    if (!group) groups.push((group = { name: component.group, status: "operational", statusLabel: "", components: [] }));
    group.components.push(component);
  }
  for (const group of groups) {
    group.status = worstStatus(group.components.map((c) => c.status));
    group.statusLabel = STATUS_LABELS[group.status];
  }
  const since = now.getTime() - RECENT_INCIDENT_DAYS * 86_400_000;
  const summary = (f: IncidentFacts) => summarize(f, derived);
  return {
    title: repository.config.site.title,
    pageTitle: model.overall.description,
    description: repository.config.site.description,
    now: now.toISOString(),
    indicator: model.overall.indicator,
    indicatorDescription: model.overall.description,
    groups,
    activeIncidents: activeIncidents(model.facts).map(summary),
    activeMaintenance: activeMaintenance(model.facts).map(summary),
    upcomingMaintenance: upcomingMaintenance(model.facts).map(summary),
    recentIncidents: model.facts
      .filter((f) => isRecent(f, since))
      .sort(byStartDescending)
      .map(summary),
  };
});

export interface MonthView {
  /** YYYY-MM in the site's time zone. */
  month: string;
  label: string;
  incidents: IncidentSummary[];
}

/** The archive: one page per month that has records, newest first. */
export function archiveMonths(context: BuildContext): MonthView[] {
  return monthCache(derive(context));
}

const monthCache = perBuild((derived: Derived): MonthView[] => {
  const { context } = derived;
  const months = new Map<string, IncidentFacts[]>();
  for (const fact of derived.model.facts) {
    if (fact.start === undefined) continue;
    const month = localDate(fact.start, context.timeZone).slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(fact);
    months.set(month, list);
  }
  const label = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return [...months.keys()]
    .sort()
    .reverse()
    .map((month) => ({
      month,
      label: label.format(new Date(`${month}-01T12:00:00Z`)),
      incidents: months
        .get(month)!
        .sort(byStartDescending)
        .map((f) => summarize(f, derived)),
    }));
});
