// Statuspage incidents and maintenances (public v2 API, Manage API, or an export of either) →
// neutral imported incidents. Updates are sorted oldest first; a `postmortem` update (the public
// API's form of a postmortem) or `postmortem_body` (the Manage API's) becomes the postmortem;
// `affected_components` build the component maps, each update's map replacing the one before
// (only maps that change are kept). Pure: data in, data out; bad input throws a sourceError
// naming the incident.
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../model/vocabulary.ts";
import { htmlToMarkdown } from "./html-to-markdown.ts";
import type { ImportedIncident, ImportedUpdate, IsCurrent, SkippedItem, SourceComponent, SourceImpact } from "./imported.ts";
import { optionalUtcTime, sourceError, utcTime } from "./source-error.ts";

const IMPACTS: readonly string[] = ["none", "minor", "major", "critical"];
const COMPONENT_STATUSES: readonly string[] = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
];
/** With no `affected_components` anywhere, the incident's listed components get the status its impact implies. */
const STATUS_OF_IMPACT: Record<SourceImpact, string | undefined> = {
  none: undefined,
  minor: "degraded_performance",
  major: "partial_outage",
  critical: "major_outage",
};
const NO_MESSAGE = "(No message was posted with this update.)";

type Raw = Record<string, unknown>;

export interface StatuspageConversion {
  incidents: ImportedIncident[];
  skipped: SkippedItem[];
  notes: string[];
  /** Components named only by updates (deleted from the page since), added to the list. */
  components: SourceComponent[];
  current: { source: string; label: string; type: "incident" | "maintenance" }[];
}

