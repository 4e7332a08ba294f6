// What is open right now, for the on-call engineer (`sitrep status`): each unresolved incident
// with its severity, commander, components and their impact, last update and when the next
// public update is due (its severity's cadence), and each maintenance window that is under way or
// still to come. Pure: the repository and `now` in, data out; the facts come from the model.
import type { Config, IncidentRecord, Repository } from "../records/record-types.ts";
import { incidentFacts } from "../model/incident-facts.ts";
import { latestComponentMap } from "../model/component-maps.ts";
import { millis } from "../core/time.ts";

export interface OpenItem {
  id: string;
  path: string;
  title: string;
  type: "incident" | "near_miss" | "maintenance";
  status: string;
  severity: string | null;
  commander: string | null;
  /** Component id → impact now (maintenance to come: the components it will take down). */
  components: Record<string, string>;
  public: boolean;
  drill: boolean;
  startedAt: string | null;
  lastUpdate: { at: string; status: string; body: string } | null;
  /** When the next public update is due (last update + the severity's cadence); null where nothing is published. */
  nextUpdateDue: string | null;
  /** Minutes past nextUpdateDue at `now` (0 when not overdue). */
  overdueMinutes: number;
  /** Maintenance only. */
  window: { start: string; end: string } | null;
}

export interface OpenNow {
  now: string;
  timezone: string;
  incidents: OpenItem[];
  maintenance: OpenItem[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

export function openNow(repository: Pick<Repository, "incidents" | "config">, now: Date): OpenNow {
  const { config } = repository;
  const items = repository.incidents.flatMap((record) => {
    const facts = incidentFacts(record, config, now);
    const maintenance = record.data.type === "maintenance";
    const open = maintenance
      ? facts.phase !== "over" && record.data.status !== "completed" && record.data.status !== "cancelled"
      : record.data.status !== "resolved";
    if (!open) return [];
    return [
      item(
        record,
        config,
        now,
        facts.public,
        maintenance && facts.phase === "planned" ? latestComponentMap(record.data) : facts.currentImpact,
      ),
    ];
  });
  const byStart = (a: OpenItem, b: OpenItem) => (a.window?.start ?? a.startedAt ?? "").localeCompare(b.window?.start ?? b.startedAt ?? "");
  return {
    now: iso(now.getTime()),
    timezone: config.site.timezone ?? "UTC",
    // Overdue first, then by when the next update is due, then newest.
    incidents: items
      .filter((i) => i.type !== "maintenance")
      .sort(
        (a, b) => b.overdueMinutes - a.overdueMinutes || (a.nextUpdateDue ?? "~").localeCompare(b.nextUpdateDue ?? "~") || -byStart(a, b),
      ),
    maintenance: items.filter((i) => i.type === "maintenance").sort(byStart),
  };
}

function item(record: IncidentRecord, config: Config, now: Date, isPublic: boolean, components: Record<string, string>): OpenItem {
  const data = record.data;
  const last = data.updates.filter((u) => millis(u.at) <= now.getTime()).at(-1);
  const cadence = config.severities.find((s) => s.id === data.severity)?.update_every_minutes;
  const publishes = isPublic && data.type !== "maintenance";
  const dueMs = publishes && last && cadence ? millis(last.at) + cadence * 60_000 : undefined;
  return {
    id: record.id,
    path: record.source.path,
    title: data.title,
    type: (data.type ?? "incident") as OpenItem["type"],
    status: data.status,
    severity: data.severity ?? null,
    commander: data.roles?.commander ?? null,
    components,
    public: isPublic,
    drill: data.drill === true,
    startedAt: data.started_at ?? data.detected_at ?? null,
    lastUpdate: last ? { at: last.at, status: last.status, body: last.body } : null,
    nextUpdateDue: dueMs === undefined ? null : iso(dueMs),
    overdueMinutes: dueMs === undefined ? 0 : Math.max(0, Math.floor((now.getTime() - dueMs) / 60_000)),
    window: data.scheduled_start && data.scheduled_end ? { start: data.scheduled_start, end: data.scheduled_end } : null,
  };
}
