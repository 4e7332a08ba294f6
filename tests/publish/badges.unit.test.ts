import { beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import { BADGE_COLORS, buildBadges, renderBadge } from "../../scripts/publish/badges.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { buildConfig, buildRepository, incident } from "../status/build-records.ts";
import { EXAMPLE_NOW, INTERNAL_TEXTS, loadExamples } from "./examples.ts";

function svgRoot(svg: string): Element {
  return (xml2js(svg) as Element).elements![0];
}

/** WCAG 2.2 relative luminance contrast between two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b2] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe("badges from the example records", () => {
  let repository: Repository;
  let badges: Record<string, string>;
  beforeAll(() => {
    repository = loadExamples();
    badges = buildBadges(repository, { audience: "public", now: EXAMPLE_NOW });
  });

  it("has an overall badge and one per component", () => {
    expect(Object.keys(badges).sort()).toEqual(
      [
        "components/" + "card-vault.svg",
        ...repository.config.components.filter((c) => c.id !== "card-vault").map((c) => `components/${c.id}.svg`),
        "overall.svg",
      ].sort(),
    );
  });

  it("is an accessible SVG: role=img, aria-label and a <title> saying the status", () => {
    const root = svgRoot(badges["overall.svg"]);
    expect(root.name).toBe("svg");
    expect(root.attributes).toMatchObject({ role: "img", "aria-label": "status: Minor Service Outage" });
    const title = root.elements!.find((e) => e.name === "title");
    expect(title?.elements?.[0].text).toBe("status: Minor Service Outage");
    expect(svgRoot(badges["components/payouts.svg"]).attributes?.["aria-label"]).toBe("Payouts: Degraded Performance");
    expect(svgRoot(badges["components/webhooks.svg"]).attributes?.["aria-label"]).toBe("Webhooks: Operational");
  });

  it("uses the status colour", () => {
    expect(badges["components/payouts.svg"]).toContain(`fill="${BADGE_COLORS.degraded_performance}"`);
    expect(badges["components/webhooks.svg"]).toContain(`fill="${BADGE_COLORS.operational}"`);
  });

  it("keeps internal incidents out of the public badges", () => {
    // The drill made checkout-api partial_outage; a build at that moment shows it only internally.
    const duringDrill = new Date("2026-08-30T09:30:00Z");
    const publicBadges = buildBadges(repository, { audience: "public", now: duringDrill });
    const internalBadges = buildBadges(repository, { audience: "internal", now: duringDrill });
    expect(svgRoot(publicBadges["components/checkout-api.svg"]).attributes?.["aria-label"]).toBe("Checkout API: Operational");
    expect(svgRoot(internalBadges["components/checkout-api.svg"]).attributes?.["aria-label"]).toBe("Checkout API: Partial Outage");
    for (const internal of INTERNAL_TEXTS) expect(Object.values(publicBadges).join(""), internal).not.toContain(internal);
  });
});

describe("renderBadge", () => {
  it("escapes text and stays well-formed XML", () => {
    const svg = renderBadge('Web <App> & "x"', "Operational", BADGE_COLORS.operational);
    expect(() => xml2js(svg)).not.toThrow();
    expect(svg).not.toContain("<App>");
    expect(svgRoot(svg).attributes?.["aria-label"]).toBe('Web <App> & "x": Operational');
  });

  it("grows with the text", () => {
    const width = (svg: string) => Number(svgRoot(svg).attributes?.width);
    expect(width(renderBadge("status", "All Systems Operational", "#000"))).toBeGreaterThan(width(renderBadge("status", "OK", "#000")));
  });

  it("keeps white text at 4.5:1 or more on every colour", () => {
    for (const [name, color] of Object.entries(BADGE_COLORS)) expect(contrast(color, "#ffffff"), name).toBeGreaterThanOrEqual(4.5);
  });

  it("shows maintenance and major outages on hand-built records", () => {
    const repository = buildRepository(
      [
        incident("m", {
          type: "maintenance",
          status: "in_progress",
          components: { db: "under_maintenance" },
          scheduled_start: "2026-11-22T01:00:00Z",
          scheduled_end: "2026-11-22T03:00:00Z",
          updates: [{ at: "2026-11-22T01:00:00Z", status: "in_progress", body: "go" }],
        }),
        incident("o", {
          status: "investigating",
          severity: "SEV1",
          components: { api: "major_outage" },
          started_at: "2026-11-22T01:30:00Z",
        }),
      ],
      { config: buildConfig() },
    );
    const badges = buildBadges(repository, { audience: "public", now: new Date("2026-11-22T02:00:00Z") });
    expect(svgRoot(badges["overall.svg"]).attributes?.["aria-label"]).toBe("status: Major Service Outage");
    expect(svgRoot(badges["components/db.svg"]).attributes?.["aria-label"]).toBe("Database: Under Maintenance");
    expect(badges["components/web.svg"]).toContain("Web &lt;App&gt;");
  });
});
