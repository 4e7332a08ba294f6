// The final schedule, computed without a process: rotations on the local clock across
// daylight-saving changes (Europe/Berlin, America/Chicago), overrides that split a shift,
// restrictions to working hours, RFC 5545 rules, gaps, and the load a shift puts on a person.
import { describe, expect, it } from "vitest";
import type { Schedule, ScheduleData } from "../../scripts/oncall/schedule.ts";
import { finalSchedule, gaps } from "../../scripts/oncall/final-schedule.ts";
import { onCallAt } from "../../scripts/oncall/on-call-at.ts";
import { fromFloating, parseLocal, formatLocal } from "../../scripts/oncall/local-time.ts";
import { loadReport } from "../../scripts/oncall/load-report.ts";
import type { Config, IncidentRecord } from "../../scripts/records/record-types.ts";

const H = 3_600_000;
const t = (iso: string) => Date.parse(iso);

function schedule(data: Partial<ScheduleData> & Pick<ScheduleData, "timezone" | "layers">, id = "test"): Schedule {
  return {
    id,
    source: { path: `oncall/${id}.yaml`, text: "", frontMatter: "", bodyLine: 1 },
    data: { name: id, allow_gaps: false, overrides: [], ...data },
  };
}

const who = (s: Schedule, iso: string) => onCallAt(s, t(iso)).current?.who ?? null;

// The acceptance case: three people, weekly, Monday 09:00 Berlin; akin-b's week split by a
// one-night override; Berlin leaves summer time on Sunday 2026-10-25 (dtanaka's week).
const berlin = schedule({
  timezone: "Europe/Berlin",
  layers: [{ name: "Weekly", members: ["priya-n", "akin-b", "dtanaka"], start: "2026-10-05T09:00", rotation: "1w" }],
  overrides: [{ who: "dtanaka", from: "2026-10-14T18:00:00+02:00", to: "2026-10-15T09:00:00+02:00", reason: "swap" }],
});

describe("a weekly rotation in Europe/Berlin", () => {
  it("hands off on Monday at 09:00 local, to the second", () => {
    expect(who(berlin, "2026-10-12T06:59:59Z")).toBe("priya-n");
    expect(who(berlin, "2026-10-12T07:00:00Z")).toBe("akin-b");
    expect(who(berlin, "2026-10-19T07:00:00Z")).toBe("dtanaka");
  });

  it("keeps 09:00 local across the change to winter time (a 169-hour week)", () => {
    // 09:00 CET on 2026-10-26 is 08:00 UTC, not 07:00.
    expect(who(berlin, "2026-10-26T07:30:00Z")).toBe("dtanaka");
    expect(who(berlin, "2026-10-26T07:59:59Z")).toBe("dtanaka");
    expect(who(berlin, "2026-10-26T08:00:00Z")).toBe("priya-n");
    const week = finalSchedule(berlin, t("2026-10-19T07:00:00Z"), t("2026-10-26T12:00:00Z")).find((s) => s.who === "dtanaka")!;
    expect((week.to - week.from) / H).toBe(169);
    expect(formatLocal(week.to, "Europe/Berlin")).toBe("2026-10-26T09:00:00+01:00");
  });

  it("lets the override split akin-b's week into three shifts", () => {
    expect(who(berlin, "2026-10-14T15:59:59Z")).toBe("akin-b");
    expect(who(berlin, "2026-10-14T16:00:00Z")).toBe("dtanaka");
    expect(who(berlin, "2026-10-15T06:59:59Z")).toBe("dtanaka");
    expect(who(berlin, "2026-10-15T07:00:00Z")).toBe("akin-b");
    const shifts = finalSchedule(berlin, t("2026-10-12T07:00:00Z"), t("2026-10-19T07:00:00Z"));
    expect(shifts.map((s) => [s.who, new Date(s.from).toISOString(), new Date(s.to).toISOString(), s.sources.join()])).toEqual([
      ["akin-b", "2026-10-12T07:00:00.000Z", "2026-10-14T16:00:00.000Z", "Weekly"],
      ["dtanaka", "2026-10-14T16:00:00.000Z", "2026-10-15T07:00:00.000Z", "override"],
      ["akin-b", "2026-10-15T07:00:00.000Z", "2026-10-19T07:00:00.000Z", "Weekly"],
    ]);
  });

  it("says when the shift ends and who is next, and nobody before the first shift", () => {
    const now = onCallAt(berlin, t("2026-10-14T17:00:00Z"));
    expect(now.current?.to).toBe(t("2026-10-15T07:00:00Z"));
    expect(now.next?.who).toBe("akin-b");
    const before = onCallAt(berlin, t("2026-10-01T12:00:00Z"));
    expect(before.current).toBeUndefined();
    expect(before.next?.who).toBe("priya-n");
    expect(
      gaps(
        finalSchedule(berlin, t("2026-10-01T00:00:00Z"), t("2026-10-20T00:00:00Z")),
        t("2026-10-01T00:00:00Z"),
        t("2026-10-20T00:00:00Z"),
      ),
    ).toEqual([{ from: t("2026-10-01T00:00:00Z"), to: t("2026-10-05T07:00:00Z") }]);
  });
});

