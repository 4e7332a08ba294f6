import { describe, expect, it } from "vitest";
import {
  activeIncidents,
  activeMaintenance,
  componentStates,
  overallStatus,
  upcomingMaintenance,
} from "../../scripts/status/current-status.ts";
import { incidentFacts } from "../../scripts/model/incident-facts.ts";
import { buildConfig, incident } from "./build-records.ts";

const config = buildConfig();
const factsAt = (incidents: ReturnType<typeof incident>[], now: Date) => incidents.map((i) => incidentFacts(i, config, now));

function statusAt(incidents: ReturnType<typeof incident>[], time: string) {
  const now = new Date(time);
  const facts = factsAt(incidents, now);
  const states = componentStates(config, facts);
  return { states, overall: overallStatus(states, facts), byId: Object.fromEntries(states.map((s) => [s.id, s])) };
}

describe("componentStates and overallStatus", () => {
  const partial = incident("2026-11-20-a", {
    status: "identified",
    severity: "SEV3",
    components: { api: "partial_outage" },
    started_at: "2026-11-20T10:00:00Z",
  });
  const major = incident("2026-11-20-b", {
    status: "investigating",
    severity: "SEV4",
    components: { api: "major_outage", web: "degraded_performance" },
    started_at: "2026-11-20T11:00:00Z",
  });

  it("lists every configured component in config order, operational when nothing is open", () => {
    const { states, overall } = statusAt([], "2026-11-20T12:00:00Z");
    expect(states.map((s) => [s.id, s.status, s.group])).toEqual([
      ["api", "operational", "Core"],
      ["web", "operational", "Core"],
      ["db", "operational", undefined],
    ]);
    expect(overall).toEqual({ indicator: "none", description: "All Systems Operational" });
  });

  it("overlapping incidents on one component: the worst open impact wins and both are listed", () => {
    const before = statusAt([partial, major], "2026-11-20T10:30:00Z");
    expect(before.byId.api.status).toBe("partial_outage");
    expect(before.byId.api.incidentIds).toEqual(["2026-11-20-a"]);
    expect(before.overall).toEqual({ indicator: "major", description: "Partial System Outage" });

    const during = statusAt([partial, major], "2026-11-20T11:30:00Z");
    expect(during.byId.api.status).toBe("major_outage");
    expect(during.byId.api.incidentIds).toEqual(["2026-11-20-b", "2026-11-20-a"]);
    expect(during.byId.web.status).toBe("degraded_performance");
    // A SEV4 (impact none) incident still makes the page critical through its major outage.
    expect(during.overall).toEqual({ indicator: "critical", description: "Major Service Outage" });
  });

  it("takes the indicator from the severity when components look fine", () => {
    const sev1 = incident("x", { status: "monitoring", severity: "SEV1", started_at: "2026-11-20T10:00:00Z" });
    expect(statusAt([sev1], "2026-11-20T12:00:00Z").overall.indicator).toBe("critical");
    const sev3 = incident("y", { status: "monitoring", severity: "SEV3", started_at: "2026-11-20T10:00:00Z" });
    expect(statusAt([sev3], "2026-11-20T12:00:00Z").overall).toEqual({ indicator: "minor", description: "Minor Service Outage" });
  });

  it("a resolved incident no longer counts", () => {
    const resolved = incident("z", {
      status: "resolved",
      severity: "SEV1",
      components: { api: "major_outage" },
      started_at: "2026-11-20T10:00:00Z",
      resolved_at: "2026-11-20T11:00:00Z",
    });
    expect(statusAt([resolved], "2026-11-20T12:00:00Z").overall.indicator).toBe("none");
    expect(statusAt([resolved], "2026-11-20T10:59:00Z").byId.api.status).toBe("major_outage");
  });

  describe("maintenance starting during the build", () => {
    const window = incident("2026-11-22-db-upgrade", {
      type: "maintenance",
      status: "scheduled",
      components: { db: "under_maintenance" },
      scheduled_start: "2026-11-22T02:00:00Z",
      scheduled_end: "2026-11-22T04:00:00Z",
    });

    it("before the window: operational, upcoming, indicator none", () => {
      const now = new Date("2026-11-22T01:00:00Z");
      const { byId, overall } = statusAt([window], now.toISOString());
      expect(byId.db.status).toBe("operational");
      expect(overall.indicator).toBe("none");
      expect(upcomingMaintenance(factsAt([window], now)).map((m) => m.id)).toEqual(["2026-11-22-db-upgrade"]);
      expect(activeMaintenance(factsAt([window], now))).toEqual([]);
    });

    it("inside the window: under maintenance, active, indicator maintenance", () => {
      const now = new Date("2026-11-22T02:00:00Z");
      const { byId, overall } = statusAt([window], now.toISOString());
      expect(byId.db.status).toBe("under_maintenance");
      expect(byId.db.incidentIds).toEqual(["2026-11-22-db-upgrade"]);
      expect(overall).toEqual({ indicator: "maintenance", description: "Service Under Maintenance" });
      expect(upcomingMaintenance(factsAt([window], now))).toEqual([]);
      expect(activeMaintenance(factsAt([window], now)).map((m) => m.id)).toEqual(["2026-11-22-db-upgrade"]);
    });

    it("after the window: neither active nor upcoming", () => {
      const now = new Date("2026-11-22T04:00:00Z");
      expect(statusAt([window], now.toISOString()).byId.db.status).toBe("operational");
      expect(activeMaintenance(factsAt([window], now))).toEqual([]);
      expect(upcomingMaintenance(factsAt([window], now))).toEqual([]);
    });

    it("an outage during maintenance outranks it", () => {
      const outage = incident("o", {
        status: "investigating",
        severity: "SEV3",
        components: { db: "degraded_performance" },
        started_at: "2026-11-22T02:30:00Z",
      });
      const { byId, overall } = statusAt([window, outage], "2026-11-22T03:00:00Z");
      expect(byId.db.status).toBe("degraded_performance");
      expect(overall.indicator).toBe("minor");
    });
  });

  it("activeIncidents: unresolved, not maintenance, started by now, newest first", () => {
    const older = incident("older", { status: "identified", severity: "SEV3", started_at: "2026-11-20T08:00:00Z" });
    const newer = incident("newer", { status: "investigating", severity: "SEV3", started_at: "2026-11-20T09:00:00Z" });
    const future = incident("future", { status: "investigating", severity: "SEV3", started_at: "2026-11-21T09:00:00Z" });
    const done = incident("done", {
      status: "resolved",
      severity: "SEV3",
      started_at: "2026-11-20T07:00:00Z",
      resolved_at: "2026-11-20T07:30:00Z",
    });
    const maintenance = incident("m", {
      type: "maintenance",
      status: "in_progress",
      scheduled_start: "2026-11-20T08:00:00Z",
      scheduled_end: "2026-11-20T09:00:00Z",
    });
    expect(activeIncidents(factsAt([older, newer, future, done, maintenance], new Date("2026-11-20T10:00:00Z"))).map((i) => i.id)).toEqual([
      "newer",
      "older",
    ]);
    expect(activeMaintenance(factsAt([maintenance], new Date("2026-11-20T10:00:00Z"))).map((i) => i.id)).toEqual(["m"]);
  });
});
