// Edits of an incident's front matter Document, one small function per fact. Pure: they change
// only the nodes they are about and leave every other node (and its comments) alone.
import { isMap, isScalar, type Document } from "yaml";
import type { ComponentImpact, IncidentData } from "../../records/record-types.ts";
import { latestComponentMap } from "../../model/component-maps.ts";
import { ensureMap, ensureSeq, rootMap, setScalar } from "./front-matter-edit.ts";
import type { UpdateImpact } from "../flags/flag-values.ts";

/** Field order of an incident, as in incidents/_template.md; new keys are inserted at their place. */
export const INCIDENT_KEY_ORDER = [
  "title",
  "type",
  "severity",
  "status",
  "visibility",
  "drill",
  "components",
  "started_at",
  "detected_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "scheduled_start",
  "scheduled_end",
  "first_scheduled_start",
  "roles",
  "runbooks",
  "updates",
  "timeline",
] as const;

export type Milestone = "started_at" | "detected_at" | "acknowledged_at" | "mitigated_at" | "resolved_at";

export interface NewUpdate {
  at: string;
  status: string;
  body: string;
  components?: Record<string, UpdateImpact>;
}

export function setStatus(doc: Document, status: string): void {
  setScalar(doc, rootMap(doc), "status", status, INCIDENT_KEY_ORDER);
}

/**
 * Moves a maintenance window. The first move keeps the window first announced in
 * `first_scheduled_start`, whose date the file name (the id) keeps (decision 0115).
 */
export function moveWindow(doc: Document, window: { start: string; end: string; firstStart: string }): void {
  const root = rootMap(doc);
  if (!root.has("first_scheduled_start")) setScalar(doc, root, "first_scheduled_start", window.firstStart, INCIDENT_KEY_ORDER);
  setScalar(doc, root, "scheduled_start", window.start, INCIDENT_KEY_ORDER);
  setScalar(doc, root, "scheduled_end", window.end, INCIDENT_KEY_ORDER);
}

export function setMilestone(doc: Document, field: Milestone, time: string): void {
  setScalar(doc, rootMap(doc), field, time, INCIDENT_KEY_ORDER);
}

/** Appends a public update (updates are oldest first; validation refuses one out of order). */
export function appendUpdate(doc: Document, update: NewUpdate): void {
  const seq = ensureSeq(doc, rootMap(doc), "updates", INCIDENT_KEY_ORDER);
  const { components, ...rest } = update;
  seq.add(
    doc.createNode(components && Object.keys(components).length > 0 ? { ...rest, components: { ...components } } : rest, {
      aliasDuplicateObjects: false,
    }),
  );
}

/** Adds an internal timeline entry at its place in time (after entries of the same minute). */
export function addTimelineEntry(doc: Document, entry: { at: string; event: string }): void {
  const seq = ensureSeq(doc, rootMap(doc), "timeline", INCIDENT_KEY_ORDER);
  const time = Date.parse(entry.at);
  const index = seq.items.findIndex((item) => {
    const at = isMap(item) ? item.get("at") : undefined;
    return typeof at === "string" && Date.parse(at) > time;
  });
  const node = doc.createNode(entry);
  if (index === -1) seq.items.push(node);
  else seq.items.splice(index, 0, node);
}

/** Raises the incident's overall impact map to at least these impacts (it records the worst). */
export function raiseComponentImpacts(
  doc: Document,
  impacts: Record<string, ComponentImpact>,
  worse: (a: ComponentImpact | undefined, b: ComponentImpact) => ComponentImpact,
): void {
  if (Object.keys(impacts).length === 0) return;
  const map = ensureMap(doc, rootMap(doc), "components", INCIDENT_KEY_ORDER);
  for (const [id, impact] of Object.entries(impacts)) {
    const node = map.get(id, true);
    const current = isScalar(node) ? (node.value as ComponentImpact) : undefined;
    const next = worse(current, impact);
    if (isScalar(node)) node.value = next;
    else map.set(id, next);
  }
}

/**
 * The component impact in effect after the last update, as the model reads it: the overall map,
 * REPLACED by each update's `components` in turn (model/component-maps.ts). An update writes a
 * full map built from this, so a component that recovered earlier stays recovered.
 */
export function currentImpacts(data: Pick<IncidentData, "components" | "updates">): Record<string, UpdateImpact> {
  return latestComponentMap(data) as Record<string, UpdateImpact>;
}

/** Every component the incident touches now, back to operational: the map a mitigation, resolution or completed maintenance posts. */
export function allRecovered(data: Pick<IncidentData, "components" | "updates">): Record<string, "operational"> {
  return Object.fromEntries(Object.keys(currentImpacts(data)).map((c) => [c, "operational" as const]));
}

export function setRole(doc: Document, role: string, handle: string): void {
  const roles = ensureMap(doc, rootMap(doc), "roles", INCIDENT_KEY_ORDER);
  const node = roles.get(role, true);
  if (isScalar(node)) node.value = handle;
  else roles.set(role, handle);
}

/**
 * Inserts a public update at its place in time: after every update at or before its time, so a
 * late-recorded update (`update --at -20m`) lands where it happened. Returns whether it is now
 * the last update (only the last one sets the incident's status).
 */
export function insertUpdate(doc: Document, update: NewUpdate): { last: boolean } {
  const seq = ensureSeq(doc, rootMap(doc), "updates", INCIDENT_KEY_ORDER);
  const time = Date.parse(update.at);
  const index = seq.items.findIndex((item) => {
    const at = isMap(item) ? item.get("at") : undefined;
    return typeof at === "string" && Date.parse(at) > time;
  });
  if (index === -1) {
    appendUpdate(doc, update);
    return { last: true };
  }
  const { components, ...rest } = update;
  seq.items.splice(
    index,
    0,
    doc.createNode(components && Object.keys(components).length > 0 ? { ...rest, components: { ...components } } : rest, {
      aliasDuplicateObjects: false,
    }),
  );
  return { last: false };
}

/** Sets a top-level scalar such as `severity` or `title`. */
export function setField(doc: Document, key: "severity" | "title", value: string): void {
  setScalar(doc, rootMap(doc), key, value, INCIDENT_KEY_ORDER);
}
