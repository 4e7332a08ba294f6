// Times written into public text by a command, as the site shows times: in the site's zone with
// its abbreviation ("1 Dec 2026, 02:00 CET", site/src/lib/format.ts). The page prints its times
// in that zone, so the text under a time must not switch to UTC.

const formatters = new Map<string, Intl.DateTimeFormat>();

export function zonedMinute(iso: string, timeZone: string): string {
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
  return format.format(Date.parse(iso));
}
