// An incident or maintenance as pages show it: a summary for lists and cards, and the full view
// for its own page. Facts come from the model; this only reshapes them.
import type { IncidentRecord, PostmortemRecord } from "../../../scripts/records/record-types.ts";
import { customerImpactMinutes, impactShown, type IncidentFacts, type Phase } from "../../../scripts/model/incident-facts.ts";
import { formatDuration } from "../../../scripts/model/duration.ts";
import { STATUS_LABELS, statusLabel, statusRank, type ComponentStatus, type Indicator } from "../../../scripts/model/vocabulary.ts";
import { updateAnchors } from "../../../scripts/publish/site-url.ts";
import { toMillis } from "../../../scripts/core/time.ts";
import { bodyHtml } from "../render-markdown.ts";
import type { BuildContext } from "../build-context.ts";
import { derive, perBuild, type Derived } from "./derive.ts";

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
  /** Planned (maintenance to come), open, or over. */
  phase: Phase;
  /** When the story starts (started_at, or scheduled_start for maintenance). */
  start: string | undefined;
  end: string | undefined;
  /** Maintenance: the planned end of the window. */
  scheduledEnd: string | undefined;
  /** Minutes from start to resolution (or to the end of the window); undefined while open or planned. */
  durationMinutes: number | undefined;
  /** "2 h 5 min"; "Ongoing" while open; "Planned for 4 h" before a maintenance starts. */
  durationText: string;
  /**
   * Open: each component's impact from this record now (operational once recovered). Planned:
   * the impact announced, labelled as planned. Over: the worst impact each component had.
   */
  components: { id: string; name: string; status: ComponentStatus; statusLabel: string }[];
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
  /** "36 min": how long customers were affected, when that differs from the duration (an incident over). */
  customerImpact: string | undefined;
  /** The severity's id alone ("SEV1"), for the searchable line where the impact follows in words. */
  severityId: string | undefined;
  postmortem: { id: string; title: string } | undefined;
  /** Internal build only (undefined in the public build, so a page cannot show it by mistake). */
  internalDetails:
    | {
        timeline: { at: string; event: string }[];
        roles: { role: string; person: string }[];
        runbooks: { id: string; title: string }[];
        milestones: { label: string; at: string }[];
      }
    | undefined;
}

/**
 * Each incident's page asks for its postmortem and (internal build) its runbooks' titles: looked
 * up in maps made once per build, not by a walk over every postmortem and a map of the runbooks
 * per page (docs/decisions/0197). The first postmortem of an incident, as `find` gave.
 */
const postmortemsByIncident = perBuild((derived) => {
  const byIncident = new Map<string, PostmortemRecord>();
  for (const p of derived.model.postmortems) if (!byIncident.has(p.data.incident)) byIncident.set(p.data.incident, p);
  return byIncident;
});
const runbookTitles = perBuild((derived) => new Map(derived.context.repository.runbooks.map((r) => [r.id, r.data.title])));

/** The response milestones the internal build lists, in this order: "Started" for started_at. */
const MILESTONES = (["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const).map((key) => ({
  key,
  label: key.replace("_at", "").replace(/^./, (c) => c.toUpperCase()),
}));

/** Rendered updates by `<incident id>#<index>`: the latest update appears on several pages. */
const updateCache = perBuild(() => new Map<string, UpdateView>());
/** Summaries are shown on several pages (status, archive, component history); made once each. */
const summaryCache = perBuild(() => new Map<string, IncidentSummary>());

function updateView(incident: IncidentRecord, index: number, anchors: readonly string[], derived: Derived): UpdateView {
  const key = `${incident.id}#${index}`;
  const updates = updateCache(derived);
  let view = updates.get(key);
  if (!view) updates.set(key, (view = renderUpdate(incident.data.updates[index], anchors[index], derived.componentNames)));
  return view;
}

function renderUpdate(update: IncidentRecord["data"]["updates"][number], anchor: string, names: Map<string, string>): UpdateView {
  return {
    anchor,
    at: update.at,
    status: update.status,
    statusLabel: statusLabel(update.status),
    bodyHtml: bodyHtml(update),
    componentChanges: Object.entries(update.components ?? {}).map(([id, status]) => `${names.get(id) ?? id}: ${statusLabel(status)}`),
  };
}

function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

export function summarize(fact: IncidentFacts, derived: Derived): IncidentSummary {
  const summaries = summaryCache(derived);
  let summary = summaries.get(fact.id);
  if (!summary) summaries.set(fact.id, (summary = makeSummary(fact, derived)));
  return summary;
}

/**
 * The components a summary lists, with the status that is true for its phase (see IncidentSummary).
 * An open record lists the components still affected first, worst first; recovered ones last.
 */
