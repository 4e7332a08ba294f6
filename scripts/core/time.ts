// Time as every layer reads it: instants in milliseconds, the UTC date of an instant, and `now`
// (SITREP_NOW when set — tests, reproducible reports and builds — else the clock). Pure, but for
// `nowFrom`'s default clock.
//
// Times in records are read here and nowhere else (docs/decisions/0176-one-time-parser.md): the
// schema's `date-time` format is `isRecordTime` (records/schema-formats.ts), and the model, the
// status, the publishers and the site read instants with `toMillis`. So what validate accepts is
// exactly what the page reads. Before, ajv-formats accepted `+01` and a space for `T` while
// Date.parse read `+01` as no time at all (a post dated 1970, a maintenance that never ended).
import { SitrepError } from "../errors.ts";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * The one form of a time in a record: RFC 3339 with `T`, seconds and an offset that has its
 * colon (`2026-11-20T14:02:00Z`, `2026-11-20T15:02:00.5+01:00`). Capture groups: date, hour,
 * minute, second, fraction, offset.
 */
const RECORD_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

export type TimeReading =
  | { ok: true; ms: number }
  /** `offsetMissing`: a wall-clock time without any offset (its own rule, time-without-offset). */
  | { ok: false; problem: string; hint: string; offsetMissing: boolean };

const EXAMPLE = "2026-11-20T14:02:00Z";

/**
 * The record form with every field in range but the day of the month (checked against the
 * month): the fast test every read makes. Capture groups: year, month, day, fraction.
 */
const RECORD_TIME_IN_RANGE =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(\d+))?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Reads a record time: its instant, or what is wrong with it and how to write it. Linear, pure. */
export function readTime(text: string): TimeReading {
  const ms = toMillis(text);
  if (ms !== undefined) return { ok: true, ms };
  const match = RECORD_TIME.exec(text);
  return (match && rangeProblem(match)) || refuse(text);
}

/** True when `text` is a time a record may hold (the schema's `date-time` format). */
export function isRecordTime(text: string): boolean {
  const fast = utcSecondsMillis(text);
  if (fast !== undefined) return !Number.isNaN(fast);
  return inRange(RECORD_TIME_IN_RANGE.exec(text));
}

/**
 * True when `text` is already the UTC form a page writes in `datetime` (YYYY-MM-DDTHH:MM:SSZ, an
 * instant in range): the form nearly every record time has, so the site's `utc()` returns it as it
 * is instead of reading and printing it again (docs/decisions/0197).
 */
export function isUtcSecondsForm(text: string): boolean {
  const fast = utcSecondsMillis(text);
  return fast !== undefined && !Number.isNaN(fast);
}

/** Milliseconds since the epoch of a record time, or undefined when absent or not a record time. */
export function toMillis(time: string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const fast = utcSecondsMillis(time);
  if (fast !== undefined) return Number.isNaN(fast) ? undefined : fast;
  const match = RECORD_TIME_IN_RANGE.exec(time);
  if (!inRange(match)) return undefined;
  // The record form is ECMAScript's own date-time string format, which Date.parse reads exactly
  // (and five times faster than arithmetic here); beyond milliseconds the format leaves the
  // reading to the engine, so a longer fraction is cut to milliseconds first.
  const fraction = match![4];
  if (fraction === undefined || fraction.length <= 3) return Date.parse(time);
  const cut = time.indexOf(".") + 4;
  return Date.parse(time.slice(0, cut) + time.slice(cut + fraction.length - 3));
}

/**
 * The same reading of the one shape nearly every record time has, `YYYY-MM-DDTHH:MM:SSZ`, digit by
 * digit: its instant, NaN when that shape is out of range (a refused time), or undefined for any
 * other text, which the pattern above then reads. A validate run reads each time several times
 * (the schema's format, then every rule that compares it); the pattern's match array and
 * Date.parse made this ~12% of validate's CPU on 10,000 records, this path allocates nothing.
 * Same ranges as RECORD_TIME_IN_RANGE + inRange, and the instant Date.parse reads for this form
 * (years below 100 are left to the pattern, as before); tests/core/time.unit.test.ts holds both
 * paths to the same answers.
 */
