// Times typed on the command line → RFC 3339 in UTC (`2026-11-22T14:05:00Z`). Pure: takes `now`.
// Accepts RFC 3339 with an offset (seconds optional), `now`, and relative forms such as
// `-15m`, `-2h`, `-1h30m`, `+1d` (s, m, h, d). A time without an offset is refused: it would
// mean different instants to different readers (the same rule the schema enforces).
import { UsageError } from "../errors.ts";

const RELATIVE = /^([+-])((?:\d+[smhd])+)$/;
const PART = /(\d+)([smhd])/g;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const ABSOLUTE = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

export const TIME_HINT = "Use RFC 3339 with an offset (2026-11-22T14:05:00Z or 2026-11-22T15:05:00+01:00), `now`, or a relative time such as -15m, -2h, -1h30m.";

/** Formats an instant as RFC 3339 UTC with whole seconds, the form every record uses. */
export function formatTime(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Parses what a user typed for `flag` (used in the error message) into an RFC 3339 UTC time. */
export function parseTimeInput(text: string, now: Date, flag: string): string {
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
    const offsetMs = zone.toUpperCase() === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
    const readBack = Number.isNaN(time) ? "" : new Date(time + offsetMs).toISOString().slice(0, 16);
    if (readBack === `${date}T${hourMinute}`) return formatTime(new Date(time));
    throw new UsageError(`${flag} is \`${text}\`, which is not a real date or time.`, TIME_HINT);
  }
  if (NO_OFFSET.test(value)) {
    throw new UsageError(`${flag} is \`${text}\`, a time without an offset.`,
      `Add the offset it was in, e.g. \`${value.includes("T") || value.includes(" ") ? value.replace(" ", "T") : `${value}T00:00`}Z\` for UTC. ${TIME_HINT}`);
  }
  throw new UsageError(`${flag} is \`${text}\`, not a time sitrep understands.`, TIME_HINT);
}

/** Clocks drift and people round up; a milestone this far ahead is still accepted. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * A time that has already happened (milestones, updates). A time well in the future is almost
 * always a wrong offset or a typo, so it is refused with the time it was read as.
 */
export function parsePastTime(text: string, now: Date, flag: string): string {
  const time = parseTimeInput(text, now, flag);
  if (Date.parse(time) > now.getTime() + FUTURE_SLACK_MS) {
    throw new UsageError(`${flag} \`${text}\` is ${time}, in the future (now is ${formatTime(now)}).`,
      "Check the offset (Z is UTC; +01:00 is an hour ahead of UTC) or use a relative time such as -15m.");
  }
  return time;
}
