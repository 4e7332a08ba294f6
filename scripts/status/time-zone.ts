// Calendar days in an IANA time zone, with nothing but Intl: the date of an instant, and the
// instant a local date begins (DST days are 23 or 25 hours long; this handles both).
import { DAY_MS, utcDate } from "../core/time.ts";
import { wallClock } from "../core/wall-clock.ts";

/** Offset of the zone from UTC at the instant `ms`, in ms (Berlin in winter: +3,600,000). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${String(w.year).padStart(4, "0")}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * The first instant of the local day `date` (YYYY-MM-DD) in `timeZone`: local midnight, or —
 * where a daylight-saving change skips midnight (Santiago, Beirut) — the moment the day begins.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  // The same few hundred days are asked for every component's bars (2,400 components × 90 days on
  // a large page): each answer costs several Intl formatToParts calls, so it is worked out once.
  const key = `${timeZone}|${date}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = computeStartOfLocalDay(date, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

/** Local day starts by zone and date; bounded by the days a process asks about (one entry each). */
const dayStarts = new Map<string, number>();

function computeStartOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number);
  const naive = Date.UTC(year, month - 1, day);
  // The offset before and after a nearby change give two candidates; in ordinary days they agree.
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  const onTheDay = [first, second].filter((t) => localDate(t, timeZone) === date);
  return onTheDay.length > 0 ? Math.min(...onTheDay) : Math.max(first, second);
}

/** The date `days` after `date` (negative for before), as YYYY-MM-DD; calendar arithmetic, no zone. */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return utcDate(Date.UTC(year, month - 1, day) + days * DAY_MS);
}
