// The impact in words on cards and lists is never milder than what the record did to its
// components: a SEV4 (severity impact "none") that degraded Login reads "Minor impact".
import { describe, expect, it } from "vitest";
import { impactShown, incidentFacts } from "../../scripts/model/incident-facts.ts";
import { buildConfig, incident } from "../status/build-records.ts";

const config = buildConfig({
  severities: [
    { id: "SEV1", name: "Critical", impact: "critical", update_every_minutes: 15, postmortem_required: true },
    { id: "SEV4", name: "Low", impact: "none", update_every_minutes: 240, postmortem_required: false },
  ],
} as never);
const now = new Date("2026-11-22T12:00:00Z");
const resolved = (severity: string, components: Record<string, string>) =>
  incidentFacts(
    incident(`2026-11-22-${severity}`, {
      status: "resolved",
      severity,
      components,
      started_at: "2026-11-22T09:00:00Z",
      resolved_at: "2026-11-22T10:00:00Z",
    } as never),
    config,
    now,
  );

describe("impactShown", () => {
  it("raises a severity without impact to what its components had", () => {
    expect(impactShown(resolved("SEV4", { web: "degraded_performance" }))).toBe("minor");
    expect(impactShown(resolved("SEV4", { web: "partial_outage", api: "degraded_performance" }))).toBe("major");
  });

  it("keeps no impact when no component was affected, and never lowers the severity's impact", () => {
    expect(impactShown(resolved("SEV4", {}))).toBe("none");
    expect(impactShown(resolved("SEV1", { web: "degraded_performance" }))).toBe("critical");
  });
});
