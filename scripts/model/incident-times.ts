// The times of one incident or maintenance, each worked out once: when its story starts, whether
// it is finished, when a maintenance was completed, the four response durations (TTD, TTA, TTM,
// TTR) and what its action items' due dates count from. Metrics, the weekly report, the site,
// the API, GitHub and the authoring scaffolds read these; none works them out again. Pure.
import type { Incident } from "../records/record-types.ts";
import { dueAnchor, startTime } from "../records/incident-start.ts";
import { MINUTE_MS, toMillis } from "../core/time.ts";

export { dueAnchor, startTime };

/** startTime in ms since the epoch. */
export function startMillis(data: Incident): number | undefined {
  return toMillis(startTime(data));
}

/** Finished: an incident resolved, a maintenance completed or cancelled (by status; the clock does not finish an incident). */
export function isFinished(data: Pick<Incident, "status">): boolean {
  return data.status === "resolved" || data.status === "completed" || data.status === "cancelled";
}

/** Ms: when a maintenance was cancelled (its `cancelled` update), if it was (decision 0115). */
export function cancelledMillis(data: Pick<Incident, "status" | "updates">): number | undefined {
  return data.status === "cancelled" ? toMillis(data.updates.findLast((u) => u.status === "cancelled")?.at) : undefined;
}

/** Ms: when a maintenance was completed (its first `completed` update), if it was. */
export function completedMillis(data: Pick<Incident, "updates">): number | undefined {
  return toMillis(data.updates.find((u) => u.status === "completed")?.at);
}

/** The response durations in minutes, from the recorded times; each only when both its ends are recorded. */
export interface ResponseMinutes {
  /** detected_at − started_at */
  ttd?: number;
  /** acknowledged_at − detected_at */
  tta?: number;
  /** mitigated_at − started_at */
  ttm?: number;
  /** resolved_at − started_at */
  ttr?: number;
}

/**
 * TTD, TTM and TTR count from `started_at` only, never from the fallbacks of startTime: an
 * incident that records only when it was detected has no measurable time to detect, and
 * counting from `detected_at` would report a time to resolve that is too short.
 */
export function responseMinutes(
  data: Pick<Incident, "started_at" | "detected_at" | "acknowledged_at" | "mitigated_at" | "resolved_at">,
): ResponseMinutes {
  return {
    ttd: minutesBetween(data.started_at, data.detected_at),
    tta: minutesBetween(data.detected_at, data.acknowledged_at),
    ttm: minutesBetween(data.started_at, data.mitigated_at),
    ttr: minutesBetween(data.started_at, data.resolved_at),
  };
}

/** `to − from` in minutes, when both are known. */
export function minutesBetween(from: string | undefined, to: string | undefined): number | undefined {
  const a = toMillis(from);
  const b = toMillis(to);
  return a === undefined || b === undefined ? undefined : (b - a) / MINUTE_MS;
}
