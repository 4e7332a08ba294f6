// Recurring windows of local time (restrictions, working hours, nights) as instants over a range,
// and arithmetic on sets of intervals. Pure; daylight-saving days are 23 or 25 hours long and
// a window keeps its local times on them.
import type { Interval } from "./schedule.ts";
import { DAY_MS, floatingDay, fromFloating, parseClock, toFloating, weekdayOf, type Weekday } from "./local-time.ts";

export interface WeeklyWindow {
  /** Days the window starts on; every day when undefined. */
  days?: readonly Weekday[] | readonly string[];
  /** HH:MM local. */
  from: string;
  /** HH:MM local; at or before `from` means the next day. */
  to: string;
}

/** The instants of each window overlapping [from, to), clipped to it, sorted and merged. */
export function windowIntervals(windows: readonly WeeklyWindow[], timeZone: string, from: number, to: number): Interval[] {
  const out: Interval[] = [];
  const firstDay = floatingDay(toFloating(from, timeZone)) - DAY_MS;
  const lastDay = floatingDay(toFloating(to, timeZone));
  for (let day = firstDay; day <= lastDay; day += DAY_MS) {
    const weekday = weekdayOf(day);
    for (const window of windows) {
      if (window.days && !(window.days as readonly string[]).includes(weekday)) continue;
      const start = parseClock(window.from);
      let end = parseClock(window.to);
      if (end <= start) end += 24 * 60;
      const interval = { from: fromFloating(day + start * 60_000, timeZone), to: fromFloating(day + end * 60_000, timeZone) };
      const clipped = { from: Math.max(interval.from, from), to: Math.min(interval.to, to) };
      if (clipped.to > clipped.from) out.push(clipped);
    }
  }
  return mergeIntervals(out);
}

/** Sorted, with overlapping or touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out.at(-1);
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else out.push({ ...interval });
  }
  return out;
}

/** Index of the first of the sorted, disjoint intervals that ends after `from` (binary search). */
function firstEndingAfter(from: number, intervals: readonly Interval[]): number {
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (intervals[mid].to <= from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Total length in ms of the overlap of [from, to) with sorted, disjoint intervals. */
export function overlapMs(from: number, to: number, intervals: readonly Interval[]): number {
  let total = 0;
  const low = firstEndingAfter(from, intervals);
  for (let i = low; i < intervals.length; i++) {
    const interval = intervals[i];
    if (interval.from >= to) break;
    const start = Math.max(from, interval.from);
    const end = Math.min(to, interval.to);
    if (end > start) total += end - start;
  }
  return total;
}

/** The parts of [from, to) inside any of the sorted, disjoint intervals. */
export function intersect(from: number, to: number, intervals: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  const low = firstEndingAfter(from, intervals);
  for (let i = low; i < intervals.length && intervals[i].from < to; i++) {
    const interval = intervals[i];
    const start = Math.max(from, interval.from);
    const end = Math.min(to, interval.to);
    if (end > start) out.push({ from: start, to: end });
  }
  return out;
}
