import { describe, expect, it } from "vitest";
import { impactWindows } from "../../scripts/model/impact-windows.ts";
import { incident, ms } from "./build-records.ts";

const at = (time: string) => new Date(time);
const LATER = at("2026-11-22T00:00:00Z");

describe("impactWindows: incidents", () => {
  it("holds the components map from started_at to mitigated_at, not to resolved_at", () => {
    const record = incident("a", {
      status: "resolved",
      severity: "SEV2",
      components: { api: "major_outage" },
      started_at: "2026-11-20T10:00:00Z",
      mitigated_at: "2026-11-20T10:30:00Z",
      resolved_at: "2026-11-20T11:00:00Z",
    });
    expect(impactWindows(record, LATER)).toEqual([
      { incidentId: "a", componentId: "api", status: "major_outage", start: ms("2026-11-20T10:00:00Z"), end: ms("2026-11-20T10:30:00Z") },
    ]);
  });

  it("ends at resolved_at when no mitigated_at is recorded", () => {
    const record = incident("a", {
      status: "resolved",
      severity: "SEV2",
      components: { api: "partial_outage" },
      started_at: "2026-11-20T10:00:00+02:00",
      resolved_at: "2026-11-20T11:15:00+02:00",
    });
    const [window] = impactWindows(record, LATER);
    expect(window.end! - window.start).toBe(75 * 60_000);
    expect(window.start).toBe(ms("2026-11-20T08:00:00Z"));
  });

  it("leaves the window open (end null) while unresolved and unmitigated", () => {
    const record = incident("a", {
      status: "investigating",
      severity: "SEV3",
      components: { api: "degraded_performance" },
      started_at: "2026-11-20T10:00:00Z",
    });
    expect(impactWindows(record, at("2026-11-20T10:30:00Z"))).toEqual([
      { incidentId: "a", componentId: "api", status: "degraded_performance", start: ms("2026-11-20T10:00:00Z"), end: null },
    ]);
  });

  it("replaces the map at each update that carries components; operational ends a window; restated impacts merge", () => {
    const record = incident("a", {
      status: "resolved",
      severity: "SEV1",
      components: { api: "partial_outage" },
      started_at: "2026-11-20T10:00:00Z",
      mitigated_at: "2026-11-20T11:00:00Z",
      resolved_at: "2026-11-20T11:30:00Z",
      updates: [
        { at: "2026-11-20T10:05:00Z", status: "investigating", body: "looking" },
        {
          at: "2026-11-20T10:20:00Z",
          status: "identified",
          body: "worse",
          components: { api: "major_outage", web: "degraded_performance" },
        },
        {
          at: "2026-11-20T10:40:00Z",
          status: "identified",
          body: "api back",
          components: { api: "operational", web: "degraded_performance" },
        },
        { at: "2026-11-20T11:30:00Z", status: "resolved", body: "done" },
      ],
    });
    const windows = impactWindows(record, LATER).map((w) => [
      w.componentId,
      w.status,
      new Date(w.start).toISOString().slice(11, 16),
      w.end && new Date(w.end).toISOString().slice(11, 16),
    ]);
    expect(windows).toEqual([
      ["api", "partial_outage", "10:00", "10:20"],
      ["api", "major_outage", "10:20", "10:40"],
      ["web", "degraded_performance", "10:20", "11:00"],
    ]);
  });

  it("honours a map restated by an update after mitigation until the next map or resolution", () => {
    const record = incident("a", {
      status: "resolved",
      severity: "SEV3",
      components: { api: "partial_outage", web: "degraded_performance" },
      started_at: "2026-11-20T10:00:00Z",
      mitigated_at: "2026-11-20T11:00:00Z",
      resolved_at: "2026-11-20T12:00:00Z",
      updates: [
        {
          at: "2026-11-20T11:10:00Z",
          status: "monitoring",
          body: "web still slow",
          components: { web: "degraded_performance", api: "operational" },
        },
        { at: "2026-11-20T12:00:00Z", status: "resolved", body: "done" },
      ],
    });
    const windows = impactWindows(record, LATER).map((w) => [
      w.componentId,
      new Date(w.start).toISOString().slice(11, 16),
      w.end && new Date(w.end).toISOString().slice(11, 16),
    ]);
    expect(windows).toEqual([
      ["api", "10:00", "11:00"],
      ["web", "10:00", "11:00"],
      ["web", "11:10", "12:00"],
    ]);
  });

  it("clips to now: a mitigation recorded after now leaves the window open, and nothing starts after now", () => {
    const record = incident("a", {
      status: "monitoring",
      severity: "SEV3",
      components: { api: "partial_outage" },
      started_at: "2026-11-20T10:00:00Z",
      mitigated_at: "2026-11-20T12:00:00Z",
    });
    expect(impactWindows(record, at("2026-11-20T11:00:00Z"))[0].end).toBeNull();
    expect(impactWindows(record, at("2026-11-20T09:59:00Z"))).toEqual([]);
  });

  it("gives no windows to an incident without components or any time", () => {
    expect(
      impactWindows(
        incident("a", { status: "resolved", severity: "SEV3", started_at: "2026-11-20T10:00:00Z", resolved_at: "2026-11-20T11:00:00Z" }),
        LATER,
      ),
    ).toEqual([]);
    expect(impactWindows(incident("b", { status: "investigating", severity: "SEV3", components: { api: "major_outage" } }), LATER)).toEqual(
      [],
    );
  });
});

