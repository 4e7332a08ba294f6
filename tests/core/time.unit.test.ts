// core/time.ts: the one place that says what "the UTC date of an instant" and "now" are.
import { describe, expect, it } from "vitest";
import { isRecordTime, isUtcSecondsForm, nowFrom, toMillis, utcDate } from "../../scripts/core/time.ts";
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

describe("the digit-by-digit path for `YYYY-MM-DDTHH:MM:SSZ`", () => {
  // toMillis/isRecordTime read this shape without the pattern; the same time written `+00:00`
  // or with a fraction takes the pattern and Date.parse, so the two must agree everywhere.
  const samples: string[] = [];
  for (const year of ["0001", "0099", "0100", "1900", "1970", "2000", "2024", "2025", "2100", "9999"])
    for (const month of ["00", "01", "02", "04", "12", "13"])
      for (const day of ["00", "01", "28", "29", "30", "31", "32"])
        for (const clock of ["00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "1a:00:00"])
          samples.push(`${year}-${month}-${day}T${clock}Z`);
  samples.push("2026-11-20 14:02:00Z", "2026-11-20T14:02:00z", "2026-11-2OT14:02:00Z", "+02026-11-20T14:02Z");

  it("reads every sample as the general path reads it", () => {
    for (const text of samples) {
      for (const general of [text.replace(/Z$/, "+00:00"), text.replace(/Z$/, ".000Z")]) {
        expect([text, toMillis(text)]).toEqual([text, toMillis(general)]);
        expect([text, isRecordTime(text)]).toEqual([text, isRecordTime(general)]);
      }
    }
    expect(toMillis("2024-02-29T23:59:59Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(toMillis("0099-01-01T00:00:00Z")).toBe(Date.parse("0099-01-01T00:00:00Z"));
    expect(toMillis("2025-02-29T00:00:00Z")).toBeUndefined();
  });
});

describe("isUtcSecondsForm", () => {
  // The site writes a time in `datetime` as its instant printed in UTC to the second; a text this
  // says yes to is returned as it is (site/src/lib/format.ts), so it must be exactly that print.
  const printed = (text: string) => new Date(toMillis(text) ?? Number.NaN).toISOString().replace(".000Z", "Z");
  it("says yes exactly when the text is its own instant printed in UTC to the second", () => {
    const samples: string[] = [];
    for (const year of ["0001", "0099", "0100", "1970", "2024", "2025", "9999"])
      for (const date of ["01-01", "02-28", "02-29", "04-31", "12-31", "13-01"])
        for (const clock of ["00:00:00", "23:59:59", "24:00:00", "12:00:60"])
          for (const zone of ["Z", ".000Z", ".5Z", "+01:00", "+00:00", "z"]) samples.push(`${year}-${date}T${clock}${zone}`);
    let yes = 0;
    for (const text of samples) {
      const answer = isUtcSecondsForm(text);
      if (answer) yes++;
      if (answer) expect([text, printed(text)]).toEqual([text, text]);
      else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text) && toMillis(text) !== undefined && Number(text.slice(0, 4)) >= 100)
        expect([text, printed(text)]).not.toEqual([text, text]);
    }
    expect(yes).toBe(32);
    expect(isUtcSecondsForm("2026-11-17T11:22:00Z")).toBe(true);
    expect(isUtcSecondsForm("2026-11-17T11:22:00.000Z")).toBe(false);
    expect(isUtcSecondsForm("2026-11-17T12:22:00+01:00")).toBe(false);
  });
});

describe("utcDate of a time written in UTC", () => {
  it("is the date as written, as the instant's date would be", () => {
    for (const time of ["2026-12-31T23:59:59Z", "2024-02-29T00:00:00.999Z", "0050-01-01T00:00:00Z"])
      expect(utcDate(time)).toBe(new Date(Date.parse(time)).toISOString().slice(0, 10));
  });
});

describe("the digit-by-digit path's calendar", () => {
  it("gives Date.parse's instant for every day from 1600 to 2400 and for clock times", () => {
    for (let day = Date.UTC(1600, 0, 1); day <= Date.UTC(2400, 11, 31); day += 86_400_000) {
      const text = new Date(day + 45_296_000).toISOString().replace(".000Z", "Z");
      if (toMillis(text) !== Date.parse(text)) expect(text).toBe("read as Date.parse reads it");
    }
    expect(toMillis("9999-12-31T23:59:59Z")).toBe(Date.parse("9999-12-31T23:59:59Z"));
    expect(toMillis("0100-03-01T00:00:00Z")).toBe(Date.parse("0100-03-01T00:00:00Z"));
  });
});
