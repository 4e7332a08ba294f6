// A time written with the wrong offset — 22:30 local typed as `22:30Z`, or a UTC date with a local
// time — lands hours away from when it happened, and a record dated after now silently waits
// (the site publishes what is known at build time). This finds what the author most likely
// meant: the same wall-clock time in the site's zone, that day or the day before, whichever is
// not in the future and closest to now. Pure: `now` and the zone are passed in.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in minutes (America/Chicago in winter: -360). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, format);
  }
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** `-06:00` for -360 minutes; `Z` for 0. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export interface LikelyTime {
  /** RFC 3339 in the zone, e.g. 2026-12-07T22:30:00-06:00. */
  time: string;
  ms: number;
}

/** The wall clock (date and time as written, offset ignored) of an RFC 3339 string. */
function wallClockOf(written: string): { date: string; time: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)/.exec(written);
  return match ? { date: match[1], time: match[2].length === 5 ? `${match[2]}:00` : match[2] } : undefined;
}

/** The instant of a local wall-clock time in `timeZone` (the offset in force then). */
function inZone(date: string, time: string, timeZone: string): LikelyTime {
  const naive = Date.parse(`${date}T${time}Z`);
  let offset = zoneOffsetMinutes(naive, timeZone);
  offset = zoneOffsetMinutes(naive - offset * 60_000, timeZone);
  const ms = naive - offset * 60_000;
  return { time: `${date}T${time}${formatOffset(offset)}`, ms };
}

/**
 * What a time dated after `now` most likely meant, read in `timeZone`: the same wall-clock time on
 * its date or the day before, the latest of them that is not after `now` (plus `skewMs`), if it is
 * within a day of `now`; undefined when neither is.
 */
export function likelyMeant(written: string, now: number, timeZone: string, skewMs: number): LikelyTime | undefined {
  const clock = wallClockOf(written);
  if (!clock) return undefined;
  const dayBefore = new Date(Date.parse(`${clock.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const candidates = [clock.date, dayBefore]
    .map((date) => inZone(date, clock.time, timeZone))
    .filter((c) => c.ms <= now + skewMs && c.ms > now - 86_400_000 && c.ms !== Date.parse(written));
  return candidates.sort((a, b) => b.ms - a.ms)[0];
}
