// Every incident knows who was on call: for each schedule, the person on call when the incident
// started (`started_at`, the impact start). Each schedule is computed once over the incidents'
// whole span, then searched per incident. Pure.
import type { IncidentRecord } from "../records/record-types.ts";
import type { Schedule, Shift } from "./schedule.ts";
import { finalSchedule } from "./final-schedule.ts";

export interface IncidentOnCall {
  incident: string;
  started_at: string;
  /** One entry per schedule; `on_call` is null where nobody was on call. */
  on_call: { schedule: string; on_call: string | null }[];
}

export interface OnCallSummary {
  schedules: string[];
  /** Per incident with a `started_at`, in the order given. */
  incidents: IncidentOnCall[];
  /** How many of those incidents started during each person's shifts (any schedule), most first. */
  by_person: { person: string; incidents: number }[];
}

export function onCallSummary(incidents: readonly IncidentRecord[], schedules: readonly Schedule[]): OnCallSummary {
  const started = incidents
    .filter((i) => i.data.started_at !== undefined)
    .map((i) => ({ id: i.id, started_at: i.data.started_at!, at: Date.parse(i.data.started_at!) }));
  const from = Math.min(...started.map((s) => s.at));
  const to = Math.max(...started.map((s) => s.at)) + 1;
  const timelines = started.length === 0 ? [] : schedules.map((schedule) => ({ schedule, shifts: finalSchedule(schedule, from, to) }));
  const counts = new Map<string, number>();
  const rows = started.map(({ id, started_at, at }) => {
    const on_call = timelines.map(({ schedule, shifts }) => ({ schedule: schedule.id, on_call: shiftAt(shifts, at)?.who ?? null }));
    for (const person of new Set(on_call.map((o) => o.on_call).filter((p): p is string => p !== null)))
      counts.set(person, (counts.get(person) ?? 0) + 1);
    return { incident: id, started_at, on_call };
  });
  const by_person = [...counts]
    .map(([person, n]) => ({ person, incidents: n }))
    .sort((a, b) => b.incidents - a.incidents || a.person.localeCompare(b.person));
  return { schedules: schedules.map((s) => s.id), incidents: rows, by_person };
}

/** The shift under way at `at` in sorted, disjoint shifts (binary search). */
export function shiftAt(shifts: readonly Shift[], at: number): Shift | undefined {
  let low = 0;
  let high = shifts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (shifts[mid].to <= at) low = mid + 1;
    else if (shifts[mid].from > at) high = mid - 1;
    else return shifts[mid];
  }
  return undefined;
}
