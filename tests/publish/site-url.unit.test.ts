import { describe, expect, it } from "vitest";
import { componentUrl, incidentUrl, postmortemUrl, siteUrl, updateAnchors } from "../../scripts/publish/site-url.ts";
import { stableId } from "../../scripts/publish/stable-id.ts";
import { DOWNTIME_WEIGHTS, UPTIME_FORMULA_TEXT } from "../../scripts/status/uptime.ts";
import { buildConfig } from "../status/build-records.ts";

describe("site URLs", () => {
  it("keeps a project path, with or without a trailing slash", () => {
    for (const url of ["https://x.github.io/status", "https://x.github.io/status/", "https://x.github.io/status//"]) {
      const config = buildConfig({ site: { title: "t", url } });
      expect(incidentUrl(config, "2026-11-20-a")).toBe("https://x.github.io/status/incidents/2026-11-20-a/");
      expect(postmortemUrl(config, "p")).toBe("https://x.github.io/status/postmortems/p/");
      expect(componentUrl(config, "api")).toBe("https://x.github.io/status/components/api/");
      expect(siteUrl(config, "/history.rss")).toBe("https://x.github.io/status/history.rss");
    }
    expect(siteUrl(buildConfig({ site: { title: "t", url: "https://status.example.com" } }), "api/v2/status.json")).toBe(
      "https://status.example.com/api/v2/status.json",
    );
  });

  it("gives each update an anchor from its UTC time, distinct for equal times", () => {
    expect(updateAnchors([{ at: "2026-11-22T01:30:00+01:00" }, { at: "2026-11-22T00:30:00Z" }, { at: "2026-11-22T00:31:00Z" }])).toEqual([
      "update-20261122T003000Z",
      "update-20261122T003000Z-2",
      "update-20261122T003100Z",
    ]);
  });
});

describe("stableId", () => {
  it("is 12 base-32 characters, deterministic, and differs by kind", () => {
    expect(stableId("incident", "x")).toMatch(/^[0-9a-v]{12}$/);
    expect(stableId("incident", "x")).toBe(stableId("incident", "x"));
    expect(stableId("incident", "x")).not.toBe(stableId("component", "x"));
  });
});

describe("UPTIME_FORMULA_TEXT", () => {
  it("states the weight the computation uses", () => {
    expect(DOWNTIME_WEIGHTS.partial_outage).toBe(0.3);
    expect(UPTIME_FORMULA_TEXT).toContain(`${DOWNTIME_WEIGHTS.partial_outage} × partial outage minutes`);
  });
});
