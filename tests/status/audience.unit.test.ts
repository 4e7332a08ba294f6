import { beforeAll, describe, expect, it } from "vitest";
import { incidentsFor, parseAudience, postmortemsFor } from "../../scripts/status/audience.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { buildConfig, buildRepository, incident, postmortem } from "./build-records.ts";

describe("audience filtering on the example records", () => {
  let repository: Repository;
  beforeAll(() => {
    repository = validateRepository(exampleOrgRoot, { now: new Date("2026-11-22T05:00:00Z") }).repository;
  });

  it("public leaves out the drill, the near-miss and internal incidents; internal keeps all", () => {
    const publicIds = incidentsFor(repository, "public").map((i) => i.id);
    expect(publicIds).not.toContain("2026-08-30-gameday-region-evacuation");
    expect(publicIds).not.toContain("2026-07-22-certificate-expiry-near-miss");
    expect(publicIds).not.toContain("2026-09-24-reconciliation-job-delay");
    expect(publicIds).toContain("2026-11-21-payout-status-latency");
    expect(publicIds).toHaveLength(repository.incidents.length - 3);
    expect(incidentsFor(repository, "internal")).toHaveLength(repository.incidents.length);
  });

  it("public postmortems are public, published and about a public incident", () => {
    expect(
      postmortemsFor(repository, "public")
        .map((p) => p.id)
        .sort(),
    ).toEqual(["2026-05-19-checkout-outage", "2026-07-08-psp-timeouts", "2026-10-06-3ds-challenge-failures"]);
    expect(postmortemsFor(repository, "internal")).toHaveLength(repository.postmortems.length);
  });
});

describe("audience filtering on hand-built records", () => {
  const config = buildConfig();
  const drill = incident("drill", {
    status: "resolved",
    severity: "SEV2",
    drill: true,
    visibility: "public",
    started_at: "2026-11-01T10:00:00Z",
    resolved_at: "2026-11-01T11:00:00Z",
  });
  const nearMiss = incident("near", {
    type: "near_miss",
    status: "resolved",
    severity: "SEV3",
    started_at: "2026-11-01T10:00:00Z",
    resolved_at: "2026-11-01T11:00:00Z",
  });
  const publicNearMiss = incident("near-public", {
    type: "near_miss",
    visibility: "public",
    status: "resolved",
    severity: "SEV3",
    started_at: "2026-11-01T10:00:00Z",
    resolved_at: "2026-11-01T11:00:00Z",
  });
  const internal = incident("internal", {
    status: "resolved",
    severity: "SEV3",
    visibility: "internal",
    started_at: "2026-11-01T10:00:00Z",
    resolved_at: "2026-11-01T11:00:00Z",
  });
  const open = incident("open", {
    status: "resolved",
    severity: "SEV3",
    started_at: "2026-11-01T10:00:00Z",
    resolved_at: "2026-11-01T11:00:00Z",
  });
  const published = { status: "published", visibility: "public", published_at: "2026-11-05T10:00:00Z" } as const;
  const repository = buildRepository([drill, nearMiss, publicNearMiss, internal, open], {
    config,
    postmortems: [
      postmortem("drill", { incident: "drill", ...published }, config),
      postmortem("internal", { incident: "internal", ...published }, config),
      postmortem("open", { incident: "open", ...published }, config),
      postmortem("near-public", { incident: "near-public", status: "in_review", visibility: "public" }, config),
    ],
  });

  it("a drill is never public even when marked public; a near-miss only when explicitly public", () => {
    expect(incidentsFor(repository, "public").map((i) => i.id)).toEqual(["near-public", "open"]);
  });

  it("a public postmortem of a drill or an internal incident stays out; unpublished stays out", () => {
    expect(postmortemsFor(repository, "public").map((p) => p.id)).toEqual(["open"]);
  });

  it("parseAudience fails closed to public", () => {
    expect(parseAudience("internal")).toBe("internal");
    expect(parseAudience("Internal")).toBe("public");
    expect(parseAudience(undefined)).toBe("public");
  });
});
