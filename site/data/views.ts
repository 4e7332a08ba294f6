// What each page shows, as plain data: the status model (scripts/status) applied to the records
// visible to this build's audience. Pages only render these; they never filter or compute.
// Runs in plain Node beside build-context.ts (see the note there).
import type { IncidentRecord, PostmortemRecord, RunbookRecord } from "../../scripts/records/model.ts";
import { incidentsFor, postmortemsFor } from "../../scripts/status/audience.ts";
import { STATUS_LABELS, statusRank, type ComponentStatus, type ImpactStatus } from "../../scripts/status/component-status.ts";
import {
  activeIncidents, activeMaintenance, componentStates, incidentImpact, overallStatus, startOf, upcomingMaintenance, type Indicator,
} from "../../scripts/status/current-status.ts";
import { dailyImpact, type DayImpact } from "../../scripts/status/daily-impact.ts";
import { impactWindows, type ImpactWindow } from "../../scripts/status/impact-windows.ts";
import { localDate } from "../../scripts/status/time-zone.ts";
import { UPDATE_STATUS_LABELS } from "../../scripts/status/update-status.ts";
import { formatUptime, uptimePercent } from "../../scripts/status/uptime.ts";
import { updateAnchors } from "../../scripts/publish/site-url.ts";
import { RECENT_DAYS } from "./bars.ts";
import { renderMarkdown } from "./markdown.ts";
import type { BuildContext } from "./build-context.ts";

export const BAR_DAYS = 90;

export interface UpdateView {
  /** The update's fragment on its incident page; feeds link to it (scripts/publish/site-url.ts). */
  anchor: string;
  at: string;
  status: string;
  statusLabel: string;
  bodyHtml: string;
  /** Component changes this update announced, e.g. "Checkout API: Operational". */
  componentChanges: string[];
}

export interface IncidentSummary {
  id: string;
  title: string;
  type: "incident" | "near_miss" | "maintenance";
  impact: Indicator;
  status: string;
  statusLabel: string;
  /** When the story starts (started_at, or scheduled_start for maintenance). */
  start: string | undefined;
  end: string | undefined;
  /** Maintenance: the planned end of the window. */
  scheduledEnd: string | undefined;
  /** Minutes from start to resolution (or to the end of the window); undefined while open. */
  durationMinutes: number | undefined;
  components: { id: string; name: string; status: ImpactStatus; statusLabel: string }[];
  latestUpdate: UpdateView | undefined;
  internal: boolean;
  drill: boolean;
}

export interface IncidentView extends IncidentSummary {
  severity: string | undefined;
  descriptionHtml: string;
  /** Newest first, as status pages show them. */
  updates: UpdateView[];
  scheduledStart: string | undefined;
  postmortem: { id: string; title: string } | undefined;
  /** Internal build only (undefined in the public build, so a page cannot show it by mistake). */
  internalDetails: {
    timeline: { at: string; event: string }[];
    roles: { role: string; person: string }[];
    runbooks: { id: string; title: string }[];
    milestones: { label: string; at: string }[];
  } | undefined;
}

export interface DayView {
  date: string;
  status: ComponentStatus;
  /** Whole minutes per impact, only impacts that happened. */
  minutes: { status: ImpactStatus; label: string; minutes: number }[];
  incidents: { id: string; title: string }[];
}

export interface ComponentView {
  id: string;
  name: string;
  group: string;
  description: string | undefined;
  status: ComponentStatus;
  statusLabel: string;
  uptime: string;
  /** Uptime over the last RECENT_DAYS days (site/data/bars.ts), shown beside the bars on narrow screens. */
  recentUptime: string;
  days: DayView[];
  /** One sentence summarising the bars, for screen readers and as the bars' text alternative. */
  barsSummary: string;
  activeIncidentIds: string[];
}

export interface StatusView {
  title: string;
  description: string | undefined;
  now: string;
  indicator: Indicator;
  indicatorDescription: string;
  groups: { name: string; components: ComponentView[] }[];
  activeIncidents: IncidentSummary[];
  activeMaintenance: IncidentSummary[];
  upcomingMaintenance: IncidentSummary[];
  /** Incidents of the last 7 days that are over, newest first. */
  recentIncidents: IncidentSummary[];
}

