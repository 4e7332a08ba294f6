// One time parser (core/time.ts): the schema's date-time format is the same function the readers
// use, so a time validate accepts is the instant every page shows, and a time it refuses is
// refused with the time written right. Before, `+01` passed the schema and read as 1970.
import { describe, expect, it } from "vitest";
import * as compiled from "../../scripts/records/compiled-validators.js";
import { isRecordTime, readTime, toMillis } from "../../scripts/core/time.ts";

const withStart = (started_at: string) => ({ title: "t", status: "investigating", started_at });
const schemaAccepts = (time: string) => compiled.incident(withStart(time));

const ACCEPTED: [string, string][] = [
  ["2026-11-15T10:00:00Z", "2026-11-15T10:00:00.000Z"],
  ["2026-11-15T10:00:00+01:00", "2026-11-15T09:00:00.000Z"],
  ["2026-11-15T10:00:00-05:30", "2026-11-15T15:30:00.000Z"],
  ["2026-11-15T10:00:00-00:00", "2026-11-15T10:00:00.000Z"],
  ["2026-11-15T10:00:00.123456Z", "2026-11-15T10:00:00.123Z"],
  ["2026-11-15T10:00:00.5+01:00", "2026-11-15T09:00:00.500Z"],
  ["2026-11-15T10:00:00.987654321-02:30", "2026-11-15T12:30:00.987Z"],
  ["2024-02-29T23:59:59+23:59", "2024-02-29T00:00:59.000Z"],
  ["0050-01-01T00:00:00Z", "0050-01-01T00:00:00.000Z"],
  ["0000-02-29T12:00:00Z", "0000-02-29T12:00:00.000Z"],
];

const REFUSED: [string, RegExp][] = [
  ["2026-11-15T10:00:00+01", /`2026-11-15T10:00:00\+01:00`/],
  ["2026-11-15T10:00:00+0100", /`2026-11-15T10:00:00\+01:00`/],
  ["2026-11-15 10:00:00Z", /`2026-11-15T10:00:00Z`/],
  ["2026-11-15t10:00:00z", /`2026-11-15T10:00:00Z`/],
  ["2026-11-15T10:00Z", /`2026-11-15T10:00:00Z`/],
  ["2026-11-15T10:00:00", /`2026-11-15T10:00:00Z`/],
  ["2026-11-15T23:59:60Z", /no leap second/],
  ["2026-11-15T24:00:00Z", /no `24:00`/],
  ["2026-02-29T10:00:00Z", /2026-02 has 28 days/],
  ["2026-11-15T10:00:00+24:00", /at most ±23:59/],
  ["yesterday", /2026-11-20T14:02:00Z/],
];

describe("the schema's date-time format is the readers' parser", () => {
  it.each(ACCEPTED)("%s is accepted by the schema and read as %s (and Date agrees)", (time, instant) => {
    expect(schemaAccepts(time)).toBe(true);
    expect(isRecordTime(time)).toBe(true);
    expect(new Date(toMillis(time)!).toISOString()).toBe(instant);
    // Readers not yet on toMillis call Date.parse: on the accepted form it reads the same instant.
    expect(Date.parse(time)).toBe(toMillis(time));
  });

  it.each(REFUSED)("%s is refused by the schema and unread by the readers, with the fix in the hint", (time, hint) => {
    expect(schemaAccepts(time)).toBe(false);
    expect(toMillis(time)).toBeUndefined();
    const reading = readTime(time);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.hint).toMatch(hint);
  });
});
