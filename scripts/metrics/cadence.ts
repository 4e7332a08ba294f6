// Update cadence: while an incident is active, public updates are no further apart than its
// severity's update_every_minutes. Pure.
//
// A gap is measured between consecutive updates until the first `resolved` update. For an
// incident still active at `now`, the time since its last update counts as an ongoing gap.
// Incidents with no updates, or whose severity sets no cadence, are not checked.
import type { Config, IncidentRecord } from "../records/model.ts";
import { rate, round } from "./statistics.ts";
import { minutesBetween, toUtc } from "./time.ts";

export interface CadenceGap {
  incident: string;
  severity: string;
  /** The update after which the silence began. */
  from: string;
  /** The next update, or `now` for an ongoing gap. */
  to: string;
  minutes: number;
  expected_minutes: number;
  ongoing: boolean;
}

export interface CadenceMetrics {
  checked: number;
  compliant: number;
  compliance_rate: number | null;
  gap_count: number;
}

export function cadenceGaps(incident: IncidentRecord, config: Config, now: Date): { checked: boolean; gaps: CadenceGap[] } {
  const { severity, updates, type } = incident.data;
  const expected = config.severities.find((s) => s.id === severity)?.update_every_minutes;
  if (type === "maintenance" || !severity || expected === undefined || updates.length === 0) return { checked: false, gaps: [] };
  const gaps: CadenceGap[] = [];
  const push = (from: string, to: string, ongoing: boolean) => {
    const minutes = minutesBetween(from, to);
    if (minutes > expected) gaps.push({ incident: incident.id, severity, from: toUtc(from), to: toUtc(to), minutes: round(minutes), expected_minutes: expected, ongoing });
  };
  let resolved = false;
  for (let i = 1; i < updates.length; i++) {
    if (updates[i - 1].status === "resolved") {
      resolved = true;
      break;
    }
    push(updates[i - 1].at, updates[i].at, false);
  }
  const last = updates[updates.length - 1];
  if (!resolved && last.status !== "resolved" && incident.data.status !== "resolved" && Date.parse(last.at) < now.getTime()) {
    push(last.at, now.toISOString(), true);
  }
  return { checked: true, gaps };
}

export function cadenceMetrics(incidents: readonly IncidentRecord[], config: Config, now: Date): CadenceMetrics & { gaps: CadenceGap[] } {
  let checked = 0;
  let compliant = 0;
  const gaps: CadenceGap[] = [];
  for (const incident of incidents) {
    const result = cadenceGaps(incident, config, now);
    if (!result.checked) continue;
    checked++;
    if (result.gaps.length === 0) compliant++;
    gaps.push(...result.gaps);
  }
  return { checked, compliant, compliance_rate: rate(compliant, checked), gap_count: gaps.length, gaps };
}