/** Words for an update or component status. */
export function statusLabel(status: string): string {
  return UPDATE_STATUS_LABELS[status] ?? STATUS_LABELS[status as ComponentStatus] ?? status;
}

/** Everything derived once per build, shared by every page. */
interface Derived {
  incidents: IncidentRecord[];
  byId: Map<string, IncidentRecord>;
  postmortems: PostmortemRecord[];
  windows: ImpactWindow[];
  windowsByIncident: Map<string, ImpactWindow[]>;
  components: Map<string, ComponentView>;
  componentNames: Map<string, string>;
  /** Summaries are shown on several pages (status, archive, component history); made once each. */
  summaries: Map<string, IncidentSummary>;
  /** Rendered updates by `<incident id>#<index>`: the latest update appears on several pages. */
  updates: Map<string, UpdateView>;
  months?: MonthView[];
}

const derivedCache = new WeakMap<BuildContext, Derived>();

function derive(context: BuildContext): Derived {
  const cached = derivedCache.get(context);
  if (cached) return cached;
  const { repository, now, audience, timeZone } = context;
  const incidents = incidentsFor(repository, audience);
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const windowsByIncident = new Map<string, ImpactWindow[]>();
  const windows: ImpactWindow[] = [];
  for (const incident of incidents) {
    const own = impactWindows(incident, now);
    windowsByIncident.set(incident.id, own);
    windows.push(...own);
  }
  const componentNames = new Map(repository.config.components.map((c) => [c.id, c.name]));
  const states = componentStates(repository.config, incidents, now);
  // Only windows that reach into the bar period matter for the bars.
  const barStart = now.getTime() - (BAR_DAYS + 2) * 86_400_000;
  const recentWindows = windows.filter((w) => w.end === null || w.end > barStart);
  const components = new Map<string, ComponentView>();
  for (const state of states) {
    const days = dailyImpact(state.id, recentWindows, now, { days: BAR_DAYS, timeZone });
    const uptime = formatUptime(uptimePercent(days, now));
    const dayViews = days.map((day) => dayView(day, byId));
    components.set(state.id, {
      id: state.id,
      name: state.name,
      group: state.group ?? "Components",
      description: state.description,
      status: state.status,
      statusLabel: STATUS_LABELS[state.status],
      uptime,
      recentUptime: formatUptime(uptimePercent(days.slice(-RECENT_DAYS), now)),
      days: dayViews,
      barsSummary: barsSummary(state.name, uptime, dayViews),
      activeIncidentIds: state.incidentIds,
    });
  }
  const derived: Derived = {
    incidents, byId, postmortems: postmortemsFor(repository, audience), windows, windowsByIncident, components, componentNames,
    summaries: new Map(),
    updates: new Map(),
  };
  derivedCache.set(context, derived);
  return derived;
}

function dayView(day: DayImpact, byId: Map<string, IncidentRecord>): DayView {
  const minutes = (Object.entries(day.minutes) as [ImpactStatus, number][])
    .filter(([, m]) => m > 0)
    .map(([status, m]) => ({ status, label: STATUS_LABELS[status], minutes: Math.max(1, Math.round(m)) }));
  return {
    date: day.date,
    status: day.status,
    minutes,
    incidents: day.incidentIds.map((id) => ({ id, title: byId.get(id)?.data.title ?? id })),
  };
}

const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

function barsSummary(name: string, uptime: string, days: DayView[]): string {
  const impacted = days.filter((d) => d.status !== "operational");
  const head = `${name}, last ${days.length} days: ${uptime} % uptime`;
  if (impacted.length === 0) return `${head}, no impact on any day.`;
  const list = impacted.map((d) => `${DAY_LABEL.format(new Date(`${d.date}T12:00:00Z`))}: ${d.minutes.map((m) => `${m.label.toLowerCase()} ${formatMinutes(m.minutes)}`).join(", ")}`);
  return `${head}; ${impacted.length} day${impacted.length === 1 ? "" : "s"} with impact: ${list.join("; ")}.`;
}

