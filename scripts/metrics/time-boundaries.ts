// Time helpers of metrics: --since/--until boundaries, minutes and days between times, UTC
// calendar keys (month, quarter). Pure. The UTC date of an instant is core/time.ts's utcDate.
import { UsageError } from "../errors.ts";
import { DAY_MS as DAY } from "../core/time.ts";

export { DAY };

export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY;
}

/** Canonical UTC form with second precision, so times compare as strings ("…T12:00:00Z"). */
export function toUtc(time: string | number | Date): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * A `--since` / `--until` value: a date (YYYY-MM-DD, UTC; --until includes the whole day) or an
 * RFC 3339 time with an offset.
 */
export function parseBoundary(flag: string, value: string, edge: "start" | "end"): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(start)) return toUtc(edge === "start" ? start : start + DAY - 1000);
  } else if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))) {
    return toUtc(value);
  }
  throw new UsageError(
    `--${flag} is \`${value}\`, not a date or a time.`,
    `Use a date such as 2026-01-01, or a time with an offset such as 2026-01-01T00:00:00Z.`,
  );
}

/** "2026-Q2" of a time, in UTC. */
export function quarterOf(time: string): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** "2026-05" of a time, in UTC. */
export function monthOf(time: string): string {
  return toUtc(time).slice(0, 7);
}