describe("a 12-hour rotation in America/Chicago", () => {
  const chicago = schedule({
    timezone: "America/Chicago",
    layers: [{ name: "12h", members: ["ana", "ben", "cy"], start: "2026-10-30T08:00", rotation: "12h" }],
  });

  it("keeps 08:00 and 20:00 local when the clocks go back (a 13-hour night)", () => {
    const shifts = finalSchedule(chicago, t("2026-10-31T12:00:00Z"), t("2026-11-02T12:00:00Z"));
    const night = shifts.find((s) => s.from === t("2026-11-01T01:00:00Z"))!; // 20:00 CDT on 10-31
    expect(night.to).toBe(t("2026-11-01T14:00:00Z")); // 08:00 CST
    expect((night.to - night.from) / H).toBe(13);
    expect(night.who).toBe("ana"); // shifts from 10-30 08:00: ana, ben, cy, then ana at 10-31 20:00
  });

  it("keeps them when the clocks go forward (an 11-hour night)", () => {
    const spring = schedule({
      timezone: "America/Chicago",
      layers: [{ name: "12h", members: ["ana", "ben"], start: "2026-03-07T20:00", rotation: "12h" }],
    });
    const shifts = finalSchedule(spring, t("2026-03-07T00:00:00Z"), t("2026-03-09T00:00:00Z"));
    const night = shifts.find((s) => s.from === t("2026-03-08T02:00:00Z"))!; // 20:00 CST on 03-07
    expect(night.to).toBe(t("2026-03-08T13:00:00Z")); // 08:00 CDT
    expect(night.who).toBe("ana");
  });
});

