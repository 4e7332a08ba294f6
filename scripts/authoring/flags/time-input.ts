// Times typed on the command line → RFC 3339 in UTC (`2026-11-22T14:05:00Z`). Pure: takes `now`
// and the zone to read wall-clock times in (site.timezone, or --tz). Accepts RFC 3339 with an
// offset (seconds optional), `now`, relative forms such as `-15m`, `-2h`, `-1h30m`, `+1d`, and
// what people type at 2 a.m. — `22:12`, `5 min ago`, `yesterday 23:40`, `today 9pm` — read by
// chrono-node in the zone, as long as it names a time of day (`tomorrow` alone is refused) and
// the whole text is a time. A full date and time without an offset is still refused: written
// into a record it would mean different instants to different readers (the schema's rule).
import { createRequire } from "node:module";
import { UsageError } from "../../errors.ts";
import { formatDuration } from "../../model/duration.ts";
import { formatOffset, zoneOffsetMinutes } from "../../model/offset-mistake.ts";

const RELATIVE = /^([+-])((?:\d+[smhd])+)$/;
const PART = /(\d+)([smhd])/g;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const ABSOLUTE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** What a time flag accepts, with the offset of `zone` in the example (the zone wall-clock times are read in). */
export function timeHint(zone = "UTC", now = new Date(0)): string {
  const offset = formatOffset(zoneOffsetMinutes(now.getTime(), zone));
  const local = offset === "Z" ? "" : `, or 2026-11-22T14:05:00${offset} in ${zone}`;
  return (
    `Use a time of day such as 22:12 or \`yesterday 23:40\` (read in ${zone}), \`5 min ago\`, -15m, \`now\`, ` +
    `or RFC 3339 with an offset (2026-11-22T14:05:00Z${local}).`
  );
}

/** The same hint for UTC, for callers that have no zone. */
/** Formats an instant as RFC 3339 UTC with whole seconds, the form every record uses. */
export function formatTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parses what a user typed for `flag` (used in the error message) into an RFC 3339 UTC time. */
export function parseTimeInput(text: string, now: Date, flag: string, timeZone = "UTC"): string {
  const value = text.trim();
  if (value.toLowerCase() === "now") return formatTime(now);
  const relative = RELATIVE.exec(value);
  if (relative) {
    let offset = 0;
    for (const [, amount, unit] of relative[2].matchAll(PART)) offset += Number(amount) * UNIT_MS[unit];
    return formatTime(new Date(now.getTime() + (relative[1] === "-" ? -offset : offset)));
  }
  const absolute = ABSOLUTE.exec(value);
  if (absolute) {
    const [, date, hourMinute, seconds = ":00", zone] = absolute;
    const time = Date.parse(`${date}T${hourMinute}${seconds}${zone.toUpperCase()}`);
    // Date.parse rolls 2026-02-30 over to March; a real date reads back as written.
    const offsetMs =
      zone.toUpperCase() === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    const readBack = Number.isNaN(time) ? "" : new Date(time + offsetMs).toISOString().slice(0, 16);
    if (readBack === `${date}T${hourMinute}`) return formatTime(new Date(time));
    throw new UsageError(`${flag} is \`${text}\`, which is not a real date or time.`, timeHint(timeZone, now));
  }
  if (NO_OFFSET.test(value)) {
    const written = value.includes("T") || value.includes(" ") ? value.replace(" ", "T") : `${value}T00:00`;
    const offset = formatOffset(zoneOffsetMinutes(now.getTime(), timeZone));
    throw new UsageError(
      `${flag} is \`${text}\`, a date and time without an offset.`,
      `Add the offset it was in, e.g. \`${written}${offset}\`${offset === "Z" ? " for UTC" : ` for ${timeZone}, \`${written}Z\` for UTC`}. ${timeHint(timeZone, now)}`,
    );
  }
  const spoken = spokenTime(value, now, timeZone);
  if (spoken !== undefined) return formatTime(new Date(spoken));
  throw new UsageError(`${flag} is \`${text}\`, not a time sitrep understands.`, timeHint(timeZone, now));
}

type Chrono = typeof import("chrono-node/en");
let chronoModule: Chrono | undefined;
/** chrono-node's English parser, loaded on first use (~0.1–0.2 s): RFC 3339 and `-15m` never pay for it. */
function chrono(): Chrono {
  chronoModule ??= createRequire(import.meta.url)("chrono-node/en") as Chrono;
  return chronoModule;
}

/** `22:12`, `5 min ago`, `yesterday 23:40` in `zone` (ms), or undefined when it is not wholly a time of day. */
function spokenTime(value: string, now: Date, zone: string): number | undefined {
  const read = (offset: number) => {
    const results = chrono().parse(value, { instant: now, timezone: offset }, { forwardDate: false });
    const [only] = results;
    if (results.length !== 1 || only.index !== 0 || only.text.length !== value.length || only.end || !only.start.isCertain("hour"))
      return undefined;
    return only.start.date().getTime();
  };
  const first = read(zoneOffsetMinutes(now.getTime(), zone));
  if (first === undefined) return undefined;
  // Read again with the offset in force at that time (a daylight-saving change since yesterday).
  return read(zoneOffsetMinutes(first, zone)) ?? first;
}

/** A bare time of day (`22:12`, `at 9pm`): it means the last such time when a past time is wanted. */
const CLOCK_ONLY = /^(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i;

/** How a time reads in `zone`, for echoing it back: "22:12 America/Chicago (-06:00), 10 min ago". */
export function describeTime(time: string, zone: string, now: Date): string {
  const ms = Date.parse(time);
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(ms)
    .replace(",", "");
  const minutes = (now.getTime() - ms) / 60_000;
  const when = Math.abs(minutes) < 1 ? "now" : minutes > 0 ? `${formatDuration(minutes)} ago` : `in ${formatDuration(-minutes)}`;
  return `${local} ${zone} (${formatOffset(zoneOffsetMinutes(ms, zone))}), ${when}`;
}

/** Clocks drift and people round up; a milestone this far ahead is still accepted. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A time that has already happened (milestones, updates). A time well in the future is almost
 * always a wrong offset or a typo, so it is refused with the time it was read as.
 */
export function parsePastTime(text: string, now: Date, flag: string, zone = "UTC"): string {
  let time = parseTimeInput(text, now, flag, zone);
  // `--at 23:50` typed at 00:10 means yesterday's 23:50.
  if (Date.parse(time) > now.getTime() + FUTURE_SLACK_MS && CLOCK_ONLY.test(text.trim())) {
    time = parseTimeInput(`yesterday ${text.trim().replace(/^at\s+/i, "")}`, now, flag, zone);
  }
  if (Date.parse(time) > now.getTime() + FUTURE_SLACK_MS) {
    const offset = formatOffset(zoneOffsetMinutes(now.getTime(), zone));
    throw new UsageError(
      `${flag} \`${text}\` is ${time}, in the future (now is ${formatTime(now)}).`,
      `Check the offset (Z is UTC${offset === "Z" ? "" : `; ${zone} is ${offset} now`}), or type the local time (\`22:12\`) or a relative one (\`5 min ago\`, -15m).`,
    );
  }
  return time;
}
