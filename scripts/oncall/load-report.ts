// Load per person from the same records: hours on call, out of working hours, on the weekend
// and at night (working hours and nights from the configuration, in each schedule's time zone),
// incidents that started during their shifts, incidents they commanded; and how evenly each
// rotation spreads its hours and nights. Pure: schedules + incidents + config + range → report.
import type { Config, IncidentRecord } from "../records/record-types.ts";
import type { Schedule, Shift } from "./schedule.ts";
import { finalSchedule } from "./final-schedule.ts";
import { overlapMs, windowIntervals, type WeeklyWindow } from "./windows.ts";
import { shiftAt } from "./incident-on-call.ts";
import { WEEKDAYS } from "./local-time.ts";

const HOUR_MS = 3_600_000;

export interface PersonLoad {
  person: string;
  /** Shifts (continuous stretches on call, per schedule) overlapping the range. */
  shifts: number;
  hours: number;
  /** Hours outside working hours (weekends included). */
  out_of_hours: number;
  weekend_hours: number;
  night_hours: number;
  /** Incidents (not drills, not maintenance) that started while this person was on call. */
  incidents: number;
  incident_ids: string[];
  /** Of those, the ones that started at night: the pages that woke someone. */
  night_incidents: number;
  /** Incidents in the range this person commanded (roles.commander). */
  commanded: number;
}

export interface RotationFairness {
  schedule: string;
  name: string;
  /** Everyone in the schedule's layers or with a shift in the range. */
  people: number;
  max_hours: number;
  min_hours: number;
  /** Each person's share (0–1) of the schedule's night hours in the range. */
  night_share: Record<string, number>;
}

export interface LoadReport {
  from: string;
  to: string;
  people: PersonLoad[];
  fairness: RotationFairness[];
}

export function loadReport(input: {
  schedules: readonly Schedule[];
  incidents: readonly IncidentRecord[];
  config: Config;
  from: number;
  to: number;
}): LoadReport {
  const { schedules, config, from, to } = input;
  const people = new Map<string, PersonLoad>();
  const person = (who: string) => {
    let load = people.get(who);
    if (!load)
      people.set(
        who,
        (load = {
          person: who,
          shifts: 0,
          hours: 0,
          out_of_hours: 0,
          weekend_hours: 0,
          night_hours: 0,
          incidents: 0,
          incident_ids: [],
          night_incidents: 0,
          commanded: 0,
        }),
      );
    return load;
  };
  const { working_hours: work, night } = config.oncall;
  const weekend = WEEKDAYS.filter((day) => !(work.days as string[]).includes(day));
  const fairness: RotationFairness[] = [];
  const timelines = new Map<Schedule, Shift[]>();

  for (const schedule of schedules) {
    const zone = schedule.data.timezone;
    const working = windowIntervals([work as WeeklyWindow], zone, from, to);
    const weekendDays = weekend.length > 0 ? windowIntervals([{ days: weekend, from: "00:00", to: "24:00" }], zone, from, to) : [];
    const nights = windowIntervals([night], zone, from, to);
    const hoursBy = new Map<string, { hours: number; night: number }>();
    for (const members of schedule.data.layers.map((l) => l.members)) for (const who of members) hoursBy.set(who, { hours: 0, night: 0 });
    const shifts = finalSchedule(schedule, from, to);
    timelines.set(schedule, shifts);
    for (const shift of shifts) {
      const load = person(shift.who);
      const length = shift.to - shift.from;
      load.shifts++;
      load.hours += length / HOUR_MS;
      load.out_of_hours += (length - overlapMs(shift.from, shift.to, working)) / HOUR_MS;
      load.weekend_hours += overlapMs(shift.from, shift.to, weekendDays) / HOUR_MS;
      const nightMs = overlapMs(shift.from, shift.to, nights);
      load.night_hours += nightMs / HOUR_MS;
      const total = hoursBy.get(shift.who) ?? { hours: 0, night: 0 };
      hoursBy.set(shift.who, { hours: total.hours + length / HOUR_MS, night: total.night + nightMs / HOUR_MS });
    }
    for (const who of hoursBy.keys()) person(who);
    const hours = [...hoursBy.values()].map((h) => h.hours);
    const nightTotal = [...hoursBy.values()].reduce((sum, h) => sum + h.night, 0);
    fairness.push({
      schedule: schedule.id,
      name: schedule.data.name,
      people: hoursBy.size,
      max_hours: round(Math.max(0, ...hours)),
      min_hours: round(hours.length ? Math.min(...hours) : 0),
      night_share: Object.fromEntries(
        [...hoursBy].sort(([a], [b]) => a.localeCompare(b)).map(([who, h]) => [who, nightTotal > 0 ? round(h.night / nightTotal, 3) : 0]),
      ),
    });
  }

  for (const incident of input.incidents) {
    const { data } = incident;
    if (data.type === "maintenance" || data.drill || data.started_at === undefined) continue;
    const at = Date.parse(data.started_at);
    if (at < from || at >= to) continue;
    if (data.roles?.commander) person(data.roles.commander).commanded++;
    const paged = new Set<string>();
    for (const schedule of schedules) {
      const who = shiftAt(timelines.get(schedule)!, at)?.who;
      if (!who || paged.has(who)) continue;
      paged.add(who);
      const load = person(who);
      load.incidents++;
      load.incident_ids.push(incident.id);
      if (windowIntervals([night], schedule.data.timezone, at, at + 1).length > 0) load.night_incidents++;
    }
  }

  const list = [...people.values()].map((p) => ({
    ...p,
    hours: round(p.hours),
    out_of_hours: round(p.out_of_hours),
    weekend_hours: round(p.weekend_hours),
    night_hours: round(p.night_hours),
  }));
  list.sort((a, b) => b.hours - a.hours || a.person.localeCompare(b.person));
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), people: list, fairness };
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
