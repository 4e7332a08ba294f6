// A card of an open incident lists the component still down before the one that recovered, so
// the first thing a reader sees is what is still broken.
import { describe, expect, it } from "vitest";
import { incidentFacts } from "../../scripts/model/incident-facts.ts";
import { componentList } from "../../site/data/views/incident-view.ts";
import { buildConfig, incident } from "../status/build-records.ts";

describe("componentList of an open incident", () => {
  it("puts components still affected first, worst first, and recovered ones last", () => {
    const record = incident("2026-11-22-a", {
      status: "monitoring",
      severity: "SEV3",
      components: { web: "partial_outage" },
      started_at: "2026-11-22T08:00:00Z",
      updates: [
        {
          at: "2026-11-22T08:05:00Z",
          status: "investigating",
          body: "Web and API are failing.",
          components: { web: "partial_outage", api: "degraded_performance" },
        },
        {
          at: "2026-11-22T09:00:00Z",
          status: "monitoring",
          body: "Web is back; the API is still slow.",
          components: { api: "degraded_performance" },
        },
      ],
    } as never);
    const fact = incidentFacts(record, buildConfig(), new Date("2026-11-22T10:00:00Z"));
    const names = new Map([
      ["api", "API"],
      ["web", "Web"],
    ]);
    expect(componentList(fact, names).map((c) => `${c.name} (${c.statusLabel})`)).toEqual([
      "API (Degraded Performance)",
      "Web (Operational)",
    ]);
  });
});
