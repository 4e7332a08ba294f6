// `sitrep oncall` and the on-call rules of `sitrep validate`, as a new user meets them: the real
// CLI on a copy of the example organisation with a schedule of their own (a weekly rotation of
// three, Monday 09:00 in Europe/Berlin, a one-night override, the October daylight-saving change).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExampleRepo, exampleGitRepo } from "../helpers/example-repo.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

const SCHEDULE = `name: Platform primary
timezone: Europe/Berlin
layers:
  - name: Weekly
    members: [priya-n, akin-b, dtanaka]
    start: 2026-10-05T09:00
    rotation: 1w
overrides:
  - who: dtanaka
    from: 2026-10-14T18:00:00+02:00
    to: 2026-10-15T09:00:00+02:00
    reason: swap with akin-b
`;

let dir = "";
let cleanup = () => {};
beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-oncall-"));
  // These tests run at October clocks: records of later incidents would be dated in the future
  // (validate's not-in-future), so the repository is the example organisation as of mid-October.
  for (const year of readdirSync(path.join(dir, "incidents"), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of readdirSync(path.join(dir, "incidents", year.name)).filter((f) => f.slice(0, 10) > "2026-10-14")) {
      rmSync(path.join(dir, "incidents", year.name, file));
      rmSync(path.join(dir, "postmortems", file), { force: true });
    }
  }
  rmSync(path.join(dir, "oncall"), { recursive: true, force: true });
  mkdirSync(path.join(dir, "oncall"));
  writeFileSync(path.join(dir, "oncall/platform.yaml"), SCHEDULE);
});
afterAll(() => cleanup());

/** Writes a schedule under oncall/, runs validate (in-process), removes it again. */
async function validateWith(file: string, text: string) {
  writeFileSync(path.join(dir, "oncall", file), text);
  try {
    const result = await runCliInProcess(["validate", "--format", "json", "oncall"], {
      cwd: dir,
      env: { SITREP_NOW: "2026-10-10T12:00:00Z" },
    });
    return {
      code: result.code,
      diagnostics: (
        JSON.parse(result.stdout).diagnostics as {
          file: string;
          line: number;
          column: number;
          rule: string;
          severity: string;
          message: string;
          hint: string;
        }[]
      ).filter((d) => d.file === `oncall/${file}`),
    };
  } finally {
    rmSync(path.join(dir, "oncall", file));
  }
}

