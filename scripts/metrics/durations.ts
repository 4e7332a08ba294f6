// Response durations of incidents, from the recorded times (authoritative), plus the
// declaration lag, which needs git: when the record first reached the main line. Pure.
import type { IncidentRecord } from "../records/record-types.ts";
import type { HistoryEvents } from "../history/events.ts";
import { recordKey } from "../history/events.ts";
import { distribution, type Distribution } from "./statistics.ts";
import { minutesBetween, responseMinutes } from "../model/incident-times.ts";

export interface DurationMetrics {
  /** detected_at − started_at */
  ttd: Distribution;
  /** acknowledged_at − detected_at */
  tta: Distribution;
  /** mitigated_at − started_at */
  ttm: Distribution;
  /** resolved_at − started_at */
  ttr: Distribution;
  /** first commit of the record − detected_at */
  declaration_lag: Distribution;
}

export interface IncidentDurations {
  id: string;
  ttd?: number;
  tta?: number;
  ttm?: number;
  ttr?: number;
  declaration_lag?: number;
}

export function incidentDurations(incident: IncidentRecord, history: HistoryEvents | undefined): IncidentDurations {
  const declaredAt = history?.records.get(recordKey("incident", incident.id))?.declaredAt;
  // An imported record was committed when it was imported, not when it was declared (decision 0131).
  return {
    id: incident.id,
    ...responseMinutes(incident.data),
    declaration_lag: incident.data.source === undefined ? minutesBetween(incident.data.detected_at, declaredAt) : undefined,
  };
}

export function durationMetrics(incidents: readonly IncidentRecord[], history: HistoryEvents | undefined): DurationMetrics {
  const rows = incidents.map((i) => incidentDurations(i, history));
  const of = (field: keyof Omit<IncidentDurations, "id">) =>
    distribution(
      rows.map((r) => r[field]).filter((v): v is number => v !== undefined),
      "minutes",
    );
  return { ttd: of("ttd"), tta: of("tta"), ttm: of("ttm"), ttr: of("ttr"), declaration_lag: of("declaration_lag") };
}
