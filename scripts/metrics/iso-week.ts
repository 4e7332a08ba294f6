// ISO 8601 weeks (Monday to Sunday, week 1 holds the year's first Thursday), in UTC. Pure.
import { UsageError } from "../errors.ts";
import { DAY, toUtc } from "./time-boundaries.ts";

export interface IsoWeek {
  /** "2026-W47" */
  label: string;
  /** Monday 00:00:00Z */
  start: string;
  /** Sunday 23:59:59Z */
  end: string;
}

export function parseIsoWeek(value: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week >= 1 && week <= weeksInYear(year)) return weekFromMonday(mondayOfWeek1(year) + (week - 1) * 7 * DAY);
  }
  throw new UsageError(
    `--week is \`${value}\`, not an ISO week.`,
    "Use the form YYYY-Www, e.g. 2026-W47 (weeks run Monday to Sunday; week 1 holds the year's first Thursday).",
  );
}

/** The ISO week that contains a time. */
export function isoWeekOf(time: string | Date): IsoWeek {
  const ms = new Date(time).getTime();
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  return weekFromMonday(day - weekday * DAY);
}

/** The week `offset` weeks away (negative = earlier). */
export function shiftWeek(week: IsoWeek, offset: number): IsoWeek {
  return weekFromMonday(Date.parse(week.start) + offset * 7 * DAY);
}

function weekFromMonday(monday: number): IsoWeek {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.round((monday - mondayOfWeek1(year)) / (7 * DAY)) + 1;
  return { label: `${year}-W${String(week).padStart(2, "0")}`, start: toUtc(monday), end: toUtc(monday + 7 * DAY - 1000) };
}

function mondayOfWeek1(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY;
}

function weeksInYear(year: number): number {
  return Math.round((mondayOfWeek1(year + 1) - mondayOfWeek1(year)) / (7 * DAY));
}
