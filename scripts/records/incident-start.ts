// When an incident's story starts, and what its action items' default due dates count from —
// the two times the loader itself needs (records/defaults.ts fills in `due`), so they live here
// rather than in model/. Everything else reads them through model/incident-times.ts. Pure.
import type { Incident } from "./record-types.ts";

type Times = Pick<Incident, "type" | "started_at" | "detected_at" | "scheduled_start" | "updates">;

/**
 * Incidents: `started_at` (impact began), else `detected_at`, else the first update — a record
 * may leave `started_at` out when nobody knows yet when impact began. Maintenance:
 * `scheduled_start`, else the first update.
 */
export function startTime(data: Times): string | undefined {
  if (data.type === "maintenance") return data.scheduled_start ?? data.updates[0]?.at;
  return data.started_at ?? data.detected_at ?? data.updates[0]?.at;
}

/** What an action item's default `due` counts from: the incident's resolution, else its start. */
export function dueAnchor(data: Times & Pick<Incident, "resolved_at">): string | undefined {
  return data.resolved_at ?? startTime(data);
}
