// Update cadence: while an incident is active, public updates are no further apart than its
// severity's update_every_minutes. A gap is measured between consecutive updates until the first
// `resolved` update; for an incident still open at `now`, the time since its last update is an
// ongoing gap. Only real incidents are checked: near-misses and maintenance have no customers
// waiting for updates (decision 0004), imported history was run under another page's habits
// (decision 0131), and incidents without updates or without a cadence for
// their severity have nothing to measure. Read by the metrics, the weekly report and validation.
import type { Config, IncidentRecord } from "../records/record-types.ts";
import { MINUTE_MS, toMillis } from "../core/time.ts";

export interface CadenceGap {
  incident: string;
  severity: string;
  /** Index of the update that ended the silence, or of the last update for an ongoing gap. */
  updateIndex: number;
  /** The update after which the silence began (as written in the record). */
  from: string;
  /** The next update, or `now` for an ongoing gap. */
  to: string;
  minutes: number;
  expected_minutes: number;
  ongoing: boolean;
}

/** Whether the incident is checked at all, and its gaps longer than the cadence, up to `now`. */
export function cadenceGaps(incident: IncidentRecord, config: Config, now: Date): { checked: boolean; gaps: CadenceGap[] } {
  const { severity, updates, type, source } = incident.data;
  const expected = config.severities.find((s) => s.id === severity)?.update_every_minutes;
  if (type !== "incident" || source !== undefined || !severity || expected === undefined || updates.length === 0)
    return { checked: false, gaps: [] };
  const gaps: CadenceGap[] = [];
  const push = (index: number, from: string, to: string, toMs: number | undefined, ongoing: boolean) => {
    const fromMs = toMillis(from);
    if (fromMs === undefined || toMs === undefined) return;
    const minutes = (toMs - fromMs) / MINUTE_MS;
    if (minutes > expected)
      gaps.push({ incident: incident.id, severity, updateIndex: index, from, to, minutes, expected_minutes: expected, ongoing });
  };
  for (let i = 1; i < updates.length; i++) {
    if (updates[i - 1].status === "resolved") return { checked: true, gaps };
    push(i, updates[i - 1].at, updates[i].at, toMillis(updates[i].at), false);
  }
  const last = updates.length - 1;
  const lastAt = toMillis(updates[last].at);
  if (updates[last].status !== "resolved" && incident.data.status !== "resolved" && lastAt !== undefined && lastAt < now.getTime()) {
    push(last, updates[last].at, now.toISOString(), now.getTime(), true);
  }
  return { checked: true, gaps };
}
