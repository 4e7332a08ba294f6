// Uptime over a run of days, with Atlassian Statuspage's weighting: a major outage counts fully
// as downtime, a partial outage at 30 %, degraded performance and maintenance not at all.
// The formula is written out in docs/status-model.md (and on the status page).
import type { DayImpact } from "./daily-impact.ts";

/** Weight of each impact in downtime. */
export const DOWNTIME_WEIGHTS = {
  major_outage: 1,
  partial_outage: 0.3,
  degraded_performance: 0,
  under_maintenance: 0,
} as const;

/**
 * 100 × (1 − (major + 0.3 × partial) / elapsed), where major and partial are the minutes in which
 * that was the component's worst impact and elapsed is the minutes of the days up to `now`.
 * Days that start after `now` (none, from dailyImpact) add nothing. 100 when nothing elapsed.
 */
export function uptimePercent(days: DayImpact[], now: Date): number {
  void now; // the days already end at `now`; kept in the signature so callers never need to know
  let elapsed = 0;
  let downtime = 0;
  for (const day of days) {
    elapsed += day.minutesElapsed;
    for (const [status, weight] of Object.entries(DOWNTIME_WEIGHTS)) {
      downtime += weight * day.minutes[status as keyof typeof DOWNTIME_WEIGHTS];
    }
  }
  if (elapsed <= 0) return 100;
  return Math.max(0, 100 * (1 - downtime / elapsed));
}

/**
 * Uptime for display with two decimals, rounded down so that any downtime never shows as
 * "100.00" (Statuspage shows 99.99 for a few minutes down in 90 days).
 */
export function formatUptime(percent: number): string {
  const floored = Math.floor(percent * 100) / 100;
  return floored.toFixed(2);
}

/** The formula in words, for the status page to show beside the percentages (kept next to the weights it describes). */
export const UPTIME_FORMULA_TEXT =
  `Uptime = 100 × (1 − (major outage minutes + ${DOWNTIME_WEIGHTS.partial_outage} × partial outage minutes) ÷ minutes in the period). ` +
  "Degraded performance and maintenance count as up; overlapping incidents count once. Same weights as Atlassian Statuspage.";
