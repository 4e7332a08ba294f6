// Update cadence compliance: the share of checked incidents with no gap longer than their
// severity's update_every_minutes. The gaps themselves come from the model (model/cadence.ts),
// the same ones `validate` warns about. Pure.
import type { Config, IncidentRecord } from "../records/record-types.ts";
import { cadenceGaps as modelGaps } from "../model/cadence.ts";
import { rate, round } from "./statistics.ts";
import { toUtc } from "./time-boundaries.ts";

/** A gap as the metrics JSON reports it (UTC times, minutes rounded). */
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
  const { checked, gaps } = modelGaps(incident, config, now);
  return {
    checked,
    gaps: gaps.map((g) => ({
      incident: g.incident,
      severity: g.severity,
      from: toUtc(g.from),
      to: toUtc(g.to),
      minutes: round(g.minutes),
      expected_minutes: g.expected_minutes,
      ongoing: g.ongoing,
    })),
  };
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