/** "45 min", "2 h 5 min", "3 d 4 h". */
export function formatMinutes(total: number): string {
  const minutes = Math.round(total);
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}

function updateView(incident: IncidentRecord, index: number, anchors: string[], derived: Derived): UpdateView {
  const key = `${incident.id}#${index}`;
  let view = derived.updates.get(key);
  if (!view) derived.updates.set(key, (view = renderUpdate(incident.data.updates[index], anchors[index], derived.componentNames)));
  return view;
}

function renderUpdate(update: IncidentRecord["data"]["updates"][number], anchor: string, names: Map<string, string>): UpdateView {
  return {
    anchor,
    at: update.at,
    status: update.status,
    statusLabel: statusLabel(update.status),
    bodyHtml: renderMarkdown(update.body),
    componentChanges: Object.entries(update.components ?? {}).map(([id, status]) => `${names.get(id) ?? id}: ${statusLabel(status)}`),
  };
}

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

function summarize(incident: IncidentRecord, context: BuildContext, derived: Derived): IncidentSummary {
  let summary = derived.summaries.get(incident.id);
  if (!summary) derived.summaries.set(incident.id, (summary = makeSummary(incident, context, derived)));
  return summary;
}

function makeSummary(incident: IncidentRecord, context: BuildContext, derived: Derived): IncidentSummary {
  const data = incident.data;
  const start = startOf(incident);
  const endTime = data.type === "maintenance"
    ? (data.updates.find((u) => u.status === "completed")?.at ?? (data.status === "completed" ? data.scheduled_end : undefined))
    : data.resolved_at;
  const end = endTime === undefined ? undefined : Date.parse(endTime);
  // Affected components: the worst impact each had in this record (windows), else the declared map.
  const worst = new Map<string, ImpactStatus>();
  for (const w of derived.windowsByIncident.get(incident.id) ?? []) {
    const seen = worst.get(w.componentId);
    if (seen === undefined || statusRank(w.status) > statusRank(seen)) worst.set(w.componentId, w.status);
  }
  for (const [id, status] of Object.entries(data.components)) if (!worst.has(id)) worst.set(id, status);
  const anchors = updateAnchors(data.updates);
  const last = data.updates.at(-1);
  return {
    id: incident.id,
    title: data.title,
    type: data.type,
    impact: incidentImpact(incident, context.repository.config),
    status: data.status,
    statusLabel: statusLabel(data.status),
    start: iso(start),
    end: iso(end),
    scheduledEnd: data.scheduled_end,
    durationMinutes: start !== undefined && end !== undefined ? Math.max(0, (end - start) / 60_000) : undefined,
    components: [...worst].map(([id, status]) => ({ id, name: derived.componentNames.get(id) ?? id, status, statusLabel: STATUS_LABELS[status] })),
    latestUpdate: last ? updateView(incident, data.updates.length - 1, anchors, derived) : undefined,
    internal: data.visibility === "internal",
    drill: data.drill,
  };
}

export function statusView(context: BuildContext): StatusView {
  const derived = derive(context);
  const { repository, now } = context;
  const states = [...derived.components.values()];
  const overall = overallStatus(
    componentStates(repository.config, derived.incidents, now), derived.incidents, repository.config, now,
  );
  const groups: { name: string; components: ComponentView[] }[] = [];
  for (const component of states) {
    let group = groups.find((g) => g.name === component.group);
    if (!group) groups.push((group = { name: component.group, components: [] }));
    group.components.push(component);
  }
  const weekAgo = now.getTime() - 7 * 86_400_000;
  const recent = derived.incidents
    .filter((i) => i.data.type !== "maintenance" && i.data.status === "resolved")
    .filter((i) => (Date.parse(i.data.resolved_at ?? "") || 0) >= weekAgo)
    .sort((a, b) => (startOf(b) ?? 0) - (startOf(a) ?? 0));
  const summary = (i: IncidentRecord) => summarize(i, context, derived);
  return {
    title: repository.config.site.title,
    description: repository.config.site.description,
    now: now.toISOString(),
    indicator: overall.indicator,
    indicatorDescription: overall.description,
    groups,
    activeIncidents: activeIncidents(derived.incidents, now).map(summary),
    activeMaintenance: activeMaintenance(derived.incidents, now).map(summary),
    upcomingMaintenance: upcomingMaintenance(derived.incidents, now).map(summary),
    recentIncidents: recent.map(summary),
  };
}

