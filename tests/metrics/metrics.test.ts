// Metrics and the weekly report on the scenario repository, against hand-computed values
// (the numbers are derived in the comments of tests/history/scenario.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadWithHistory, type RecordsWithHistory } from "../../scripts/history/load-with-history.ts";
import { readHistory } from "../../scripts/history/read-history.ts";
import { computeMetrics, type MetricsReport } from "../../scripts/metrics/compute-metrics.ts";
import { weeklyReport } from "../../scripts/metrics/weekly-report.ts";
import { formatWeeklyReport } from "../../scripts/metrics/format-report.ts";
import { parseIsoWeek } from "../../scripts/metrics/iso-week.ts";
import { actionItemRows } from "../../scripts/metrics/action-items.ts";
import type { Selection } from "../../scripts/metrics/selection.ts";
import type { GroupBy } from "../../scripts/metrics/selection.ts";
import type { GitRepo } from "../helpers/git-repo.ts";
import { buildScenario } from "../history/scenario.ts";

const NOW = new Date("2026-11-22T12:00:00Z");
const ALL: Selection = { severities: [], components: [], includeDrills: false, includeNearMisses: false };
let repo: GitRepo;
let loaded: RecordsWithHistory;

beforeAll(async () => {
  ({ repo } = buildScenario());
  loaded = await loadWithHistory(repo.dir, NOW);
});
afterAll(() => repo?.cleanup());

function metrics(selection: Partial<Selection> = {}, groupBy?: GroupBy, now = NOW): MetricsReport {
  const h = loaded.history;
  return computeMetrics({
    repository: loaded.repository,
    history: loaded.events,
    historySummary: {
      head: h.head,
      commits: h.commitCount,
      revisions: h.revisions.length,
      blobs: h.blobCount,
      unparseable_revisions: h.unparseableCount,
    },
    selection: { ...ALL, ...selection },
    groupBy,
    now,
  });
}

