// Local wall-clock time in an IANA zone, with nothing but Intl (as scripts/status/time-zone.ts
// does for calendar days). Schedules are written in local time ("09:00 every Monday, Berlin"),
// so rotations are computed on a *floating* clock — the local wall time written as if it were
// UTC, where every day has 24 hours — and each handoff is turned into an instant only at the
// end. That is what keeps a 09:00 handoff at 09:00 across daylight-saving changes.

import { DAY_MS } from "../core/time.ts";
import { wallClock } from "../core/wall-clock.ts";

export { DAY_MS };

/** The local wall time of the instant `ms` in `timeZone`, on the floating clock (ms kept). */
export function toFloating(ms: number, timeZone: string): number {
  return ms + offsetOf(ms, timeZone);
}

/**
 * The zone's offset per UTC day, with the instant it changes on days with a change (found to
 * the minute by bisection). Intl's formatToParts is slow (~20 µs); a four-year load report asks
 * for millions of offsets, and zones change their offset at most once a day.
 */
const dayOffsets = new Map<string, Map<number, { before: number; after: number; at: number }>>();

function offsetOf(ms: number, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (days === undefined) dayOffsets.set(timeZone, (days = new Map()));
  const day = Math.floor(ms / DAY_MS);
  let entry = days.get(day);
  if (entry === undefined) {
    const start = day * DAY_MS;
    const before = intlOffset(start, timeZone);
    const after = intlOffset(start + DAY_MS, timeZone);
    let low = start;
    let high = start + DAY_MS;
    if (before === after) high = Infinity;
    else {
      while (high - low > 60_000) {
        const mid = low + Math.floor((high - low) / 120_000) * 60_000;
        if (intlOffset(mid, timeZone) === before) low = mid;
        else high = mid;
      }
    }
    entry = { before, after, at: high };
    days.set(day, entry);
  }
  return ms < entry.at ? entry.before : entry.after;
}

/** The offset at a whole-second instant, from Intl. */
function intlOffset(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
}

/**
 * The instant a floating wall time happens in `timeZone`. A time that happens twice (the hour
 * repeated when clocks go back) is its first occurrence; a time that never happens (the hour
 * skipped when clocks go forward) moves forward by the size of the jump (02:30 → 03:30), as
 * RFC 5545 and Temporal's "compatible" disambiguation do.
 */
export function fromFloating(floating: number, timeZone: string): number {
  const before = floating - offsetAt(floating - DAY_MS, timeZone);
  const after = floating - offsetAt(floating + DAY_MS, timeZone);
  const exact = [before, after].filter((t) => toFloating(t, timeZone) === floating);
  if (exact.length > 0) return Math.min(...exact);
  return before;
}

/** Whether a floating wall time happens at all in `timeZone` (false inside a spring-forward gap). */
export function existsLocally(floating: number, timeZone: string): boolean {
  return toFloating(fromFloating(floating, timeZone), timeZone) === floating;
}

/** Offset of the zone from UTC at the instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  return offsetOf(ms, timeZone);
}

/** `2026-10-05T09:00` (the schema's local-time pattern) on the floating clock. */
export function parseLocal(text: string): number {
  const [date, time] = text.split("T");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** Minutes since midnight of `HH:MM` (24:00 is 1440). */
export function parseClock(text: string): number {
  const [hour, minute] = text.split(":").map(Number);
  return hour * 60 + minute;
}

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekday of a floating time's local day. */
export function weekdayOf(floating: number): Weekday {
  return WEEKDAYS[new Date(floating).getUTCDay()];
}

/** Midnight of the floating time's local day, on the floating clock. */
export function floatingDay(floating: number): number {
  return Math.floor(floating / DAY_MS) * DAY_MS;
}

/** An instant as RFC 3339 with the zone's offset at that instant, to the minute: 2026-10-25T09:00+01:00. */
export function formatLocal(ms: number, timeZone: string): string {
  const floating = toFloating(ms, timeZone);
  const offsetMinutes = Math.round((floating - ms) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${new Date(floating).toISOString().slice(0, 19)}${offset}`;
}