describe("layers, restrictions and recurrence rules", () => {
  const layered = schedule({
    timezone: "America/Chicago",
    layers: [
      { name: "Base", members: ["ana"], start: "2026-11-01T00:00", rotation: "1w" },
      {
        name: "Office",
        members: ["sam", "ines"],
        start: "2026-11-02T09:00",
        rotation: "FREQ=WEEKLY;BYDAY=MO,TH",
        restrictions: [{ days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "17:00" }],
      },
    ],
  });

  it("lets the restricted layer win during working hours only", () => {
    expect(who(layered, "2026-11-02T14:59:59Z")).toBe("ana"); // 08:59 CST Monday
    expect(who(layered, "2026-11-02T15:00:00Z")).toBe("sam"); // 09:00
    expect(who(layered, "2026-11-02T23:00:00Z")).toBe("ana"); // 17:00
    expect(who(layered, "2026-11-07T18:00:00Z")).toBe("ana"); // Saturday noon
  });

  it("hands the restricted layer off on each occurrence of the rule (Monday, Thursday)", () => {
    expect(who(layered, "2026-11-04T18:00:00Z")).toBe("sam"); // Wednesday
    expect(who(layered, "2026-11-05T18:00:00Z")).toBe("ines"); // Thursday
    expect(who(layered, "2026-11-09T18:00:00Z")).toBe("sam"); // next Monday
    expect(who(layered, "2026-11-12T18:00:00Z")).toBe("ines");
  });

  it("reports the nights a working-hours-only schedule leaves open", () => {
    const office = schedule({ timezone: "Europe/Berlin", layers: [layered.data.layers[1]], allow_gaps: true });
    const from = t("2026-11-02T00:00:00Z");
    const to = t("2026-11-03T00:00:00Z");
    expect(
      gaps(finalSchedule(office, from, to), from, to).map((g) => [new Date(g.from).toISOString(), new Date(g.to).toISOString()]),
    ).toEqual([
      ["2026-11-02T00:00:00.000Z", "2026-11-02T08:00:00.000Z"],
      ["2026-11-02T16:00:00.000Z", "2026-11-03T00:00:00.000Z"],
    ]);
  });

  it("keeps an RRULE's handoffs at the local time across Berlin's change (09:00 CEST, then 09:00 CET)", () => {
    const rule = schedule({
      timezone: "Europe/Berlin",
      layers: [{ name: "Twice a week", members: ["a", "b", "c"], start: "2026-10-19T09:00", rotation: "FREQ=WEEKLY;BYDAY=MO,TH" }],
    });
    const shifts = finalSchedule(rule, t("2026-10-19T00:00:00Z"), t("2026-10-30T00:00:00Z"));
    expect(shifts.map((s) => [s.who, formatLocal(s.from, "Europe/Berlin")])).toEqual([
      ["a", "2026-10-19T09:00:00+02:00"],
      ["b", "2026-10-22T09:00:00+02:00"],
      ["c", "2026-10-26T09:00:00+01:00"],
      ["a", "2026-10-29T09:00:00+01:00"],
    ]);
  });
});

describe("local times that do not exist or happen twice", () => {
  it("moves a time in the spring-forward gap forward, and takes the first of a repeated one", () => {
    expect(new Date(fromFloating(parseLocal("2026-03-29T02:30"), "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(fromFloating(parseLocal("2026-10-25T02:30"), "Europe/Berlin")).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(new Date(fromFloating(parseLocal("2026-11-01T01:30"), "America/Chicago")).toISOString()).toBe("2026-11-01T06:30:00.000Z");
  });
});

describe("the load report", () => {
  const config = {
    oncall: {
      people: [],
      working_hours: { days: ["mon", "tue", "wed", "thu", "fri"], from: "09:00", to: "18:00" },
      night: { from: "22:00", to: "07:00" },
      check_weeks: 8,
    },
  } as unknown as Config;
  const incident = (id: string, started_at: string, commander?: string) =>
    ({
      id,
      data: { type: "incident", drill: false, started_at, roles: commander ? { commander } : undefined },
    }) as unknown as IncidentRecord;

  it("counts hours, out of hours, weekends and nights by the configured hours, across the DST change", () => {
    const report = loadReport({
      schedules: [berlin],
      incidents: [
        incident("night-page", "2026-10-14T23:30:00Z", "akin-b"),
        incident("day", "2026-10-06T10:00:00Z"),
        incident("before", "2026-09-01T10:00:00Z"),
      ],
      config,
      from: t("2026-10-05T07:00:00Z"),
      to: t("2026-11-02T08:00:00Z"),
    });
    const by = Object.fromEntries(report.people.map((p) => [p.person, p]));
    expect(by["priya-n"]).toMatchObject({
      shifts: 2,
      hours: 336,
      out_of_hours: 246,
      weekend_hours: 96,
      incidents: 1,
      incident_ids: ["day"],
    });
    // akin-b's week minus the 15-hour override, which was all out of hours.
    expect(by["akin-b"]).toMatchObject({ shifts: 2, hours: 153, out_of_hours: 108, commanded: 1, incidents: 0 });
    // The override night (18:00–09:00, nine of it night) plus a 169-hour week with the extra hour at night.
    expect(by.dtanaka).toMatchObject({
      shifts: 2,
      hours: 184,
      out_of_hours: 139,
      night_hours: 9 + 7 * 9 + 1,
      incidents: 1,
      night_incidents: 1,
    });
    expect(report.fairness[0]).toMatchObject({ schedule: "test", people: 3, max_hours: 336, min_hours: 153 });
    const shares = Object.values(report.fairness[0].night_share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });
});
