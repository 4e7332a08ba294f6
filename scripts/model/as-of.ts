// A record as it was known at `now`. Nothing dated after `now` is published anywhere — pages,
// API, feeds, badges, calendar — so a build never shows an update in one output that another
// leaves out, and a record whose updates were written ahead of time tells its story as far as
// it has happened. Maintenance keeps its planned window (a plan is news before it starts).
import type { IncidentData, IncidentRecord } from "../records/record-types.ts";
import { startOf } from "./incident-facts.ts";
import { toMillis } from "../core/time.ts";

const MILESTONES = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const;

/** The record without updates and milestones after `now`; the same object when nothing is. */
export function recordAsOf(record: IncidentRecord, now: Date): IncidentRecord {
  const at = now.getTime();
  const after = (time: string | undefined) => (toMillis(time) ?? -Infinity) > at;
  const data = record.data;
  const futureMilestones = MILESTONES.filter((key) => after(data[key]));
  const updates = data.updates.filter((update) => !after(update.at));
  const timeline = data.timeline.filter((entry) => !after(entry.at));
  if (futureMilestones.length === 0 && updates.length === data.updates.length && timeline.length === data.timeline.length) return record;
  const known: IncidentData & IncidentRecord["data"] = { ...data, updates, timeline };
  for (const key of futureMilestones) delete known[key];
  // The status is the last update's (a rule checks that); without the later updates it is the last known one.
  // Maintenance with none left has not been reported on yet: it is still scheduled.
  if (updates.length < data.updates.length) {
    const last = updates.at(-1);
    if (last !== undefined) known.status = last.status;
    else if (data.type === "maintenance") known.status = "scheduled";
  }
  return { ...record, data: known };
}

/**
 * The records as known at `now`: each one cut to `now`, and incidents whose impact has not
 * started by `now` left out (an incident is no plan; maintenance is).
 */
export function recordsAsOf(records: readonly IncidentRecord[], now: Date): IncidentRecord[] {
  const at = now.getTime();
  return records.flatMap((record) => {
    const start = record.data.type === "maintenance" ? undefined : startOf(record);
    return start !== undefined && start > at ? [] : [recordAsOf(record, now)];
  });
}
