// Per-day impact of one component over the last N days (the 90-day bars). At each instant only
// the worst open impact counts, so overlapping incidents are never counted twice and the minutes
// of a day add up to at most the length of the day.
import type { ImpactStatus, ComponentStatus } from "../model/vocabulary.ts";
import { IMPACT_STATUSES, statusRank, worstStatus } from "../model/vocabulary.ts";
import type { ImpactWindow } from "../model/impact-windows.ts";
import { MINUTE_MS } from "../core/time.ts";
import { addDaysToDate, localDate, startOfLocalDay } from "./time-zone.ts";

export interface DayImpact {
  /** YYYY-MM-DD in the display time zone. */
  date: string;
  /** The worst status seen that day. */
  status: ComponentStatus;
  /** Minutes in which each status was the worst open impact (fractions kept; round when showing). */
  minutes: Record<ImpactStatus, number>;
  /** Incidents and maintenance with impact on this component that day, in order of start. */
  incidentIds: string[];
  /** Minutes of the day that had elapsed by `now` (1440 for a past day; 1380/1500 on DST changes; less today). */
  minutesElapsed: number;
}

export interface DailyImpactOptions {
  /** How many days, today included. Default 90. */
  days?: number;
  /** IANA time zone that decides where days begin. Default UTC. */
  timeZone?: string;
}

/** One entry per day, oldest first, ending with today (the day of `now` in the time zone). */
export function dailyImpact(componentId: string, windows: ImpactWindow[], now: Date, options: DailyImpactOptions = {}): DayImpact[] {
  const days = options.days ?? 90;
  const timeZone = options.timeZone ?? "UTC";
  const nowMs = now.getTime();
  const today = localDate(nowMs, timeZone);
  const rangeStart = startOfLocalDay(addDaysToDate(today, -(days - 1)), timeZone);
  const mine = windows
    .filter((w) => w.componentId === componentId)
    .map((w) => ({ ...w, endMs: Math.min(w.end ?? nowMs, nowMs) }))
    .filter((w) => w.endMs > w.start && w.endMs > rangeStart);

  const result: DayImpact[] = [];
  for (let offset = days - 1; offset >= 0; offset--) {
    const date = addDaysToDate(today, -offset);
    const dayStart = startOfLocalDay(date, timeZone);
    const dayEnd = Math.min(startOfLocalDay(addDaysToDate(date, 1), timeZone), nowMs);
    const inDay = mine.filter((w) => w.start < dayEnd && w.endMs > dayStart);
    const minutes = worstMinutes(inDay, dayStart, dayEnd);
    result.push({
      date,
      status: worstStatus(IMPACT_STATUSES.filter((s) => minutes[s] > 0)),
      minutes,
      incidentIds: [...new Set(inDay.map((w) => w.incidentId))],
      minutesElapsed: Math.max(0, dayEnd - dayStart) / MINUTE_MS,
    });
  }
  return result;
}

/** Sweep over the day: at each stretch between window edges, the worst open status gets the time. */
function worstMinutes(windows: (ImpactWindow & { endMs: number })[], dayStart: number, dayEnd: number): Record<ImpactStatus, number> {
  const minutes: Record<ImpactStatus, number> = { under_maintenance: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0 };
  if (windows.length === 0) return minutes;
  const edges = new Set<number>([dayStart, dayEnd]);
  for (const w of windows) {
    if (w.start > dayStart && w.start < dayEnd) edges.add(w.start);
    if (w.endMs > dayStart && w.endMs < dayEnd) edges.add(w.endMs);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i];
    const to = sorted[i + 1];
    let worst: ImpactStatus | undefined;
    for (const w of windows) {
      if (w.start <= from && w.endMs >= to && (worst === undefined || statusRank(w.status) > statusRank(worst))) worst = w.status;
    }
    if (worst !== undefined) minutes[worst] += (to - from) / MINUTE_MS;
  }
  return minutes;
}
