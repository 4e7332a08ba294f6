// Dates and times as the site shows them: in the configured time zone, formatted at build time
// with Intl (no client-side JavaScript), always inside <time datetime="…Z"> in UTC.
import { context, isUtcSecondsForm, millis, zonedMinuteAt } from "./sitrep.ts";

const dateOnly = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

// Each distinct time is formatted once per build process: a record's times recur on its page,
// its cards in the history, month and component pages and the footer of every page (~116,000
// <time> elements at 10,000 incidents, ~50,000 distinct times). Bounded by the records' times.
const formatted = new Map<string, string>();
const utcForms = new Map<string, string>();

/** "17 Nov 2026, 12:22 CET" for an RFC 3339 time. */
export function formatDateTime(time: string): string {
  let text = formatted.get(time);
  if (text === undefined) formatted.set(time, (text = zonedMinuteAt(millis(time), context.timeZone)));
  return text;
}

/** "17 Nov 2026" for a calendar date (YYYY-MM-DD, already in the site's zone). */
export function formatDate(date: string): string {
  return dateOnly.format(new Date(`${date}T12:00:00Z`));
}

/** The UTC form for `datetime` attributes: 2026-11-17T11:22:00Z (no milliseconds). */
export function utc(time: string): string {
  // Nearly every time is in that form already (a record's own), or a view's toISOString() with
  // ".000Z": the same text as reading and printing it, without a Date and a cache entry for each
  // (~50,000 distinct times at 10,000 incidents; docs/decisions/0197).
  if (isUtcSecondsForm(time)) return time;
  if (time.length === 24 && time.endsWith(".000Z")) {
    const seconds = `${time.slice(0, 19)}Z`;
    if (isUtcSecondsForm(seconds)) return seconds;
  }
  let text = utcForms.get(time);
  if (text === undefined) utcForms.set(time, (text = new Date(millis(time)).toISOString().replace(".000Z", "Z")));
  return text;
}
