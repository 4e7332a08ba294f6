// Human-readable durations and UTC times for generated text ("1 h 20 min", "2026-11-22 11:40"). Pure.
import { formatDuration } from "../../model/duration.ts";

/** The time from one recorded instant to another, in the model's words ("1 h 20 min"); "unknown" when it runs backwards. */
export function between(from: string | undefined, to: string | undefined): string | undefined {
  if (!from || !to) return undefined;
  const minutes = (Date.parse(to) - Date.parse(from)) / 60_000;
  return Number.isFinite(minutes) && minutes >= 0 ? formatDuration(minutes) : "unknown";
}

/** `2026-11-22 11:40` in UTC. */
export function utcMinute(time: string): string {
  return new Date(Date.parse(time)).toISOString().slice(0, 16).replace("T", " ");
}
