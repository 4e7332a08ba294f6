import { beforeAll, describe, expect, it } from "vitest";
import { buildMaintenanceCalendar } from "../../scripts/publish/ical.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { buildRepository, incident } from "../status/build-records.ts";
import { EXAMPLE_NOW, INTERNAL_TEXTS, loadExamples } from "./examples.ts";

/** Unfolds RFC 5545 content lines (a line starting with a space continues the previous one). */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .filter((line) => line !== "");
}
function events(ics: string): Record<string, string>[] {
  const result: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of unfold(ics)) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      result.push(current!);
      current = undefined;
    } else if (current !== undefined) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon).split(";")[0]] = line.slice(colon + 1);
    }
  }
  return result;
}

describe("maintenance calendar from the example records", () => {
  let repository: Repository;
  let ics: string;
  beforeAll(() => {
    repository = loadExamples();
    ics = buildMaintenanceCalendar(repository, { audience: "public", now: EXAMPLE_NOW });
  });

  it("is a VCALENDAR with one VEVENT per maintenance and none for incidents", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    const list = events(ics);
    expect(list.map((e) => e.SUMMARY)).toEqual(["Payments database upgrade", "Card vault hardware security module migration"]);
    expect(list[1]).toMatchObject({
      UID: "2027-02-10-card-vault-hsm-migration@status.lumen.example",
      DTSTART: "20270210T020000Z",
      DTEND: "20270210T040000Z",
      DTSTAMP: "20261122T050000Z",
      URL: "https://status.lumen.example/incidents/2027-02-10-card-vault-hsm-migration/",
      STATUS: "CONFIRMED",
    });
    expect(list[0].DESCRIPTION).toContain("Status: Completed");
    expect(ics).not.toContain("Checkout unavailable");
  });

  it("uses CRLF line endings and lines of at most 75 octets", () => {
    const lines = ics.split("\r\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("is deterministic and keeps internal text out", () => {
    expect(buildMaintenanceCalendar(loadExamples(), { audience: "public", now: EXAMPLE_NOW })).toBe(ics);
    for (const internal of INTERNAL_TEXTS) expect(ics, internal).not.toContain(internal);
  });
});

describe("maintenance calendar from hand-built records", () => {
  it("leaves out internal maintenance in the public build and puts the site path in UIDs", () => {
    const open = incident("2026-12-01-a", {
      type: "maintenance",
      status: "scheduled",
      scheduled_start: "2026-12-01T01:00:00Z",
      scheduled_end: "2026-12-01T02:00:00Z",
    });
    const hidden = incident("2026-12-02-b", {
      type: "maintenance",
      status: "scheduled",
      visibility: "internal",
      scheduled_start: "2026-12-02T01:00:00Z",
      scheduled_end: "2026-12-02T02:00:00Z",
    });
    const repository = buildRepository([open, hidden]);
    const now = new Date("2026-11-22T00:00:00Z");
    expect(events(buildMaintenanceCalendar(repository, { audience: "public", now })).map((e) => e.UID)).toEqual([
      "2026-12-01-a@example.github.io/status",
    ]);
    expect(events(buildMaintenanceCalendar(repository, { audience: "internal", now }))).toHaveLength(2);
  });
});