describe("impactWindows: maintenance", () => {
  const scheduled = incident("m", {
    type: "maintenance",
    status: "scheduled",
    components: { db: "under_maintenance" },
    scheduled_start: "2026-11-22T02:00:00Z",
    scheduled_end: "2026-11-22T04:00:00Z",
    updates: [{ at: "2026-11-15T10:00:00Z", status: "scheduled", body: "planned" }],
  });

  it("has no impact before its window, even when announced", () => {
    expect(impactWindows(scheduled, at("2026-11-22T01:59:00Z"))).toEqual([]);
  });

  it("is open at a build inside the scheduled window although nobody posted in_progress", () => {
    expect(impactWindows(scheduled, at("2026-11-22T03:00:00Z"))).toEqual([
      { incidentId: "m", componentId: "db", status: "under_maintenance", start: ms("2026-11-22T02:00:00Z"), end: null },
    ]);
  });

  it("ends at scheduled_end when still 'scheduled' after its window", () => {
    expect(impactWindows(scheduled, at("2026-11-22T05:00:00Z"))[0].end).toBe(ms("2026-11-22T04:00:00Z"));
  });

  it("uses the actual start (in_progress) and end (completed) when posted", () => {
    const done = incident("m", {
      type: "maintenance",
      status: "completed",
      components: { db: "under_maintenance" },
      scheduled_start: "2026-11-22T02:00:00Z",
      scheduled_end: "2026-11-22T04:00:00Z",
      updates: [
        { at: "2026-11-22T01:50:00Z", status: "in_progress", body: "go" },
        {
          at: "2026-11-22T03:00:00Z",
          status: "verifying",
          body: "checking",
          components: { db: "under_maintenance", api: "degraded_performance" },
        },
        { at: "2026-11-22T03:10:00Z", status: "completed", body: "done" },
      ],
    });
    const windows = impactWindows(done, at("2026-11-22T05:00:00Z")).map((w) => [w.componentId, w.status, w.start, w.end]);
    expect(windows).toEqual([
      ["db", "under_maintenance", ms("2026-11-22T01:50:00Z"), ms("2026-11-22T03:10:00Z")],
      ["api", "degraded_performance", ms("2026-11-22T03:00:00Z"), ms("2026-11-22T03:10:00Z")],
    ]);
  });

  it("stays open past scheduled_end while the record says in_progress", () => {
    const overrun = incident("m", {
      type: "maintenance",
      status: "in_progress",
      components: { db: "under_maintenance" },
      scheduled_start: "2026-11-22T02:00:00Z",
      scheduled_end: "2026-11-22T04:00:00Z",
      updates: [{ at: "2026-11-22T02:00:00Z", status: "in_progress", body: "go" }],
    });
    expect(impactWindows(overrun, at("2026-11-22T06:00:00Z"))[0].end).toBeNull();
  });
});
