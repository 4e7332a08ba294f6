// Bad input from a source, said the same way by every importer: which file or request, which
// item (id and title), what is wrong, and what to do. The whole import stops, so nothing
// half-imported is written (the command writes only after every item converted).
import { SitrepError } from "../errors.ts";

export function sourceError(where: string, problem: string, hint: string): SitrepError {
  return new SitrepError(`${where}: ${problem} Nothing was imported.`, { hint, exitCode: 1 });
}

/** An RFC 3339 time in UTC (milliseconds only when the source had them), or a sourceError. */
export function utcTime(value: unknown, where: string, field: string): string {
  const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw sourceError(
      where,
      `\`${field}\` is ${JSON.stringify(value)}, not a time.`,
      "Fix the time in the export (RFC 3339, e.g. 2026-01-31T14:02:00Z), or export the page again.",
    );
  }
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

export function optionalUtcTime(value: unknown, where: string, field: string): string | undefined {
  return value === null || value === undefined || value === "" ? undefined : utcTime(value, where, field);
}
