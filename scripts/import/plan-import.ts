// What an import changes, decided before anything is written: for each imported incident,
// create a record, update the one imported before (found by `source`) when the source has moved
// on, or leave it; the same for its postmortem (created once, never overwritten); the
// components to add to sitrep.config.yaml. Pure: source data, what the repository holds and the
// options in; the file changes and a line per item out.
import type { Config } from "../records/record-types.ts";
import { matchComponents } from "./component-match.ts";
import { addComponents } from "./config-components.ts";
import type { ImportedIncident, ImportSourceData, IsCurrent } from "./imported.ts";
import { incidentText, postmortemText } from "./render-record.ts";
import { severityFor, severityMap } from "./severity-map.ts";
import { slug, unique } from "./unique-id.ts";

export interface FileWrite {
  /** From the records root, forward slashes. */
  path: string;
  text: string;
}

export interface ExistingIncident {
  id: string;
  path: string;
  text: string;
  status: unknown;
  updates: number;
}

/** What the repository already holds (read by read-existing.ts). */
/** Whether the record imported from `source` has this status, this many updates and its postmortem (the source has nothing new for it). */
export function isCurrentIn(existing: Pick<ExistingRecords, "bySource" | "postmortems">): IsCurrent {
  return (source, status, updates, hasPostmortem) => {
    const before = existing.bySource.get(source);
    return (
      before !== undefined &&
      before.status === status &&
      before.updates === updates &&
      (!hasPostmortem || existing.postmortems.has(before.id))
    );
  };
}

export interface ExistingRecords {
  bySource: ReadonlyMap<string, ExistingIncident>;
  incidentIds: ReadonlySet<string>;
  /** Postmortem text by incident id. */
  postmortems: ReadonlyMap<string, string>;
  configPath: string;
  configText: string;
}

export type ItemAction = "create" | "update" | "unchanged" | "kept" | "skip";

export interface ImportItem {
  action: ItemAction;
  kind: "incident" | "maintenance" | "postmortem";
  source: string;
  label: string;
  path?: string;
  reason?: string;
}

export interface ImportPlan {
  system: string;
  origin: string;
  changes: FileWrite[];
  items: ImportItem[];
  components: { matched: number; added: { id: string; name: string; group?: string }[] };
  notes: string[];
}

export interface PlanOptions {
  severityMap?: string;
  componentFlags?: readonly string[];
}

export function planImport(data: ImportSourceData, existing: ExistingRecords, config: Config, options: PlanOptions = {}): ImportPlan {
  const severities = severityMap(config, options.severityMap);
  const match = matchComponents(data.components, config, options.componentFlags ?? []);
  const changes: FileWrite[] = [];
  const items: ImportItem[] = data.skipped.map((s) => ({
    action: "skip",
    kind: "incident",
    source: s.source,
    label: s.label,
    reason: s.reason,
  }));
  for (const c of data.current ?? [])
    items.push({ action: "unchanged", kind: c.type, source: c.source, label: c.label, path: existing.bySource.get(c.source)?.path });
  const taken = new Set(existing.incidentIds);
  const start = (i: ImportedIncident) => i.scheduled_start ?? i.started_at ?? i.updates[0].at;
  const ordered = [...data.incidents].sort(
    (a, b) => Date.parse(start(a)) - Date.parse(start(b)) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0),
  );

  for (const incident of ordered) {
    const context = {
      idOf: match.idOf,
      severity: incident.type === "incident" ? severityFor(severities, incident.impact ?? "none", incident.label) : undefined,
    };
    const text = incidentText(incident, context);
    const before = existing.bySource.get(incident.source);
    const item = { kind: incident.type, source: incident.source, label: incident.label };
    let id: string;
    if (before) {
      id = before.id;
      if (before.text === text) items.push({ ...item, action: "unchanged", path: before.path });
      else if (incident.updates.length > before.updates || incident.status !== before.status) {
        changes.push({ path: before.path, text });
        items.push({
          ...item,
          action: "update",
          path: before.path,
          reason: `${Math.max(0, incident.updates.length - before.updates)} new update(s), status ${incident.status}`,
        });
      } else {
        items.push({
          ...item,
          action: "kept",
          path: before.path,
          reason: "edited since it was imported, and the source has no new update: your edits are kept",
        });
      }
    } else {
      const date = new Date(Date.parse(start(incident))).toISOString().slice(0, 10);
      id = unique(`${date}-${slug(incident.title, incident.type)}`, taken);
      const path = `incidents/${date.slice(0, 4)}/${id}.md`;
      changes.push({ path, text });
      items.push({ ...item, action: "create", path });
    }
    if (incident.postmortem) {
      const path = `postmortems/${id}.md`;
      const pmText = postmortemText(id, incident.postmortem);
      const current = existing.postmortems.get(id);
      const pm = { kind: "postmortem" as const, source: incident.source, label: incident.label, path };
      if (current === undefined) {
        changes.push({ path, text: pmText });
        items.push({ ...pm, action: "create" });
      } else {
        items.push({
          ...pm,
          action: current === pmText ? "unchanged" : "kept",
          ...(current === pmText ? {} : { reason: "a postmortem exists; it is never overwritten" }),
        });
      }
    }
  }

  const configText = addComponents(existing.configText, match.added);
  if (configText !== existing.configText) changes.unshift({ path: existing.configPath, text: configText });
  return {
    system: data.system,
    origin: data.origin,
    changes,
    items,
    components: { matched: data.components.length - match.added.length, added: match.added },
    notes: [...data.notes, ...match.notes],
  };
}
