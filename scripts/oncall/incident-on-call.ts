// Every incident knows who was on call: for each schedule, the person on call when the incident
// started (`started_at`, the impact start). Pure.
import type { IncidentRecord } from "../records/model.ts";
import type { Schedule } from "./schedule.ts";
import { onCallAt } from "./on-call-at.ts";

export interface IncidentOnCall {
  incident: string;
  started_at: string;
  /** One entry per schedule; `on_call` is null where nobody was on call. */
  on_call: { schedule: string; on_call: string | null }[];
}

export function incidentOnCall(incident: IncidentRecord, schedules: readonly Schedule[]): IncidentOnCall | undefined {
  const started = incident.data.started_at;
  if (started === undefined) return undefined;
  const at = Date.parse(started);
  return {
    incident: incident.id,
    started_at: started,
    on_call: schedules.map((schedule) => ({ schedule: schedule.id, on_call: onCallAt(schedule, at).current?.who ?? null })),
  };
}