function utcSecondsMillis(t: string): number | undefined {
  if (t.length !== 20 || t.charCodeAt(19) !== 90 /* Z */) return undefined;
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58)
    return undefined;
  const year = digits(t, 0, 4);
  const month = digits(t, 5, 2);
  const day = digits(t, 8, 2);
  const hour = digits(t, 11, 2);
  const minute = digits(t, 14, 2);
  const second = digits(t, 17, 2);
  // A non-digit anywhere makes its field negative: not this shape.
  if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return Number.NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil): ECMAScript's
 * MakeDay for these years, in integer arithmetic (Date.UTC cost more than the rest of the read).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The decimal number of `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function inRange(match: RegExpExecArray | null): boolean {
  if (match === null) return false;
  const day = Number(match[3]);
  return day <= 28 || day <= daysIn(Number(match[1]), Number(match[2]));
}

/** What is out of range in a time of the record form: the day, the clock, or the offset. */
function rangeProblem([, year, month, day, hour, minute, second, , offset]: RegExpExecArray): TimeReading | undefined {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
    return bad(
      `${year}-${month}-${day} is not a date in the calendar`,
      `Check the day and month: ${year}-${month} has ${mo >= 1 && mo <= 12 ? daysIn(y, mo) : "no such month and no"} days.`,
    );
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return bad(
      "the clock time is out of range",
      "Hours run 00–23, minutes and seconds 00–59 (no leap second `:60`, no `24:00`; write the next day's `00:00:00`).",
    );
  }
  if (offset !== "Z" && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) {
    return bad(`the offset \`${offset}\` is out of range`, "An offset is at most ±23:59, e.g. `+01:00` for CET.");
  }
  return undefined;
}

/** Milliseconds of a record time the schema has accepted; NaN (never a wrong instant) otherwise. */
export function millis(time: string): number {
  return toMillis(time) ?? Number.NaN;
}

/** The UTC calendar date (YYYY-MM-DD) of an instant (a string that is not a record time: as Date reads it). */
export function utcDate(instant: string | number | Date): string {
  // A record time in UTC already says its UTC date: no Date to build and format (a rule asks this of every incident).
  if (typeof instant === "string" && instant.endsWith("Z") && toMillis(instant) !== undefined) return instant.slice(0, 10);
  return new Date(typeof instant === "string" ? (toMillis(instant) ?? Date.parse(instant)) : instant).toISOString().slice(0, 10);
}

/** `now`: SITREP_NOW when set, else the clock. A SITREP_NOW that is not a time stops the run (exit 2). */
export function nowFrom(env: { SITREP_NOW?: string }, clock: () => Date = () => new Date()): Date {
  const fixed = env.SITREP_NOW;
  if (!fixed) return clock();
  const time = Date.parse(fixed);
  if (Number.isNaN(time))
    throw new SitrepError(`SITREP_NOW is \`${fixed}\`, not a time.`, {
      hint: "Set it to an RFC 3339 time such as 2026-11-22T12:00:00Z, or unset it.",
    });
  return new Date(time);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function bad(problem: string, hint: string, offsetMissing = false): TimeReading {
  return { ok: false, problem, hint, offsetMissing };
}

/** Why a text that does not have the record form was refused, recognising the usual near-misses. */
function refuse(text: string): TimeReading {
  const canonical = text.replace(/^(\d{4}-\d{2}-\d{2})[ t](?=\d)/, "$1T").replace(/z$/, "Z");
  const wall = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?/.exec(canonical);
  if (canonical !== text && RECORD_TIME.test(canonical)) {
    return bad(
      "written with a space or a lower-case `t`/`z`",
      `Write it as \`${canonical}\`: a capital \`T\` between date and time and a capital \`Z\`.`,
    );
  }
  if (!wall) return bad("not a time", `Write it like \`${EXAMPLE}\` (RFC 3339 with an offset).`);
  const rest = canonical.slice(wall[0].length);
  const seconds = wall[3] ?? ":00";
  const fixed = (offset: string) => `${wall[1]}T${wall[2]}${seconds}${offset}`;
  if (rest === "") {
    return bad(
      "a time without an offset",
      `Add the UTC offset, e.g. \`${fixed("Z")}\` for UTC or \`+01:00\` for CET; without it the time means different instants to different readers.`,
      true,
    );
  }
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(rest);
  if (offset) {
    const withColon = `${offset[1]}${offset[2]}:${offset[3] ?? "00"}`;
    return bad(
      `the offset \`${rest}\` is not written in full`,
      `Write the offset as hours and minutes with a colon: \`${fixed(withColon)}\`.`,
    );
  }
  if (wall[3] === undefined && /^(Z|[+-]\d{2}:\d{2})$/.test(rest)) {
    return bad("a time without seconds", `Write the seconds too: \`${fixed(rest)}\`.`);
  }
  return bad("not a time", `Write it like \`${EXAMPLE}\` or \`2026-11-20T15:02:00+01:00\` (RFC 3339 with an offset).`);
}
