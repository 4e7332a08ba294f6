// The internal dashboard reads right: count axes tick on whole numbers, durations on axes are
// written like everywhere else on the site, a sparse series is a table rather than a line of two
// points, and records written up after their incident (back-filled) stay out of declaration lag.
import { describe, expect, it } from "vitest";
import { countTicks, dashboardCharts } from "../../site/data/dashboard-charts.ts";
import { dashboardData, type DashboardData } from "../../site/data/dashboard-data.ts";
import { distribution } from "../../scripts/metrics/statistics.ts";
import type { HistoryEvents } from "../../scripts/history/events.ts";
import { buildRepository, incident } from "../status/build-records.ts";

const group = (minutes: number[]) => ({
  key: "all",
  label: "All",
  values: minutes.map((m, i) => ({ id: `i${i}`, title: `I${i}`, minutes: m })),
  stats: distribution(minutes, "minutes"),
});
const data: DashboardData = {
  ttrBySeverity: [{ ...group([40.8333, 95, 600]), key: "SEV2", label: "SEV2" }],
  months: [
    { month: "2026-10", incidents: 1, ttr: distribution([40], "minutes") },
    { month: "2026-11", incidents: 3, ttr: distribution([95], "minutes") },
  ],
  actionItems: {
    points: [
      { date: "2026-10-31", open: 1, done: 0, overdue: 0 },
      { date: "2026-11-22", open: 2, done: 1, overdue: 1 },
    ],
    undatedDone: 0,
  },
  declarationLag: group([3, 12, 40.8333, 130]),
  backfilled: 0,
  commanders: [
    { person: "ana", incidents: 3, share: 0.75 },
    { person: "bo", incidents: 1, share: 0.25 },
  ],
  incidentCount: 4,
};
const ticks = (svg: string) =>
  [...svg.matchAll(/<g[^>]*aria-(?:label|description)?[^>]*>|<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1])
    .filter((t): t is string => t !== undefined);

describe("dashboard axes", () => {
  it("counts tick on whole numbers, each once", () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    const charts = dashboardCharts(data);
    for (const svg of [charts.monthlyCount, charts.commanders]) {
      const numbers = ticks(svg).filter((t) => /^\d+$/.test(t));
      expect(numbers).toEqual([...new Set(numbers)]);
      expect(numbers.length).toBeGreaterThan(2);
    }
  });

  it("writes durations on axes like the rest of the site, never 40.8333m", () => {
    const charts = dashboardCharts(data);
    for (const svg of [charts.ttrBySeverity, charts.declarationLag, charts.monthlyTtr]) {
      const labels = ticks(svg).filter((t) => /^\d/.test(t));
      expect(labels.length).toBeGreaterThan(1);
      expect(labels.filter((t) => !/^\d+ (min|h|d)( \d+ (min|h))?$/.test(t))).toEqual([]);
    }
  });

  it("draws no line through fewer than three month-ends (the table has them)", () => {
    expect(dashboardCharts(data).actionItems).toBe("");
    const more = {
      ...data,
      actionItems: { ...data.actionItems, points: [...data.actionItems.points, { date: "2026-12-31", open: 1, done: 2, overdue: 0 }] },
    };
    expect(dashboardCharts(more).actionItems).toMatch(/^<svg/);
  });
});

describe("declaration lag", () => {
  it("leaves out records first committed after their incident was resolved, and counts them", () => {
    const during = incident("2026-11-01-a", {
      status: "resolved",
      severity: "SEV2",
      components: {},
      started_at: "2026-11-01T10:00:00Z",
      detected_at: "2026-11-01T10:05:00Z",
      resolved_at: "2026-11-01T12:00:00Z",
    } as never);
    const later = incident("2026-11-02-b", {
      status: "resolved",
      severity: "SEV2",
      components: {},
      started_at: "2026-11-02T10:00:00Z",
      detected_at: "2026-11-02T10:05:00Z",
      resolved_at: "2026-11-02T12:00:00Z",
    } as never);
    const history = {
      events: [],
      actionItems: new Map(),
      records: new Map([
        ["incident:2026-11-01-a", { declaredAt: "2026-11-01T10:20:00Z" }],
        ["incident:2027-01-25-x", { declaredAt: "2027-01-25T00:00:00Z" }],
        ["incident:2026-11-02-b", { declaredAt: "2027-01-25T09:00:00Z" }],
      ]),
    } as unknown as HistoryEvents;
    const board = dashboardData(buildRepository([during, later]), history, new Date("2027-02-01T00:00:00Z"));
    expect(board.declarationLag.values.map((v) => [v.id, v.minutes])).toEqual([["2026-11-01-a", 15]]);
    expect(board.backfilled).toBe(1);
  });
});
