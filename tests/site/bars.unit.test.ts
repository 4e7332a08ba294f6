// The bars' data (site/data/bars.ts) and colours (site.css): days with impact become links,
// close ones share a link so touch targets keep their spacing, the recent period never shares a
// link with older days, and every level differs from its neighbours by luminance, not hue alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { barsView, RECENT_DAYS, type BarCell } from "../../site/data/bars.ts";
import type { ComponentView, DayView } from "../../site/data/views.ts";
import { formatMinutes } from "../../site/data/views.ts";
import { repoRoot } from "../helpers/run-cli.ts";

function day(index: number, status: DayView["status"] = "operational"): DayView {
  const date = new Date(Date.UTC(2026, 7, 25 + index)).toISOString().slice(0, 10);
  return status === "operational"
    ? { date, status, minutes: [], incidents: [] }
    : {
        date,
        status,
        minutes: [{ status, label: "Partial outage", minutes: 36 }],
        incidents: [{ id: `i${index}`, title: `Incident ${index}` }],
      };
}

function component(impact: Record<number, DayView["status"]>): ComponentView {
  const days = Array.from({ length: 90 }, (_, i) => day(i, impact[i] ?? "operational"));
  return {
    id: "api",
    name: "API",
    group: "G",
    description: undefined,
    status: "operational",
    statusLabel: "Operational",
    uptime: "99.00",
    recentUptime: "98.00",
    days,
    barsSummary: "",
    activeIncidentIds: [],
  };
}

const links = (cells: BarCell[]) => cells.filter((c) => c.kind === "link");
const width = (cells: BarCell[]) => cells.length;

describe("barsView", () => {
  it("makes each day with impact a link named by its summary, anchored at its day", () => {
    const bars = barsView(component({ 10: "partial_outage", 40: "major_outage" }), formatMinutes);
    expect(links(bars.older)).toEqual([
      { kind: "link", anchor: "day-2026-09-04", label: "4 Sept 2026: partial outage 36 min (Incident 10)", status: "partial_outage" },
      expect.objectContaining({ anchor: "day-2026-10-04", status: "major_outage" }),
    ]);
    expect([width(bars.older), width(bars.recent)]).toEqual([90 - RECENT_DAYS, RECENT_DAYS]);
    expect([bars.impactDays, bars.recentImpactDays]).toEqual([2, 0]);
  });

  it("gives every day with impact its own link, named by that day only, even in a run of days", () => {
    const bars = barsView(
      component({ 10: "degraded_performance", 11: "partial_outage", 12: "partial_outage", 20: "major_outage" }),
      formatMinutes,
    );
    const days = links(bars.older);
    expect(days.map((c) => c.kind === "link" && [c.anchor, c.status])).toEqual([
      ["day-2026-09-04", "degraded_performance"],
      ["day-2026-09-05", "partial_outage"],
      ["day-2026-09-06", "partial_outage"],
      ["day-2026-09-14", "major_outage"],
    ]);
    expect(days.every((c) => c.kind === "link" && !c.label.includes(";"))).toBe(true);
  });

  it("never lets a link cross into the recent period (narrow screens show only that)", () => {
    const bars = barsView(component({ 59: "partial_outage", 60: "partial_outage" }), formatMinutes);
    expect(links(bars.older)).toHaveLength(1);
    expect(links(bars.recent)).toHaveLength(1);
    expect(bars.recent[0].kind).toBe("link");
  });
});

describe("bar colours in site.css", () => {
  const css = readFileSync(path.join(repoRoot, "site/src/styles/site.css"), "utf8");
  const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
  const value = (block: string, name: string) => block.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, "i"))?.[1] ?? "";
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const LEVELS = ["bar-ok", "bar-maintenance", "bar-degraded", "bar-partial", "bar-major"];

  const STATUSES = ["under_maintenance", "degraded_performance", "partial_outage", "major_outage"];
  const heights = [30, ...STATUSES.map((st) => Number(css.match(new RegExp(`\\.s-${st} \\{[^}]*--h: ([\\d.]+)%`))?.[1]))];
  const hatchRule = css.match(/([^}]*)\{\s*background: repeating-linear-gradient/)?.[1] ?? "";
  const hatched = ["ok", ...STATUSES].map((st) => hatchRule.includes(`i.s-${st}`));

  for (const [scheme, block] of [
    ["light", css],
    ["dark", dark],
  ] as const) {
    it(`gives adjacent levels 3:1 or a second cue besides colour, and every level 3:1 against the page (${scheme})`, () => {
      const colours = LEVELS.map((name) => value(block, name));
      expect(
        colours.every((c) => /^#/.test(c)),
        colours.join(" "),
      ).toBe(true);
      for (let i = 1; i < colours.length; i++) {
        const apart = contrast(colours[i], colours[i - 1]) >= 3 || (hatched[i] !== hatched[i - 1] && heights[i] - heights[i - 1] >= 15);
        expect(apart, `${LEVELS[i - 1]} → ${LEVELS[i]}`).toBe(true);
      }
      for (const colour of colours) expect(contrast(colour, value(block, "bg"))).toBeGreaterThanOrEqual(3);
    });
  }

  it("grows the bar height with the impact in steps of at least 15 % (a cue without colour)", () => {
    expect(css).toMatch(/\.bars i \{[^}]*height: 30%/);
    for (let i = 1; i < heights.length; i++) expect(heights[i] - heights[i - 1]).toBeGreaterThanOrEqual(15);
    expect(hatched).toEqual([false, true, false, true, false]);
  });
});
