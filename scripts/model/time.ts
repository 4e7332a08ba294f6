// Small time helpers shared by the status model. Times in records are RFC 3339 strings;
// the model works in milliseconds since the epoch.

/** Milliseconds since the epoch for an RFC 3339 time, or undefined when absent. */
export function toMillis(time: string | undefined): number | undefined {
  if (time === undefined) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? undefined : ms;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
