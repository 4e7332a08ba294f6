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

/** Reads a record time: its instant, or what is wrong with it and how to write it. Linear, pure. */
export function readTime(text: string): TimeReading {
  const match = RECORD_TIME.exec(text);
  if (!match) return refuse(text);
  const problem = rangeProblem(match);
  if (problem) return problem;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const y = Number(year);
  const millisecond = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  // Date.UTC reads years 0–99 as 1900–1999; those few go through setUTCFullYear.
  let ms = Date.UTC(y, Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millisecond);
  if (y < 100) {
    const date = new Date(0);
    date.setUTCFullYear(y, Number(month) - 1, Number(day));
    date.setUTCHours(Number(hour), Number(minute), Number(second), millisecond);
    ms = date.getTime();
  }
  if (offset !== "Z") ms -= (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * MINUTE_MS;
  return { ok: true, ms };
}

/** True when `text` is a time a record may hold (the schema's `date-time` format; no instant computed). */
export function isRecordTime(text: string): boolean {
  const match = RECORD_TIME.exec(text);
  return match !== null && rangeProblem(match) === undefined;
}

/** What is out of range in a time of the record form: the day, the clock, or the offset. */
function rangeProblem([, year, month, day, hour, minute, second, , offset]: RegExpExecArray): TimeReading | undefined {
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
    return bad(`${year}-${month}-${day} is not a date in the calendar`, `Check the day and month: ${year}-${month} has ${mo >= 1 && mo <= 12 ? daysIn(y, mo) : "no such month and no"} days.`);
  }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return bad("the clock time is out of range", "Hours run 00–23, minutes and seconds 00–59 (no leap second `:60`, no `24:00`; write the next day's `00:00:00`).");
  }
  if (offset !== "Z" && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59)) {
    return bad(`the offset \`${offset}\` is out of range`, "An offset is at most ±23:59, e.g. `+01:00` for CET.");
  }
  return undefined;
}

/** Milliseconds since the epoch of a record time, or undefined when absent or not a record time. */
export function toMillis(time: string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const reading = readTime(time);
  return reading.ok ? reading.ms : undefined;
}

/** Milliseconds of a record time the schema has accepted; NaN (never a wrong instant) otherwise. */
export function millis(time: string): number {
  return toMillis(time) ?? Number.NaN;
}

/** The UTC calendar date (YYYY-MM-DD) of an instant (a string that is not a record time: as Date reads it). */
export function utcDate(instant: string | number | Date): string {
  return new Date(typeof instant === "string" ? (toMillis(instant) ?? Date.parse(instant)) : instant).toISOString().slice(0, 10);
}

/** `now`: SITREP_NOW when set, else the clock. A SITREP_NOW that is not a time stops the run (exit 2). */
export function nowFrom(env: { SITREP_NOW?: string }, clock: () => Date = () => new Date()): Date {
  const fixed = env.SITREP_NOW;
  if (!fixed) return clock();
  const time = Date.parse(fixed);
  if (Number.isNaN(time)) throw new SitrepError(`SITREP_NOW is \`${fixed}\`, not a time.`, { hint: "Set it to an RFC 3339 time such as 2026-11-22T12:00:00Z, or unset it." });
  return new Date(time);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function bad(problem: string, hint: string, offsetMissing = false): TimeReading {
  return { ok: false, problem, hint, offsetMissing };
}

/** Why a text that does not have the record form was refused, recognising the usual near-misses. */
function refuse(text: string): TimeReading {
  const canonical = text.replace(/^(\d{4}-\d{2}-\d{2})[ t](?=\d)/, "$1T").replace(/z$/, "Z");
  const wall = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?/.exec(canonical);
  if (canonical !== text && RECORD_TIME.test(canonical)) {
    return bad("written with a space or a lower-case `t`/`z`", `Write it as \`${canonical}\`: a capital \`T\` between date and time and a capital \`Z\`.`);
  }
  if (!wall) return bad("not a time", `Write it like \`${EXAMPLE}\` (RFC 3339 with an offset).`);
  const rest = canonical.slice(wall[0].length);
  const seconds = wall[3] ?? ":00";
  const fixed = (offset: string) => `${wall[1]}T${wall[2]}${seconds}${offset}`;
  if (rest === "") {
    return bad("a time without an offset", `Add the UTC offset, e.g. \`${fixed("Z")}\` for UTC or \`+01:00\` for CET; without it the time means different instants to different readers.`, true);
  }
  const offset = /^([+-])(\d{2}):?(\d{2})?$/.exec(rest);
  if (offset) {
    const withColon = `${offset[1]}${offset[2]}:${offset[3] ?? "00"}`;
    return bad(`the offset \`${rest}\` is not written in full`, `Write the offset as hours and minutes with a colon: \`${fixed(withColon)}\`.`);
  }
  if (wall[3] === undefined && /^(Z|[+-]\d{2}:\d{2})$/.test(rest)) {
    return bad("a time without seconds", `Write the seconds too: \`${fixed(rest)}\`.`);
  }
  return bad("not a time", `Write it like \`${EXAMPLE}\` or \`2026-11-20T15:02:00+01:00\` (RFC 3339 with an offset).`);
}