export function componentList(fact: IncidentFacts, names: Map<string, string>): IncidentSummary["components"] {
  const entry = (id: string, status: ComponentStatus, label = STATUS_LABELS[status]) => ({
    id,
    name: names.get(id) ?? id,
    status,
    statusLabel: label,
  });
  if (fact.phase === "open") {
    const ids = new Set([...Object.keys(fact.worstImpact), ...fact.touched]);
    return [...ids]
      .map((id) => entry(id, fact.currentImpact[id] ?? "operational"))
      .sort((a, b) => statusRank(b.status) - statusRank(a.status));
  }
  if (fact.phase === "planned") {
    return Object.entries(fact.worstImpact).map(([id, status]) => entry(id, status, `planned: ${STATUS_LABELS[status].toLowerCase()}`));
  }
  return Object.entries(fact.worstImpact).map(([id, status]) => entry(id, status));
}

function durationText(fact: IncidentFacts, minutes: number | undefined): string {
  if (fact.phase === "open") return "Ongoing";
  // Called off before the work began (decision 0115): there was no window to measure.
  if (fact.status === "cancelled") return "None: cancelled before it began";
  if (fact.phase === "planned") {
    const end = toMillis(fact.record.data.scheduled_end);
    return fact.start !== undefined && end !== undefined && end > fact.start
      ? `Planned for ${formatDuration((end - fact.start) / 60_000)}`
      : "Planned";
  }
  return minutes === undefined ? "Unknown" : formatDuration(minutes);
}

function makeSummary(fact: IncidentFacts, derived: Derived): IncidentSummary {
  const { record, start, end } = fact;
  const data = record.data;
  const anchors = updateAnchors(data.updates);
  const last = data.updates.at(-1);
  const durationMinutes = start !== undefined && end !== undefined ? Math.max(0, (end - start) / 60_000) : undefined;
  return {
    id: record.id,
    title: data.title,
    type: data.type,
    // In words on cards and lists: never "no impact" beside an affected component.
    impact: impactShown(fact),
    status: fact.status,
    statusLabel: statusLabel(fact.status),
    phase: fact.phase,
    start: iso(start),
    end: iso(end),
    scheduledEnd: data.scheduled_end,
    durationMinutes,
    durationText: durationText(fact, durationMinutes),
    components: componentList(fact, derived.componentNames),
    latestUpdate: last ? updateView(record, data.updates.length - 1, anchors, derived) : undefined,
    internal: data.visibility === "internal",
    drill: data.drill,
  };
}

export function incidentIds(context: BuildContext): string[] {
  return derive(context).model.incidents.map((i) => i.id);
}

export function incidentView(context: BuildContext, id: string): IncidentView {
  const derived = derive(context);
  const fact = derived.model.byId.get(id);
  if (!fact) throw new Error(`No incident ${id} in this build.`);
  const incident = fact.record;
  const data = incident.data;
  const anchors = updateAnchors(data.updates);
  const postmortem = postmortemsByIncident(derived).get(id);
  const internal = context.audience === "internal";
  return {
    ...summarize(fact, derived),
    severity: data.severity
      ? `${data.severity} · ${context.repository.config.severities.find((s) => s.id === data.severity)?.name ?? ""}`.replace(/ · $/, "")
      : undefined,
    descriptionHtml: bodyHtml(incident),
    updates: data.updates.map((_, i) => updateView(incident, i, anchors, derived)).reverse(),
    scheduledStart: data.scheduled_start,
    scheduledEnd: data.scheduled_end,
    customerImpact: impactText(fact),
    severityId: data.severity,
    postmortem: postmortem ? { id: postmortem.id, title: postmortemTitle(postmortem, data.title) } : undefined,
    internalDetails: internal
      ? {
          timeline: data.timeline.map((t) => ({ at: t.at, event: t.event })),
          roles: Object.entries(data.roles ?? {})
            .filter(([, p]) => p)
            .map(([role, person]) => ({ role: role.replace("_", " "), person: person as string })),
          runbooks: data.runbooks.map((r) => ({ id: r, title: runbookTitles(derived).get(r) ?? r })),
          milestones: MILESTONES.filter(({ key }) => data[key] !== undefined).map(({ key, label }) => ({ label, at: data[key] as string })),
        }
      : undefined,
  };
}

function impactText(fact: IncidentFacts): string | undefined {
  if (fact.phase !== "over" || fact.record.data.type === "maintenance") return undefined;
  const minutes = customerImpactMinutes(fact);
  const lasted = fact.start !== undefined && fact.end !== undefined ? (fact.end - fact.start) / 60_000 : undefined;
  return minutes === undefined || (lasted !== undefined && Math.round(minutes) === Math.round(lasted))
    ? undefined
    : formatDuration(minutes);
}

export function postmortemTitle(postmortem: PostmortemRecord, incidentTitle: string): string {
  void postmortem;
  return `Postmortem: ${incidentTitle}`;
}