describe("loadWithHistory", () => {
  it("reuses the loader's parse of today's files instead of fetching their blobs again, with the same result", async () => {
    // Today's A, B, E, F, P and Q are unchanged since their last commit: 6 blobs come from the loader.
    expect(loaded.history.reusedBlobCount).toBe(6);
    const fromGitAlone = await readHistory(repo.dir);
    expect(fromGitAlone.reusedBlobCount).toBe(0);
    expect(loaded.history.revisions).toEqual(fromGitAlone.revisions);
  });

  it("fetches the committed blob when today's file differs from it (an uncommitted edit)", async () => {
    const file = path.join(repo.dir, "incidents/2026/2026-03-05-web-slow.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("title: Web slow", "title: Web slow (edited)"));
    try {
      const edited = await loadWithHistory(repo.dir, NOW);
      expect(edited.history.reusedBlobCount).toBe(5);
      expect(edited.history.revisions).toEqual(loaded.history.revisions);
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe("computeMetrics", () => {
  it("durations from recorded times in several offsets; declaration lag from the first commit", () => {
    const { durations, incidents } = metrics().overall;
    // A: TTD 10, TTA 5, TTM 40, TTR 60, lag 20; B: TTD 30, TTA 20, TTM 60, TTR 120, lag 90.
    expect(incidents).toEqual({ count: 2, resolved: 2, active: 0, reopened: 1, uncommitted: 0, imported: 0 });
    expect(durations.ttd).toMatchObject({ n: 2, median: 20, p90: 28, mean: 20, max: 30, too_small: true });
    expect(durations.tta).toMatchObject({ median: 12.5, p90: 18.5, max: 20 });
    expect(durations.ttm).toMatchObject({ median: 50, p90: 58, max: 60 });
    expect(durations.ttr).toMatchObject({ median: 90, p90: 114, max: 120 });
    expect(durations.declaration_lag).toMatchObject({ median: 55, p90: 83, max: 90 });
  });

  it("postmortems against policy and their lead time", () => {
    // Only A (SEV1) requires one; published 7 days after resolution.
    expect(metrics().overall.postmortems).toMatchObject({
      required: 1,
      with_postmortem: 1,
      published: 1,
      missing: 0,
      missing_overdue: 0,
      lead_time: { n: 1, median: 7 },
    });
  });

  it("action items: counts, completion, SLO and time to done from git dates", () => {
    const a = metrics().overall.action_items;
    // add-alert done 6 Mar 15:00 → 12 Mar 10:00 = 5.79 d (P1 SLO 14 d); write-doc (moved) 6 Mar 15:00 → 21 Mar 10:00 = 14.79 d (P3, 90 d).
    expect(a).toMatchObject({
      total: 4,
      open: 2,
      done: 2,
      wont_do: 0,
      overdue: 2,
      completion_rate: 0.5,
      done_measured: 2,
      done_within_slo: 2,
      within_slo_rate: 1,
    });
    expect(a.time_to_done).toMatchObject({ n: 2, median: 10.29, max: 14.79 });
  });

  it("update cadence and role concentration", () => {
    const { update_cadence, roles } = metrics().overall;
    expect(update_cadence).toEqual({ checked: 2, compliant: 1, compliance_rate: 0.5, gap_count: 1 });
    expect(roles).toEqual({ with_commander: 2, distinct_commanders: 2, busiest_commander: "alice", busiest_count: 1, busiest_share: 0.5 });
  });

  it("excludes drills and near-misses unless asked", () => {
    expect(metrics({ includeDrills: true }).overall.incidents.count).toBe(3);
    expect(metrics({ includeNearMisses: true }).overall.incidents.count).toBe(3);
    const both = metrics({ includeDrills: true, includeNearMisses: true }).overall;
    expect(both.incidents.count).toBe(4);
    expect(both.roles).toMatchObject({ busiest_commander: "carol", busiest_count: 2, busiest_share: 0.5, distinct_commanders: 3 });
  });

  it("filters by time, severity and component, and groups", () => {
    expect(metrics({ since: "2026-03-03T00:00:00Z" }).overall.incidents.count).toBe(1);
    expect(metrics({ until: "2026-03-02T23:59:59Z" }).overall.incidents.count).toBe(1);
    expect(metrics({ severities: ["SEV3"] }).overall.durations.ttr.median).toBe(120);
    expect(metrics({ components: ["api"] }).overall.durations.ttr.median).toBe(60);
    const bySeverity = metrics({}, "severity");
    expect(bySeverity.groups.map((g) => [g.key, g.label, g.incidents.count])).toEqual([
      ["SEV1", "SEV1 Critical", 1],
      ["SEV3", "SEV3 Minor", 1],
    ]);
    expect(bySeverity.groups[0].action_items.total).toBe(2);
    expect(metrics({}, "month").groups.map((g) => g.key)).toEqual(["2026-03"]);
    expect(metrics({}, "quarter").groups.map((g) => g.key)).toEqual(["2026-Q1"]);
    expect(metrics({}, "component").groups.map((g) => g.key)).toEqual(["api", "web"]);
  });

  it("action item rows carry git dates, age, overdue days and where a moved item came from", () => {
    const rows = actionItemRows(loaded.repository.postmortems, loaded.repository.incidents, loaded.repository.config, loaded.events, NOW);
    const retry = rows.find((r) => r.key === "2026-03-02-api-outage/fix-retry")!;
    // Due = A resolved 2 Mar + 30 days (P2) = 1 Apr; overdue by 235 days on 22 Nov.
    expect(retry).toMatchObject({
      status: "open",
      due: "2026-04-01",
      overdue: true,
      days_overdue: 235,
      added_at: "2026-03-06T15:00:00Z",
      added_at_source: "git",
      closed_at: null,
    });
    expect(retry.age_days).toBeCloseTo(260.875, 2);
    const doc = rows.find((r) => r.key === "2026-03-05-web-slow/write-doc")!;
    expect(doc).toMatchObject({
      status: "done",
      closed_at: "2026-03-21T10:00:00Z",
      moved_from: ["2026-03-02-api-outage/write-doc"],
      within_slo: true,
      time_to_done_days: 14.79,
    });
  });
});

describe("weeklyReport", () => {
  it("judges a past week as of its end, from history", () => {
    const report = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W10"), ALL, NOW);
    expect(report.as_of).toBe("2026-03-08T23:59:59Z");
    expect(report.declared.map((i) => [i.id, i.declared_at])).toEqual([
      ["2026-03-02-api-outage", "2026-03-02T09:30:00Z"],
      ["2026-03-05-web-slow", "2026-03-05T10:00:00Z"],
    ]);
    expect(report.resolved.map((i) => [i.id, i.ttr_minutes])).toEqual([
      ["2026-03-02-api-outage", 60],
      ["2026-03-05-web-slow", 120],
    ]);
    expect(report.missing_postmortems).toEqual([]);
    expect(report.overdue_by_owner).toEqual([]);
    expect(report.cadence_gaps.map((g) => [g.incident, g.minutes, g.expected_minutes])).toEqual([["2026-03-05-web-slow", 80, 60]]);
  });

  it("completion for each of the last 8 weeks, from each item's status at the time", () => {
    const report = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W12"), ALL, NOW);
    expect(report.completion_trend.map((t) => t.week)).toEqual([
      "2026-W05",
      "2026-W06",
      "2026-W07",
      "2026-W08",
      "2026-W09",
      "2026-W10",
      "2026-W11",
      "2026-W12",
    ]);
    // W10: 3 open. W11: add-alert done, fix-retry reopened by the revert, write-doc open. W12: + b-item open, write-doc done.
    expect(report.completion_trend.slice(-3).map((t) => [t.done, t.open, t.wont_do, t.rate])).toEqual([
      [0, 3, 0, 0],
      [1, 2, 0, 0.3333],
      [2, 2, 0, 0.5],
    ]);
    expect(report.completion_trend[0].rate).toBeNull();
  });

  it("a SEV1 resolved before its postmortem existed is missing in that week; overdue items are grouped by owner", () => {
    const early = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W10"), ALL, new Date("2026-03-05T00:00:00Z"));
    expect(early.as_of).toBe("2026-03-05T00:00:00Z");
    expect(early.missing_postmortems.map((d) => [d.incident, d.overdue])).toEqual([["2026-03-02-api-outage", false]]);
    const late = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W47"), ALL, NOW);
    expect(late.overdue_by_owner.map((o) => [o.owner, o.items.map((i) => i.key)])).toEqual([
      ["dana", ["2026-03-02-api-outage/fix-retry", "2026-03-05-web-slow/b-item"]],
    ]);
  });

  it("a drill is listed only with --include-drills, and then tagged (drill) so it never reads as a real outage", () => {
    const without = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W12"), ALL, NOW);
    expect(without.resolved.map((i) => i.title)).not.toContain("Game day");
    const withDrills = weeklyReport(loaded.repository, loaded.events, parseIsoWeek("2026-W12"), { ...ALL, includeDrills: true }, NOW);
    const drill = withDrills.resolved.find((i) => i.title === "Game day");
    expect(drill).toMatchObject({ drill: true });
    const line = formatWeeklyReport(withDrills)
      .split("\n")
      .find((l) => l.includes("Game day"));
    expect(line).toMatch(/\(drill\)/);
    expect(formatWeeklyReport(without)).not.toContain("(drill)");
  });
});
