// Times as the site shows them: in the site's zone with its abbreviation ("1 Dec 2026, 02:00 CET").
// The pages print their times with it (site/src/lib/format.ts), and so does the public text a
// command writes (maintenance, cancel, reschedule): the text under a time must read the same.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An RFC 3339 time, to the minute, in `timeZone`. */
export function zonedMinute(iso: string, timeZone: string): string {
  return zonedMinuteAt(Date.parse(iso), timeZone);
}

/** An instant (ms since the epoch), to the minute, in `timeZone`. */
export function zonedMinuteAt(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(timeZone, format);
  }
  return format.format(ms);
}
