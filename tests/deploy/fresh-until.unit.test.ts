// How long a build stays current: on a quiet day until the next build the clock forces (local
// midnight), while something is open one deploy period. The page's out-of-date cue reads this
// (decision 0121), so a calm afternoon never says "15 hours old and may be out of date".
import { describe, expect, it } from "vitest";
import { DEPLOY_EVERY_MINUTES, freshUntil } from "../../scripts/deploy/fresh-until.ts";
import { buildConfig, buildRepository, incident } from "../status/build-records.ts";

const config = buildConfig({ site: { title: "T", url: "https://example.github.io/status/", timezone: "Europe/Berlin" } });
const now = new Date("2026-11-22T09:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("freshUntil", () => {
  it("on a quiet day lasts until the next local midnight, plus one deploy period", () => {
    expect(iso(freshUntil(buildRepository([], { config }), now))).toBe(`2026-11-22T23:${DEPLOY_EVERY_MINUTES}:00.000Z`);
  });

  it("while an incident is open lasts one deploy period", () => {
    const open = incident("2026-11-22-a", {
      status: "investigating",
      severity: "SEV3",
      components: { api: "partial_outage" },
      started_at: "2026-11-22T08:00:00Z",
    });
    expect(iso(freshUntil(buildRepository([open], { config }), now))).toBe(`2026-11-22T09:${DEPLOY_EVERY_MINUTES}:00.000Z`);
  });

  it("ends at the next time in a record the site waits for (a maintenance window opening)", () => {
    const planned = incident("2026-11-22-m", {
      type: "maintenance",
      status: "scheduled",
      components: { db: "under_maintenance" },
      scheduled_start: "2026-11-22T14:00:00Z",
      scheduled_end: "2026-11-22T15:00:00Z",
      updates: [{ at: "2026-11-20T09:00:00Z", status: "scheduled", body: "Planned." }],
    });
    expect(iso(freshUntil(buildRepository([planned], { config }), now))).toBe(`2026-11-22T14:${DEPLOY_EVERY_MINUTES}:00.000Z`);
  });
});