describe("sitrep oncall --at", () => {
  it.each([
    ["2026-10-12T08:59:59+02:00", "priya-n", "2026-10-12T09:00:00+02:00"],
    ["2026-10-12T09:00:00+02:00", "akin-b", "2026-10-14T18:00:00+02:00"],
    ["2026-10-14T18:00:00+02:00", "dtanaka", "2026-10-15T09:00:00+02:00"],
    ["2026-10-15T09:00:00+02:00", "akin-b", "2026-10-19T09:00:00+02:00"],
    ["2026-10-26T08:59:00+01:00", "dtanaka", "2026-10-26T09:00:00+01:00"],
    ["2026-10-26T09:00:00+01:00", "priya-n", "2026-11-02T09:00:00+01:00"],
  ])("at %s names %s, on call until %s", async (at, person, until) => {
    const result = await runCliInProcess(["oncall", "--at", at, "--json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [entry] = JSON.parse(result.stdout);
    expect(entry).toMatchObject({ schedule: "platform", on_call: person, to: until });
  });

  it("prints who is on call now, until when and who is next", () => {
    const result = runCli(["oncall"], { cwd: dir, env: { SITREP_NOW: "2026-10-14T20:00:00Z" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Platform primary\s+dtanaka\s+2026-10-15 09:00 \+02:00\s+akin-b/);
  });

  it("lists a person's next shifts with --for, the DST change included", async () => {
    const result = await runCliInProcess(["oncall", "--for", "dtanaka", "--at", "2026-10-13T00:00:00Z", "--weeks", "2", "--json"], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((s: { from: string; to: string }) => [s.from, s.to])).toEqual([
      ["2026-10-14T18:00:00+02:00", "2026-10-15T09:00:00+02:00"],
      ["2026-10-19T09:00:00+02:00", "2026-10-26T09:00:00+01:00"],
    ]);
  });

  it("refuses an unknown subcommand with a usage error", async () => {
    const result = await runCliInProcess(["oncall", "rota"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown subcommand `rota`/);
  });
});

describe("sitrep oncall report", () => {
  // The whole example organisation (the report runs at the default clock, after every record).
  let full = { dir: "", cleanup: () => {} };
  beforeAll(() => {
    full = copyExampleRepo("sitrep-oncall-report-");
    rmSync(path.join(full.dir, "oncall"), { recursive: true, force: true });
    mkdirSync(path.join(full.dir, "oncall"));
    writeFileSync(path.join(full.dir, "oncall/platform.yaml"), SCHEDULE);
  });
  afterAll(() => full.cleanup());

  it("attributes incidents to whoever was on call when they started and counts out-of-hours time by the config", async () => {
    const result = await runCliInProcess(
      ["oncall", "report", "--from", "2026-10-05T09:00:00+02:00", "--to", "2026-11-02T09:00:00+01:00", "--json"],
      { cwd: full.dir },
    );
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    const by = Object.fromEntries(report.people.map((p: { person: string }) => [p.person, p]));
    // 2026-10-06 19:10Z and 2026-10-27 14:10Z (the example incidents) both fell in priya-n's weeks.
    expect(by["priya-n"]).toMatchObject({
      hours: 336,
      out_of_hours: 246,
      incidents: 2,
      incident_ids: ["2026-10-06-3ds-challenge-failures", "2026-10-27-merchant-dashboard-slow"],
    });
    expect(by["akin-b"]).toMatchObject({ hours: 153, out_of_hours: 108, incidents: 0 });
    expect(by.dtanaka).toMatchObject({ hours: 184, out_of_hours: 139 });
    expect(by["noor-haddad"]).toMatchObject({ hours: 0, commanded: 1 });
  });

  it("moves out-of-hours time when working hours change in the config", async () => {
    const config = path.join(full.dir, "sitrep.config.yaml");
    const original = readFileSync(config, "utf8");
    writeFileSync(
      config,
      `${original}\noncall:\n  working_hours:\n    days: [mon, tue, wed, thu, fri, sat, sun]\n    from: "00:00"\n    to: "24:00"\n`,
    );
    try {
      const result = await runCliInProcess(
        ["oncall", "report", "--from", "2026-10-05T07:00:00Z", "--to", "2026-10-12T07:00:00Z", "--json"],
        { cwd: full.dir },
      );
      const priya = JSON.parse(result.stdout).people.find((p: { person: string }) => p.person === "priya-n");
      expect(priya).toMatchObject({ hours: 168, out_of_hours: 0, weekend_hours: 0 });
    } finally {
      writeFileSync(config, original);
    }
  });
});

describe("sitrep validate on schedules", () => {
  it("accepts the schedule as written", async () => {
    const result = await runCliInProcess(["validate", "--format", "json", "oncall"], {
      cwd: dir,
      env: { SITREP_NOW: "2026-10-10T12:00:00Z" },
    });
    expect(JSON.parse(result.stdout).diagnostics).toEqual([]);
  });

  it("warns about a gap at the line of the layer's end (a warning: it must not block a deploy)", async () => {
    const { code, diagnostics } = await validateWith(
      "ends.yaml",
      SCHEDULE.replace("    rotation: 1w\n", "    rotation: 1w\n    end: 2026-10-26T09:00\n"),
    );
    expect(code).toBe(0);
    expect(diagnostics).toMatchObject([
      {
        rule: "oncall-gap",
        severity: "warning",
        line: 8,
        column: 10,
        message: "Nobody is on call from 2026-10-26T09:00:00+01:00 to 2026-12-05T13:00:00+01:00 (Europe/Berlin).",
      },
    ]);
  });

  it("reports gaps that restrictions leave, unless the schedule allows them", async () => {
    const office = `name: Office\ntimezone: America/Chicago\nlayers:\n  - name: Days\n    members: [akin-b]\n    start: 2026-10-05T09:00\n    rotation: 1d\n    restrictions:\n      - days: [mon, tue, wed, thu, fri]\n        from: "09:00"\n        to: "17:00"\n`;
    const { diagnostics } = await validateWith("office.yaml", office);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ rule: "oncall-gap", line: 9 });
    expect(diagnostics[0].message).toContain("from 2026-10-10T07:00:00-05:00 to 2026-10-12T09:00:00-05:00");
    expect((await validateWith("office.yaml", `allow_gaps: true\n${office}`)).diagnostics).toEqual([]);
  });

  it("reports an unknown member, overlapping overrides and an RRULE that never fires, each at its line", async () => {
    const bad = `${SCHEDULE.replace("[priya-n, akin-b, dtanaka]", "[priya-n, akin-bb, dtanaka]").replace(
      "rotation: 1w",
      "rotation: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    )}  - who: priya-n\n    from: 2026-10-15T08:00:00+02:00\n    to: 2026-10-15T10:00:00+02:00\n`;
    const { code, diagnostics } = await validateWith("bad.yaml", bad);
    expect(code).toBe(1);
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ["oncall-unknown-member", 5],
      ["oncall-rrule-never-fires", 7],
      ["oncall-override-overlap", 14],
    ]);
    expect(diagnostics[0].hint).toContain("Did you mean `akin-b`?");
  });

  it("reports a schema error with its line, and a handoff in the spring-forward gap", async () => {
    const { diagnostics } = await validateWith("typo.yaml", SCHEDULE.replace("rotation: 1w", "rotaton: 1w"));
    expect(diagnostics.map((d) => [d.rule, d.line])).toContainEqual(["unknown-field", 7]);
    const gap = await validateWith("spring.yaml", SCHEDULE.replace("2026-10-05T09:00", "2026-03-29T02:30"));
    expect(gap.diagnostics.map((d) => [d.rule, d.line])).toEqual([["oncall-handoff-time", 6]]);
  });

  it("makes `sitrep oncall` refuse to answer from a broken schedule, naming the problem", async () => {
    writeFileSync(path.join(dir, "oncall/broken.yaml"), SCHEDULE.replace("Europe/Berlin", "Europe/Berln"));
    try {
      const result = await runCliInProcess(["oncall"], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/oncall\/broken\.yaml\s+2:11\s+error/);
      expect(result.stderr).toContain("Did you mean `Europe/Berlin`?");
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      rmSync(path.join(dir, "oncall/broken.yaml"));
    }
  });
});

describe("sitrep metrics on the example organisation (a git repository with fixed dates)", () => {
  it("names who was on call in each schedule when each incident started", async () => {
    const repo = exampleGitRepo("sitrep-oncall-metrics-");
    try {
      const result = await runCliInProcess(["metrics", "--json"], { cwd: repo.dir });
      expect(result.stderr).toBe("");
      const { on_call } = JSON.parse(result.stdout);
      expect(on_call.schedules).toEqual(["payments-secondary", "platform-primary"]);
      // Tuesday 2026-10-06 19:10Z: 14:10 in Chicago (business hours, sam-rivera since Monday's
      // handoff) and week 23 of the Berlin rotation that began 2026-05-04 (akin-b).
      expect(on_call.incidents.find((i: { incident: string }) => i.incident === "2026-10-06-3ds-challenge-failures")).toEqual({
        incident: "2026-10-06-3ds-challenge-failures",
        started_at: "2026-10-06T19:10:00Z",
        on_call: [
          { schedule: "payments-secondary", on_call: "sam-rivera" },
          { schedule: "platform-primary", on_call: "akin-b" },
        ],
      });
      const text = (await runCliInProcess(["metrics"], { cwd: repo.dir })).stdout;
      expect(text).toMatch(/On call when incidents started \(payments-secondary, platform-primary\): .*akin-b \d+/);
      // The weekly report of 2026-W42 (Monday 10-12 00:00Z to Sunday 23:59:59Z): akin-b until the
      // Monday 09:00 Berlin handoff (07:00Z), then dtanaka.
      const weekly = JSON.parse((await runCliInProcess(["report", "--week", "2026-W42", "--json"], { cwd: repo.dir })).stdout);
      const load = Object.fromEntries(weekly.on_call.people.map((p: { person: string; hours: number }) => [p.person, p.hours]));
      expect(load).toMatchObject({ "akin-b": 7, dtanaka: 161 });
      expect((await runCliInProcess(["report", "--week", "2026-W42"], { cwd: repo.dir })).stdout).toMatch(
        /## On-call load\n\n\| person \| shifts \| hours/,
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe("sitrep oncall --ical", () => {
  it("prints a person's shifts as iCalendar events with stable UIDs, the override and the DST week included", async () => {
    const args = ["oncall", "--for", "dtanaka", "--ical", "--at", "2026-10-13T00:00:00Z", "--weeks", "2"];
    const result = await runCliInProcess(args, { cwd: dir });
    expect(result.code).toBe(0);
    const events = result.stdout.split("BEGIN:VEVENT").slice(1);
    expect(events.map((e) => [e.match(/DTSTART:(\S+)/)?.[1], e.match(/DTEND:(\S+)/)?.[1]])).toEqual([
      ["20261014T160000Z", "20261015T070000Z"],
      ["20261019T070000Z", "20261026T080000Z"],
    ]);
    expect(events[0]).toContain("UID:oncall-platform-dtanaka-20261014T160000Z@status.lumen.example");
    // A later run (another DTSTAMP) keeps the UIDs, so calendar apps update instead of duplicating.
    const later = (await runCliInProcess(args, { cwd: dir, env: { SITREP_NOW: "2026-11-30T12:00:00Z" } })).stdout;
    expect(later.match(/UID:\S+/g)).toEqual(result.stdout.match(/UID:\S+/g));
    expect(later).not.toBe(result.stdout);
  });

  it("names the known schedules when --schedule names an unknown one", async () => {
    const result = await runCliInProcess(["oncall", "--schedule", "platfrom"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown schedule `platfrom`");
    expect(result.stderr).toContain("platform");
  });
});

describe("sitrep oncall handoff", () => {
  it("writes a note for the next handoff with what is open and due, and refuses to overwrite it", async () => {
    const env = { SITREP_NOW: "2026-10-14T20:00:00Z" };
    const result = runCli(["oncall", "handoff", "-m", "Payout retries are noisy tonight."], { cwd: dir, env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Wrote oncall/handoffs/2026-10-15-platform.md");
    const note = readFileSync(path.join(dir, "oncall/handoffs/2026-10-15-platform.md"), "utf8");
    expect(note).toContain("from: dtanaka\nto: akin-b\nhandoff_at: 2026-10-15T09:00:00+02:00\n");
    expect(note).toContain("# Handoff: Platform primary, dtanaka → akin-b");
    // An action item due on 2026-10-12 is overdue at the handoff; the maintenance of 2026-10-14 is under way.
    expect(note).toMatch(/## Action items due within 7 days\n\n(- .*\n)*- 2026-10-12 .* \(overdue\)/);
    expect(note).toMatch(/## Notes\n\nPayout retries are noisy tonight\.\n$/);
    const again = await runCliInProcess(["oncall", "handoff"], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("oncall/handoffs/2026-10-15-platform.md already exists.");
    // A handoff folder is not a schedule: validation still passes.
    expect((await runCliInProcess(["validate", "oncall"], { cwd: dir, env })).code).toBe(0);
    rmSync(path.join(dir, "oncall/handoffs"), { recursive: true });
  });
});