export function incidentIds(context: BuildContext): string[] {
  return derive(context).incidents.map((i) => i.id);
}

export function incidentView(context: BuildContext, id: string): IncidentView {
  const derived = derive(context);
  const incident = derived.byId.get(id);
  if (!incident) throw new Error(`No incident ${id} in this build.`);
  const data = incident.data;
  const anchors = updateAnchors(data.updates);
  const postmortem = derived.postmortems.find((p) => p.data.incident === id);
  const internal = context.audience === "internal";
  const runbookTitles = new Map(context.repository.runbooks.map((r) => [r.id, r.data.title]));
  const milestones = (["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const)
    .filter((key) => data[key] !== undefined)
    .map((key) => ({ label: key.replace("_at", "").replace(/^./, (c) => c.toUpperCase()), at: data[key] as string }));
  return {
    ...summarize(incident, context, derived),
    severity: data.severity
      ? `${data.severity} · ${context.repository.config.severities.find((s) => s.id === data.severity)?.name ?? ""}`.replace(/ · $/, "")
      : undefined,
    descriptionHtml: renderMarkdown(incident.body),
    updates: data.updates.map((_, i) => updateView(incident, i, anchors, derived)).reverse(),
    scheduledStart: data.scheduled_start,
    scheduledEnd: data.scheduled_end,
    postmortem: postmortem ? { id: postmortem.id, title: postmortemTitle(postmortem, data.title) } : undefined,
    internalDetails: internal
      ? {
          timeline: data.timeline.map((t) => ({ at: t.at, event: t.event })),
          roles: Object.entries(data.roles ?? {}).filter(([, p]) => p).map(([role, person]) => ({ role: role.replace("_", " "), person: person as string })),
          runbooks: data.runbooks.map((r) => ({ id: r, title: runbookTitles.get(r) ?? r })),
          milestones,
        }
      : undefined,
  };
}

function postmortemTitle(postmortem: PostmortemRecord, incidentTitle: string): string {
  void postmortem;
  return `Postmortem: ${incidentTitle}`;
}

export interface MonthView {
  /** YYYY-MM in the site's time zone. */
  month: string;
  label: string;
  incidents: IncidentSummary[];
}

/** The archive: one page per month that has records, newest first. */
export function archiveMonths(context: BuildContext): MonthView[] {
  const derived = derive(context);
  if (derived.months) return derived.months;
  const months = new Map<string, IncidentRecord[]>();
  for (const incident of derived.incidents) {
    const start = startOf(incident);
    if (start === undefined) continue;
    const month = localDate(start, context.timeZone).slice(0, 7);
    const list = months.get(month) ?? [];
    list.push(incident);
    months.set(month, list);
  }
  const label = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return (derived.months = [...months.keys()].sort().reverse().map((month) => ({
    month,
    label: label.format(new Date(`${month}-01T12:00:00Z`)),
    incidents: months.get(month)!
      .sort((a, b) => (startOf(b) ?? 0) - (startOf(a) ?? 0) || a.id.localeCompare(b.id))
      .map((i) => summarize(i, context, derived)),
  })));
}

export function componentIds(context: BuildContext): string[] {
  return context.repository.config.components.map((c) => c.id);
}

export interface ComponentPageView {
  component: ComponentView;
  /** Every record that affected the component, newest first. */
  history: IncidentSummary[];
}

export function componentView(context: BuildContext, id: string): ComponentPageView {
  const derived = derive(context);
  const component = derived.components.get(id);
  if (!component) throw new Error(`No component ${id} in the config.`);
  const affecting = new Set(derived.windows.filter((w) => w.componentId === id).map((w) => w.incidentId));
  for (const incident of derived.incidents) if (incident.data.components[id] !== undefined) affecting.add(incident.id);
  const history = derived.incidents
    .filter((i) => affecting.has(i.id))
    .sort((a, b) => (startOf(b) ?? 0) - (startOf(a) ?? 0))
    .map((i) => summarize(i, context, derived));
  return { component, history };
}

export interface PostmortemView {
  id: string;
  title: string;
  incident: { id: string; title: string } | undefined;
  status: string;
  publishedAt: string | undefined;
  bodyHtml: string;
  internal: boolean;
  /** Internal build only. */
  authors: string[] | undefined;
  actionItems: ActionItemView[] | undefined;
}

export interface ActionItemView {
  key: string;
  postmortemId: string;
  id: string;
  title: string;
  owner: string;
  priority: string;
  kind: string;
  due: string;
  status: string;
  overdue: boolean;
  issue: number | undefined;
}

export function postmortemIds(context: BuildContext): string[] {
  return derive(context).postmortems.map((p) => p.id);
}

export function postmortemView(context: BuildContext, id: string): PostmortemView {
  const derived = derive(context);
  const postmortem = derived.postmortems.find((p) => p.id === id);
  if (!postmortem) throw new Error(`No postmortem ${id} in this build.`);
  const incident = derived.byId.get(postmortem.data.incident);
  const internal = context.audience === "internal";
  return {
    id,
    title: postmortemTitle(postmortem, incident?.data.title ?? postmortem.data.incident),
    incident: incident ? { id: incident.id, title: incident.data.title } : undefined,
    status: postmortem.data.status,
    publishedAt: postmortem.data.published_at,
    bodyHtml: renderMarkdown(postmortem.body),
    internal: postmortem.data.visibility === "internal",
    authors: internal ? postmortem.data.authors : undefined,
    actionItems: internal ? postmortem.data.action_items.map((item) => actionItemView(postmortem, item, context.now)) : undefined,
  };
}

function actionItemView(postmortem: PostmortemRecord, item: PostmortemRecord["data"]["action_items"][number], now: Date): ActionItemView {
  return {
    key: `${postmortem.id}/${item.id}`,
    postmortemId: postmortem.id,
    id: item.id,
    title: item.title,
    owner: item.owner,
    priority: item.priority,
    kind: item.kind,
    due: item.due,
    status: item.status,
    overdue: item.status === "open" && item.due < now.toISOString().slice(0, 10),
    issue: item.issue,
  };
}

/** Internal build: open action items across all postmortems, overdue and most urgent first. */
export function openActionItems(context: BuildContext): ActionItemView[] {
  if (context.audience !== "internal") return [];
  return context.repository.postmortems
    .flatMap((p) => p.data.action_items.filter((i) => i.status === "open").map((i) => actionItemView(p, i, context.now)))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.priority.localeCompare(b.priority));
}

export interface RunbookView {
  id: string;
  title: string;
  owner: string | undefined;
  lastReviewed: string | undefined;
  reviewDue: string | undefined;
  reviewOverdue: boolean;
  components: { id: string; name: string }[];
  alerts: string[];
  bodyHtml: string;
}

/** Internal build only: runbooks; none in the public build. */
export function runbookViews(context: BuildContext): RunbookView[] {
  if (context.audience !== "internal") return [];
  const names = new Map(context.repository.config.components.map((c) => [c.id, c.name]));
  const today = context.now.toISOString().slice(0, 10);
  return context.repository.runbooks
    .map((r: RunbookRecord) => {
      const last = r.data.last_reviewed;
      const due = last ? new Date(Date.parse(`${last}T00:00:00Z`) + r.data.review_every_days * 86_400_000).toISOString().slice(0, 10) : undefined;
      return {
        id: r.id,
        title: r.data.title,
        owner: r.data.owner,
        lastReviewed: last,
        reviewDue: due,
        reviewOverdue: due !== undefined && due < today,
        components: r.data.components.map((id) => ({ id, name: names.get(id) ?? id })),
        alerts: r.data.alerts,
        bodyHtml: renderMarkdown(r.body),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}
