// Distributions and ISO weeks, against values computed by hand.
import { describe, expect, it } from "vitest";
import { distribution, quantile, rate } from "../../scripts/metrics/statistics.ts";
import { isoWeekOf, parseIsoWeek, shiftWeek } from "../../scripts/metrics/iso-week.ts";
import { parseBoundary } from "../../scripts/metrics/time-boundaries.ts";
import { formatDuration } from "../../scripts/model/duration.ts";

describe("distribution (linear interpolation, type 7)", () => {
  it("odd n: median is the middle value; p90 interpolates", () => {
    // sorted [1, 2, 3, 4, 100]; median h = 2 → 3; p90 h = 3.6 → 4 + 0.6 · 96 = 61.6
    const d = distribution([100, 3, 1, 4, 2], "minutes");
    expect(d).toEqual({ unit: "minutes", n: 5, median: 3, p90: 61.6, mean: 22, max: 100, too_small: false });
  });

  it("even n: median is the mean of the two middle values", () => {
    // sorted [1, 2, 3, 10]; median h = 1.5 → 2.5; p90 h = 2.7 → 3 + 0.7 · 7 = 7.9; mean 4
    const d = distribution([10, 1, 3, 2], "days");
    expect(d).toMatchObject({ n: 4, median: 2.5, p90: 7.9, mean: 4, max: 10, too_small: true });
  });

  it("six values: median 3.5, p90 between the 5th and 6th", () => {
    // sorted [1..5, 60]; h(0.5) = 2.5 → 3.5; h(0.9) = 4.5 → 5 + 0.5 · 55 = 32.5
    const d = distribution([1, 2, 3, 4, 5, 60], "minutes");
    expect([d.median, d.p90, d.mean]).toEqual([3.5, 32.5, 12.5]);
  });

  it("n = 1 and n = 0", () => {
    expect(distribution([7], "minutes")).toMatchObject({ n: 1, median: 7, p90: 7, mean: 7, max: 7, too_small: true });
    expect(distribution([], "minutes")).toEqual({ unit: "minutes", n: 0, median: null, p90: null, mean: null, max: null, too_small: true });
  });

  it("quantile needs values; rate of nothing is unknown", () => {
    expect(() => quantile([], 0.5)).toThrow();
    expect(quantile([5, 9], 0)).toBe(5);
    expect(quantile([5, 9], 1)).toBe(9);
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
  });
});

describe("ISO weeks", () => {
  it("2026-W47 is Monday 16 to Sunday 22 November", () => {
    expect(parseIsoWeek("2026-W47")).toEqual({ label: "2026-W47", start: "2026-11-16T00:00:00Z", end: "2026-11-22T23:59:59Z" });
  });

  it("handles year boundaries (2026-W01 starts in 2025; 2020 had 53 weeks)", () => {
    expect(parseIsoWeek("2026-W01").start).toBe("2025-12-29T00:00:00Z");
    expect(isoWeekOf("2025-12-31T12:00:00Z").label).toBe("2026-W01");
    expect(parseIsoWeek("2020-W53").start).toBe("2020-12-28T00:00:00Z");
    expect(parseIsoWeek("2026-W53").start).toBe("2026-12-28T00:00:00Z"); // 2026 starts on a Thursday: 53 weeks
    expect(() => parseIsoWeek("2025-W53")).toThrow(/not an ISO week/);
    expect(() => parseIsoWeek("2026-47")).toThrow(/`2026-47`, not an ISO week/);
    expect(shiftWeek(parseIsoWeek("2026-W02"), -2).label).toBe("2025-W52");
    expect(isoWeekOf("2026-11-22T23:00:00Z").label).toBe("2026-W47");
    expect(isoWeekOf("2026-11-23T00:00:00Z").label).toBe("2026-W48");
  });
});

describe("flags and formatting", () => {
  it("--since/--until take dates (UTC, --until inclusive) or times with an offset", () => {
    expect(parseBoundary("since", "2026-01-01", "start")).toBe("2026-01-01T00:00:00Z");
    expect(parseBoundary("until", "2026-01-31", "end")).toBe("2026-01-31T23:59:59Z");
    expect(parseBoundary("since", "2026-01-01T02:00:00+02:00", "start")).toBe("2026-01-01T00:00:00Z");
    expect(() => parseBoundary("since", "2026-01-01T02:00:00", "start")).toThrow(/not a date or a time/);
    expect(() => parseBoundary("since", "yesterday", "start")).toThrow();
  });

  it("formats minutes for people", () => {
    expect([
      formatDuration(0.5),
      formatDuration(12),
      formatDuration(95),
      formatDuration(120),
      formatDuration(3000),
      formatDuration(null),
      formatDuration(-90),
    ]).toEqual(["30 s", "12 min", "1 h 35 min", "2 h", "2 d 2 h", "–", "-1 h 30 min"]);
  });
});
