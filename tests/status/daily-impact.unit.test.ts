import { describe, expect, it } from "vitest";
import { dailyImpact } from "../../scripts/status/daily-impact.ts";
import type { ImpactWindow } from "../../scripts/model/impact-windows.ts";
import { formatUptime, uptimePercent } from "../../scripts/status/uptime.ts";
import { ms } from "./build-records.ts";

function window(status: ImpactWindow["status"], start: string, end: string | null, incidentId = "i", componentId = "api"): ImpactWindow {
  return { incidentId, componentId, status, start: ms(start), end: end === null ? null : ms(end) };
}
const NONE = { under_maintenance: 0, degraded_performance: 0, partial_outage: 0, major_outage: 0 };

describe("dailyImpact", () => {
  it("returns 90 days by default, oldest first, ending today", () => {
    const days = dailyImpact("api", [], new Date("2026-11-22T12:00:00Z"));
    expect(days).toHaveLength(90);
    expect(days[0].date).toBe("2026-08-25");
    expect(days[89].date).toBe("2026-11-22");
    expect(days[0]).toEqual({ date: "2026-08-25", status: "operational", minutes: NONE, incidentIds: [], minutesElapsed: 1440 });
    expect(days[89].minutesElapsed).toBe(720);
  });

  it("splits an incident crossing midnight between the two days (UTC)", () => {
    const days = dailyImpact(
      "api",
      [window("partial_outage", "2026-11-20T23:00:00Z", "2026-11-21T01:30:00Z")],
      new Date("2026-11-22T12:00:00Z"),
      { days: 3 },
    );
    expect(days.map((d) => [d.date, d.status, d.minutes.partial_outage, d.incidentIds])).toEqual([
      ["2026-11-20", "partial_outage", 60, ["i"]],
      ["2026-11-21", "partial_outage", 90, ["i"]],
      ["2026-11-22", "operational", 0, []],
    ]);
  });

  it("uses the display time zone's midnight (Europe/Berlin, UTC+1 in November)", () => {
    // 22:30–23:30 UTC on the 20th is 23:30–00:30 in Berlin: 30 minutes on the 20th, 30 on the 21st.
    const w = window("major_outage", "2026-11-20T22:30:00Z", "2026-11-20T23:30:00Z");
    const utc = dailyImpact("api", [w], new Date("2026-11-22T12:00:00Z"), { days: 3 });
    expect(utc.map((d) => d.minutes.major_outage)).toEqual([60, 0, 0]);
    const berlin = dailyImpact("api", [w], new Date("2026-11-22T12:00:00Z"), { days: 3, timeZone: "Europe/Berlin" });
    expect(berlin.map((d) => [d.date, d.minutes.major_outage])).toEqual([
      ["2026-11-20", 30],
      ["2026-11-21", 30],
      ["2026-11-22", 0],
    ]);
  });

  it("knows that today in the display time zone may be tomorrow in UTC", () => {
    const days = dailyImpact("api", [], new Date("2026-11-22T23:30:00Z"), { days: 1, timeZone: "Europe/Berlin" });
    expect(days[0].date).toBe("2026-11-23");
    expect(days[0].minutesElapsed).toBe(30);
  });

  it("counts 25 hours on the day daylight saving time ends (Berlin, 25 October 2026)", () => {
    const days = dailyImpact("api", [], new Date("2026-10-27T00:00:00Z"), { days: 4, timeZone: "Europe/Berlin" });
    expect(days.map((d) => [d.date, d.minutesElapsed])).toEqual([
      ["2026-10-24", 1440],
      ["2026-10-25", 1500],
      ["2026-10-26", 1440],
      ["2026-10-27", 60],
    ]);
  });

  it("starts a day when local midnight is skipped by a DST change (Santiago 6 Sep 2026, Beirut 29 Mar 2026)", () => {
    const santiago = dailyImpact("api", [], new Date("2026-09-08T12:00:00Z"), { days: 5, timeZone: "America/Santiago" });
    expect(santiago.map((d) => [d.date, d.minutesElapsed])).toEqual([
      ["2026-09-04", 1440],
      ["2026-09-05", 1440],
      ["2026-09-06", 1380],
      ["2026-09-07", 1440],
      ["2026-09-08", 540],
    ]);
    const beirut = dailyImpact("api", [], new Date("2026-03-30T12:00:00Z"), { days: 3, timeZone: "Asia/Beirut" });
    expect(beirut.map((d) => [d.date, d.minutesElapsed])).toEqual([
      ["2026-03-28", 1440],
      ["2026-03-29", 1380],
      ["2026-03-30", 900],
    ]);
  });

  it("counts a window that began before the first day only from the first day (90-day edge)", () => {
    const w = window("major_outage", "2026-08-24T20:00:00Z", "2026-08-25T02:00:00Z");
    const days = dailyImpact("api", [w], new Date("2026-11-22T12:00:00Z"));
    expect(days[0].date).toBe("2026-08-25");
    expect(days[0].minutes.major_outage).toBe(120);
    expect(days.reduce((sum, d) => sum + d.minutes.major_outage, 0)).toBe(120);
  });

  it("gives overlapping time to the worst impact only, and overlapping equal impacts once", () => {
    const windows = [
      window("major_outage", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z", "a"),
      window("partial_outage", "2026-11-21T10:30:00Z", "2026-11-21T12:00:00Z", "b"),
      window("degraded_performance", "2026-11-21T14:00:00Z", "2026-11-21T15:00:00Z", "c"),
      window("degraded_performance", "2026-11-21T14:30:00Z", "2026-11-21T15:30:00Z", "d"),
      window("major_outage", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z", "x", "other-component"),
    ];
    const [day] = dailyImpact("api", windows, new Date("2026-11-22T00:00:00Z"), { days: 2 });
    expect(day.minutes).toEqual({ under_maintenance: 0, degraded_performance: 90, partial_outage: 60, major_outage: 60 });
    expect(day.status).toBe("major_outage");
    expect(day.incidentIds).toEqual(["a", "b", "c", "d"]);
  });

  it("runs an open window up to now and no further", () => {
    const days = dailyImpact("api", [window("under_maintenance", "2026-11-22T11:00:00Z", null)], new Date("2026-11-22T12:00:00Z"), {
      days: 1,
    });
    expect(days[0]).toMatchObject({ status: "under_maintenance", minutesElapsed: 720 });
    expect(days[0].minutes.under_maintenance).toBe(60);
  });
});

describe("uptimePercent", () => {
  it("weights major outage fully and partial outage at 30 %, over the minutes elapsed", () => {
    const windows = [
      window("major_outage", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z"),
      window("partial_outage", "2026-11-21T20:00:00Z", "2026-11-21T21:40:00Z"),
      window("degraded_performance", "2026-11-22T01:00:00Z", "2026-11-22T05:00:00Z"),
      window("under_maintenance", "2026-11-22T06:00:00Z", "2026-11-22T07:00:00Z"),
    ];
    const now = new Date("2026-11-22T12:00:00Z");
    const days = dailyImpact("api", windows, now, { days: 2 });
    // elapsed 1440 + 720 = 2160 min; downtime 60 + 0.3 × 100 = 90 min → 100 × (1 − 90/2160).
    expect(uptimePercent(days, now)).toBeCloseTo(95.8333, 3);
  });

  it("is 100 with no impact and never negative", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(uptimePercent(dailyImpact("api", [], now), now)).toBe(100);
    const all = dailyImpact("api", [window("major_outage", "2026-01-01T00:00:00Z", null)], now, { days: 3 });
    expect(uptimePercent(all, now)).toBe(0);
  });

  it("formats with two decimals, rounding down so downtime never shows as 100.00", () => {
    expect(formatUptime(99.9999)).toBe("99.99");
    expect(formatUptime(100)).toBe("100.00");
    expect(formatUptime(95.83333)).toBe("95.83");
  });
});
