// Maintenance whose window has started is in progress in every output, even while its record
// still says `scheduled` (nobody posted "in progress"): its components are already under
// maintenance, so the card, the API's active list and the calendar must not say "Scheduled".
import { describe, expect, it } from "vitest";
import { incidentFacts } from "../../scripts/model/incident-facts.ts";
import { buildMaintenanceCalendar } from "../../scripts/publish/ical.ts";
import { buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { buildConfig, buildRepository, incident } from "./build-records.ts";

const window = incident("2026-11-22-db-upgrade", {
  type: "maintenance",
  status: "scheduled",
  components: { db: "under_maintenance" },
  scheduled_start: "2026-11-22T11:00:00Z",
  scheduled_end: "2026-11-22T13:00:00Z",
  updates: [{ at: "2026-11-20T09:00:00Z", status: "scheduled", body: "The database will be upgraded." }],
});
const config = buildConfig();
const at = (time: string) => new Date(time);

describe("maintenance under way", () => {
  it("is scheduled before its window, in progress inside it and completed after it", () => {
    expect(incidentFacts(window, config, at("2026-11-22T10:00:00Z")).status).toBe("scheduled");
    expect(incidentFacts(window, config, at("2026-11-22T12:00:00Z")).status).toBe("in_progress");
    expect(incidentFacts(window, config, at("2026-11-22T14:00:00Z")).status).toBe("completed");
  });

  it("keeps what the record says once an update has said it", () => {
    const verifying = incident("2026-11-22-db-upgrade", { ...window.data, status: "verifying" });
    expect(incidentFacts(verifying, config, at("2026-11-22T12:00:00Z")).status).toBe("verifying");
  });

  it("is in_progress in scheduled-maintenances/active.json and the summary", () => {
    const api = buildStatuspageApi(buildRepository([window]), { audience: "public", now: at("2026-11-22T12:00:00Z") });
    const active = api["scheduled-maintenances/active.json"].scheduled_maintenances as { status: string }[];
    expect(active.map((m) => m.status)).toEqual(["in_progress"]);
    const summary = api["summary.json"].scheduled_maintenances as { status: string }[];
    expect(summary.map((m) => m.status)).toEqual(["in_progress"]);
  });

  it("says In progress in the calendar", () => {
    const ics = buildMaintenanceCalendar(buildRepository([window]), { audience: "public", now: at("2026-11-22T12:00:00Z") });
    expect(ics.replace(/\r?\n[ \t]/g, "")).toContain("Status: In progress");
  });
});
