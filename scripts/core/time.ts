// Time as every layer reads it: instants in milliseconds, the UTC date of an instant, and `now`
// (SITREP_NOW when set — tests, reproducible reports and builds — else the clock). Times in
// records are RFC 3339 strings; the model works in milliseconds since the epoch. Pure, but for
// `nowFrom`'s default clock.
import { SitrepError } from "../errors.ts";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch for an RFC 3339 time, or undefined when absent. */
export function toMillis(time: string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The UTC calendar date (YYYY-MM-DD) of an instant. */
export function utcDate(instant: string | number | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** `now`: SITREP_NOW when set, else the clock. A SITREP_NOW that is not a time stops the run (exit 2). */
export function nowFrom(env: { SITREP_NOW?: string }, clock: () => Date = () => new Date()): Date {
  const fixed = env.SITREP_NOW;
  if (!fixed) return clock();
  const time = Date.parse(fixed);
  if (Number.isNaN(time)) throw new SitrepError(`SITREP_NOW is \`${fixed}\`, not a time.`, { hint: "Set it to an RFC 3339 time such as 2026-11-22T12:00:00Z, or unset it." });
  return new Date(time);
}