export function convertStatuspage(
  raw: readonly unknown[],
  components: readonly SourceComponent[],
  where: string,
  isCurrent: IsCurrent = () => false,
): StatuspageConversion {
  const known = new Map(components.map((c) => [c.key, c]));
  const byName = new Map(components.map((c) => [c.name.toLowerCase(), c]));
  const extra: SourceComponent[] = [];
  const result: StatuspageConversion = { incidents: [], skipped: [], notes: [], components: [...components], current: [] };
  const seen = new Set<string>();

  const componentKey = (affected: Raw, at: string): string => {
    const code = typeof affected.code === "string" ? affected.code : undefined;
    const name = typeof affected.name === "string" ? affected.name.trim() : "";
    if (code && known.has(code)) return code;
    const named = name ? byName.get(name.toLowerCase()) : undefined;
    if (named) return named.key;
    if (!name)
      throw sourceError(
        at,
        `an affected component${code ? ` (code ${code})` : ""} has no name and is not in components.json.`,
        "Add the component to components.json, or fix its name in the export.",
      );
    const component: SourceComponent = { key: code ?? name, name };
    known.set(component.key, component);
    byName.set(name.toLowerCase(), component);
    extra.push(component);
    return component.key;
  };

  for (const item of raw) {
    const r = (item ?? {}) as Raw;
    const id = typeof r.id === "string" || typeof r.id === "number" ? String(r.id) : "";
    const title = typeof r.name === "string" ? r.name.replace(/\s+/g, " ").trim() : "";
    const at = `${where}, incident ${id || "(no id)"}${title ? ` "${title}"` : ""}`;
    if (!id)
      throw sourceError(
        at,
        "it has no `id`.",
        "Every Statuspage incident has an id: export the page again; a hand-edited file may have lost it.",
      );
    if (seen.has(id)) continue; // incidents.json and scheduled-maintenances.json both list maintenances
    seen.add(id);
    if (!title) throw sourceError(at, "it has no `name` (title).", "Give the incident a name in the export, or remove it.");
    const source = `statuspage:${id}`;
    const label = `${id} "${title}"`;
    const maintenance =
      (r.scheduled_for !== null && r.scheduled_for !== undefined) || (MAINTENANCE_STATUSES as readonly string[]).includes(String(r.status));
    const allowed: readonly string[] = maintenance ? MAINTENANCE_STATUSES : INCIDENT_STATUSES;

    const rawUpdates = Array.isArray(r.incident_updates) ? (r.incident_updates as Raw[]) : [];
    const dated = rawUpdates.map((u, i) => ({ u, at: utcTime(u?.display_at ?? u?.created_at, `${at}, update ${i + 1}`, "display_at") }));
    dated.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const statuses = dated.map((d) => String(d.u?.status)).filter((s) => s !== "postmortem");
    const hasPostmortem = statuses.length < dated.length || (typeof r.postmortem_body === "string" && r.postmortem_body.trim() !== "");
    if (statuses.length > 0 && isCurrent(source, statuses[statuses.length - 1], statuses.length, hasPostmortem)) {
      result.current.push({ source, label, type: maintenance ? "maintenance" : "incident" });
      continue;
    }

    let postmortem: ImportedIncident["postmortem"];
    const updates: ImportedUpdate[] = [];
    let map: Record<string, string> = {};
    let initial: Record<string, string> | undefined;
    let touched = false;
    for (const { u, at: when } of dated) {
      const where = `${at}, update at ${when}`;
      const status = String(u.status);
      const body = convertBody(u.body, where);
      if (status === "postmortem") {
        postmortem = { body: body || NO_MESSAGE, published_at: when };
        continue;
      }
      if (!allowed.includes(status)) {
        throw sourceError(
          where,
          `the status \`${status}\` is not a Statuspage ${maintenance ? "maintenance" : "incident"} status.`,
          `Use one of ${allowed.join(", ")} in the export.`,
        );
      }
      const update: ImportedUpdate = { at: when, status, body: body || NO_MESSAGE };
      if (Array.isArray(u.affected_components) && u.affected_components.length > 0) {
        const next = { ...map };
        for (const affected of u.affected_components as Raw[]) {
          const key = componentKey(affected ?? {}, where);
          const status = String(affected?.new_status);
          if (!COMPONENT_STATUSES.includes(status))
            throw sourceError(where, `component \`${key}\` has the status \`${status}\`.`, `Use one of ${COMPONENT_STATUSES.join(", ")}.`);
          if (status === "operational" || (status === "under_maintenance" && !maintenance)) delete next[key];
          else next[key] = status;
        }
        if (updates.length === 0) initial = next;
        else if (!sameMap(next, map)) update.components = next;
        map = next;
        touched = true;
      }
      updates.push(update);
    }
    if (updates.length === 0) {
      result.skipped.push({
        source,
        label,
        reason: postmortem ? "it has only a postmortem, no status updates" : "it has no status updates",
      });
      continue;
    }
    if (!touched) initial = fallbackMap(r, maintenance, known, componentKey, at);

    const status = updates[updates.length - 1].status;
    const first = updates[0].at;
    const startedAt = earliest(optionalUtcTime(maintenance ? null : r.started_at, at, "started_at"), first);
    const terminal = status === "resolved";
    const resolvedAt = terminal
      ? latest(optionalUtcTime(r.resolved_at, at, "resolved_at") ?? updates[updates.length - 1].at, startedAt)
      : undefined;
    const monitoring = optionalUtcTime(r.monitoring_at, at, "monitoring_at");
    const mitigatedAt =
      !maintenance &&
      monitoring &&
      startedAt &&
      Date.parse(monitoring) >= Date.parse(startedAt) &&
      (!resolvedAt || Date.parse(monitoring) <= Date.parse(resolvedAt))
        ? monitoring
        : undefined;
    const incident: ImportedIncident = {
      source,
      label,
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      type: maintenance ? "maintenance" : "incident",
      status,
      components: initial ?? {},
      updates,
      body: "",
      ...(postmortem
        ? { postmortem: { body: postmortem.body, published_at: latest(postmortem.published_at, resolvedAt) ?? postmortem.published_at } }
        : {}),
    };
    if (maintenance) {
      incident.scheduled_start = utcTime(r.scheduled_for, at, "scheduled_for");
      incident.scheduled_end = utcTime(r.scheduled_until ?? r.scheduled_for, at, "scheduled_until");
      if (Date.parse(incident.scheduled_end) <= Date.parse(incident.scheduled_start)) {
        throw sourceError(
          at,
          `its window ends (${incident.scheduled_end}) no later than it starts (${incident.scheduled_start}).`,
          "Fix `scheduled_until` in the export.",
        );
      }
    } else {
      const impact = String(r.impact ?? "none");
      if (!IMPACTS.includes(impact))
        throw sourceError(at, `its impact is \`${impact}\`.`, `Statuspage impacts are ${IMPACTS.join(", ")}; fix it in the export.`);
      incident.impact = impact as SourceImpact;
      incident.started_at = startedAt;
      if (mitigatedAt) incident.mitigated_at = mitigatedAt;
      if (resolvedAt) incident.resolved_at = resolvedAt;
    }
    const postmortemBody =
      typeof r.postmortem_body === "string" && r.postmortem_body.trim() ? convertBody(r.postmortem_body, `${at}, postmortem`) : "";
    if (postmortemBody && !incident.postmortem) {
      const published =
        optionalUtcTime(r.postmortem_published_at, at, "postmortem_published_at") ?? resolvedAt ?? updates[updates.length - 1].at;
      incident.postmortem = { body: postmortemBody, published_at: latest(published, resolvedAt) ?? published };
    }
    if (incident.postmortem && incident.type === "maintenance") {
      result.notes.push(`${label}: the postmortem of a maintenance window was left out (sitrep keeps postmortems for incidents).`);
      delete incident.postmortem;
    }
    if (incident.postmortem && status !== "resolved") {
      result.notes.push(`${label}: its postmortem was left out, as the incident is not resolved.`);
      delete incident.postmortem;
    }
    result.incidents.push(incident);
  }
  result.components.push(...extra);
  return result;
}

function convertBody(body: unknown, where: string): string {
  if (body === null || body === undefined) return "";
  if (typeof body !== "string") throw sourceError(where, `the body is ${typeof body}, not text.`, "Fix the body in the export.");
  try {
    return htmlToMarkdown(body);
  } catch (error) {
    throw sourceError(
      where,
      `its HTML could not be converted to Markdown (${(error as Error).message}).`,
      "Fix the HTML of this body in the export (an unclosed tag or a stray `<`), then import again.",
    );
  }
}

/** Only the incident's listed components, at the status its impact implies (the public API often has no affected_components). */
function fallbackMap(
  r: Raw,
  maintenance: boolean,
  known: Map<string, SourceComponent>,
  key: (affected: Raw, at: string) => string,
  at: string,
): Record<string, string> {
  const status = maintenance ? "under_maintenance" : STATUS_OF_IMPACT[String(r.impact) as SourceImpact];
  if (!status || !Array.isArray(r.components)) return {};
  const map: Record<string, string> = {};
  for (const c of r.components as Raw[]) {
    const id = typeof c?.id === "string" ? c.id : undefined;
    map[key({ code: id, name: c?.name ?? (id ? known.get(id)?.name : undefined) }, at)] = status;
  }
  return map;
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function earliest(a: string | undefined, b: string): string {
  return a !== undefined && Date.parse(a) < Date.parse(b) ? a : b;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
