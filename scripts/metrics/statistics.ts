// Distributions of durations: n, median, p90, mean, max — never a mean alone (durations are
// skewed). Pure.
//
// Percentiles use linear interpolation between closest ranks (Hyndman & Fan type 7: numpy's
// default, Excel's PERCENTILE.INC): sort ascending, h = (n − 1) · p, then
// x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋]). So the median of an even sample is the mean of
// the two middle values, and p90 of [1, 2, 3, 10] is 3 + 0.7 · 7 = 7.9.

/** Below this many values a group is flagged too small to compare. */
export const SMALL_SAMPLE = 5;

export const PERCENTILE_METHOD = "linear interpolation between closest ranks (type 7, as numpy's default and Excel PERCENTILE.INC)";

export type DurationUnit = "minutes" | "days";

export interface Distribution {
  unit: DurationUnit;
  n: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  max: number | null;
  /** n < SMALL_SAMPLE: do not compare this group with others. */
  too_small: boolean;
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of an empty sample");
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

export function distribution(values: readonly number[], unit: DurationUnit): Distribution {
  const n = values.length;
  if (n === 0) return { unit, n, median: null, p90: null, mean: null, max: null, too_small: true };
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    unit,
    n,
    median: round(quantile(sorted, 0.5)),
    p90: round(quantile(sorted, 0.9)),
    mean: round(sum / n),
    max: round(sorted[n - 1]),
    too_small: n < SMALL_SAMPLE,
  };
}

/** Rounded to 2 decimals, so JSON stays readable and stable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** a / b rounded to 4 decimals, or null when b is 0 (a rate of nothing is unknown, not 0). */
export function rate(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10_000) / 10_000;
}
