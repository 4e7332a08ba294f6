// core/time.ts: the one place that says what "the UTC date of an instant" and "now" are.
import { describe, expect, it } from "vitest";
import { nowFrom, utcDate } from "../../scripts/core/time.ts";
import { SitrepError } from "../../scripts/errors.ts";

describe("utcDate", () => {
  it("is the date in UTC, whatever offset the time was written with", () => {
    expect(utcDate("2026-03-01T01:30:00+02:00")).toBe("2026-02-28");
    expect(utcDate("2026-02-28T23:30:00-01:00")).toBe("2026-03-01");
    expect(utcDate(Date.UTC(2026, 11, 31, 23, 59, 59))).toBe("2026-12-31");
    expect(utcDate(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01-01");
  });
});

describe("nowFrom", () => {
  const clock = () => new Date("2030-01-01T00:00:00Z");
  it("reads SITREP_NOW when set, with any offset", () => {
    expect(nowFrom({ SITREP_NOW: "2026-11-22T14:00:00+02:00" }, clock).toISOString()).toBe("2026-11-22T12:00:00.000Z");
  });
  it("uses the clock when SITREP_NOW is unset or empty", () => {
    expect(nowFrom({}, clock).toISOString()).toBe("2030-01-01T00:00:00.000Z");
    expect(nowFrom({ SITREP_NOW: "" }, clock).toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });
  it("stops with what to set when SITREP_NOW is not a time", () => {
    const error = (() => {
      try {
        nowFrom({ SITREP_NOW: "yesterday" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SitrepError);
    expect((error as SitrepError).message).toBe("SITREP_NOW is `yesterday`, not a time.");
    expect((error as SitrepError).hint).toMatch(/RFC 3339/);
    expect((error as SitrepError).exitCode).toBe(2);
  });
});
