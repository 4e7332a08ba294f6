// The model's facts, one case per decision they encode (docs/decisions/0070, 0071).
import { describe, expect, it } from "vitest";
import { recordAsOf, recordsAsOf } from "../../scripts/model/as-of.ts";
import { componentsTouched, latestComponentMap } from "../../scripts/model/component-maps.ts";
import { isActionItemOverdue, runbookReview } from "../../scripts/model/due-dates.ts";
import { formatDuration } from "../../scripts/model/duration.ts";
import { incidentFacts } from "../../scripts/model/incident-facts.ts";
import { buildConfig, incident } from "../status/build-records.ts";

const config = buildConfig();

describe("component maps", () => {
  const { data } = incident("maps", {
    status: "identified",
    severity: "SEV3",
    components: { api: "major_outage", web: "partial_outage" },
    updates: [
      { at: "2026-11-22T10:00:00Z", status: "investigating", body: "a" },
      { at: "2026-11-22T10:30:00Z", status: "identified", body: "b", components: { api: "major_outage" } },
      { at: "2026-11-22T10:40:00Z", status: "identified", body: "c" },
    ],
  });
  it("replace: a component an update leaves out is no longer affected", () => {
    expect(latestComponentMap(data)).toEqual({ api: "major_outage" });
    expect(componentsTouched(data)).toEqual(["api", "web"]);
  });
});

describe("incident facts", () => {
  const record = incident("r", {
    status: "monitoring",
    severity: "SEV3",
    components: { api: "partial_outage" },
    started_at: "2026-11-22T08:00:00Z",
    mitigated_at: "2026-11-22T09:00:00Z",
    updates: [{ at: "2026-11-22T08:05:00Z", status: "monitoring", body: "x" }],
  });
  it("an open incident that stopped hurting: current impact empty, worst impact kept", () => {
    const facts = incidentFacts(record, config, new Date("2026-11-22T12:00:00Z"));
    expect(facts.phase).toBe("open");
    expect(facts.currentImpact).toEqual({});
    expect(facts.worstImpact).toEqual({ api: "partial_outage" });
  });
  it("maintenance before, in and after its window", () => {
    const window = incident("m", {
      type: "maintenance",
      status: "scheduled",
      components: { db: "under_maintenance" },
      scheduled_start: "2026-11-22T02:00:00Z",
      scheduled_end: "2026-11-22T04:00:00Z",
    });
    const at = (time: string) => incidentFacts(window, config, new Date(time));
    expect([at("2026-11-22T01:00:00Z").phase, at("2026-11-22T03:00:00Z").phase, at("2026-11-22T05:00:00Z").phase]).toEqual([
      "planned",
      "open",
      "over",
    ]);
    expect(at("2026-11-22T01:00:00Z").end).toBeUndefined();
    expect(at("2026-11-22T05:00:00Z").end).toBe(Date.parse("2026-11-22T04:00:00Z"));
  });
});

describe("records as known at now", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  it("drops updates, milestones and timeline after now, and takes the last known status", () => {
    const record = incident("r", {
      status: "resolved",
      severity: "SEV3",
      started_at: "2026-11-22T11:00:00Z",
      resolved_at: "2026-11-22T12:30:00Z",
      updates: [
        { at: "2026-11-22T11:05:00Z", status: "investigating", body: "a" },
        { at: "2026-11-22T12:30:00Z", status: "resolved", body: "b" },
      ],
      timeline: [{ at: "2026-11-22T12:31:00Z", event: "closed" }],
    });
    const known = recordAsOf(record, now).data;
    expect([known.status, known.resolved_at, known.updates.length, known.timeline.length]).toEqual(["investigating", undefined, 1, 0]);
  });
  it("maintenance with no update up to now is still scheduled; an incident that has not started is left out", () => {
    const maintenance = incident("m", {
      type: "maintenance",
      status: "in_progress",
      scheduled_start: "2026-11-23T02:00:00Z",
      scheduled_end: "2026-11-23T04:00:00Z",
      updates: [{ at: "2026-11-23T02:00:00Z", status: "in_progress", body: "go" }],
    });
    const later = incident("later", { status: "investigating", severity: "SEV3", started_at: "2026-11-22T13:00:00Z" });
    const known = recordsAsOf([maintenance, later], now);
    expect(known.map((r) => [r.id, r.data.status])).toEqual([["m", "scheduled"]]);
  });
  it("returns the same object when nothing is after now", () => {
    const record = incident("r", { status: "investigating", severity: "SEV3", started_at: "2026-11-22T11:00:00Z" });
    expect(recordAsOf(record, now)).toBe(record);
  });
});

describe("due dates and durations", () => {
  it("something due on a date is overdue from the next UTC day", () => {
    const on = new Date("2026-11-22T23:59:00Z");
    const after = new Date("2026-11-23T00:00:00Z");
    expect([
      isActionItemOverdue({ status: "open", due: "2026-11-22" }, on),
      isActionItemOverdue({ status: "open", due: "2026-11-22" }, after),
    ]).toEqual([false, true]);
    expect(isActionItemOverdue({ status: "done", due: "2026-01-01" }, after)).toBe(false);
    const runbook = { title: "t", owner: "o", last_reviewed: "2026-05-26", review_every_days: 180, components: [], alerts: [] };
    expect(runbookReview(runbook, on)).toEqual({ due: "2026-11-22", daysOverdue: 0, overdue: false });
    expect(runbookReview(runbook, after)).toEqual({ due: "2026-11-22", daysOverdue: 1, overdue: true });
  });
  it("one formatter", () => {
    expect([0, 0.5, 45, 60, 125, 1440 + 240, null].map(formatDuration)).toEqual([
      "0 min",
      "30 s",
      "45 min",
      "1 h",
      "2 h 5 min",
      "1 d 4 h",
      "–",
    ]);
  });
});
