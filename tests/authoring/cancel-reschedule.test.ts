// Maintenance plans change (decision 0115): `reschedule` moves a window under the same id and says
// where it went in the site's zone; `cancel` calls one off before its work began, after which it
// has no impact, leaves the upcoming list, and the calendar strikes it out. In-process on a copy
// of the example organisation (its HSM migration is months after the fixed clock), one CLI run each.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCli, runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";
import { command as cancel } from "../../scripts/commands/cancel.ts";
import { command as reschedule } from "../../scripts/commands/reschedule.ts";
import { command as complete } from "../../scripts/commands/complete.ts";
import { command as update } from "../../scripts/commands/update.ts";
import type { OptionValues } from "../../scripts/cli/command.ts";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { incidentFacts } from "../../scripts/model/incident-facts.ts";
import { buildMaintenanceCalendar, maintenanceUid } from "../../scripts/publish/ical.ts";
import { buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { buildFeeds } from "../../scripts/publish/feeds.ts";
import { openNow } from "../../scripts/status/open-now.ts";
import { publishTitle } from "../../scripts/pull-request/publish-title.ts";

const ID = "2027-02-10-card-vault-hsm-migration";
const FILE = `incidents/2027/${ID}.md`;
const NOW = new Date(TEST_NOW);
let dir: string;
let cleanup: () => void;

const data = () => recordFile(readFileSync(path.join(dir, FILE), "utf8")).data as Record<string, any>;
const run = (cmd: typeof cancel, positionals: string[], values: OptionValues = {}, now = NOW) =>
  cmd.run({ values, positionals, cwd: dir, env: {}, now, interactive: false, color: false });
const calendarEvent = () => {
  const repository = loadRepository(dir, { now: NOW });
  const text = buildMaintenanceCalendar(repository, { audience: "public", now: NOW }).replace(/\r\n[ \t]/g, "");
  const uid = maintenanceUid(repository.config, ID);
  return text.split("BEGIN:VEVENT").find((e) => e.includes(`UID:${uid}`))!;
};

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-cancel-reschedule-"));
});
afterAll(() => cleanup());

describe("reschedule", () => {
  test("moves the window under the same id, keeps the first window, and says where it went in the site's zone", async () => {
    const before = calendarEvent();
    const result = await run(reschedule, ["hsm-migration"], { start: "2027-02-17T02:00:00Z", end: "2027-02-17T04:00:00Z" });
    expect(result.summary).toBe(`Rescheduled maintenance ${ID}`);
    const record = data();
    expect(record).toMatchObject({
      status: "scheduled",
      scheduled_start: "2027-02-17T02:00:00Z",
      scheduled_end: "2027-02-17T04:00:00Z",
      first_scheduled_start: "2027-02-10T02:00:00Z",
    });
    // Europe/Berlin is the example's zone: 02:00Z is 03:00 CET.
    expect(record.updates.at(-1)).toEqual({
      at: TEST_NOW,
      status: "scheduled",
      body: "Rescheduled to 17 Feb 2027, 03:00 CET – 17 Feb 2027, 05:00 CET (was 10 Feb 2027, 03:00 CET – 10 Feb 2027, 05:00 CET).",
    });
    // The file kept its name: file-name-date reads first_scheduled_start.
    expect(validateRepository(dir, { now: NOW }).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const after = calendarEvent();
    expect(after).toContain("DTSTART:20270217T020000Z");
    expect(Number(/SEQUENCE:(\d+)/.exec(after)![1])).toBeGreaterThan(Number(/SEQUENCE:(\d+)/.exec(before)![1]));
  });

  test("a second move keeps the first window; the same window again is nothing to do", async () => {
    await run(reschedule, [ID], { start: "2027-02-24T02:00:00Z", end: "2027-02-24T03:00:00Z", message: "Moved again, and shorter." });
    expect(data()).toMatchObject({ scheduled_start: "2027-02-24T02:00:00Z", first_scheduled_start: "2027-02-10T02:00:00Z" });
    const again = await run(reschedule, [ID], { start: "2027-02-24T02:00:00Z", end: "2027-02-24T03:00:00Z" });
    expect(again.written).toEqual([]);
    expect(again.summary).toMatch(/^Nothing to do/);
  });

  test("refuses a window moved into the past, and an end before the start", async () => {
    await expect(run(reschedule, [ID], { start: "2026-11-20T02:00:00Z", end: "2027-02-24T03:00:00Z" })).rejects.toThrow(
      /--start \(2026-11-20T02:00:00Z\) is not after now/,
    );
    await expect(run(reschedule, [ID], { start: "2027-02-24T02:00:00Z", end: "2027-02-24T01:00:00Z" })).rejects.toThrow(
      /--end .* is not after --start/,
    );
  });
});

describe("cancel", () => {
  test("ends the record with a cancelled update: no impact, off the upcoming list and `status`, the calendar event cancelled under the same UID", async () => {
    const before = calendarEvent();
    await run(cancel, ["hsm-migration"]);
    const record = data();
    expect(record.status).toBe("cancelled");
    expect(record.updates.at(-1)).toEqual({
      at: TEST_NOW,
      status: "cancelled",
      body: "The maintenance scheduled for 24 Feb 2027, 03:00 CET – 24 Feb 2027, 04:00 CET has been cancelled.",
      components: { "card-vault": "operational" },
    });

    const repository = loadRepository(dir, { now: NOW });
    const recordOf = repository.incidents.find((i) => i.id === ID)!;
    // Even at a time inside the (last) window, nothing is under maintenance.
    const facts = incidentFacts(recordOf, repository.config, new Date("2027-02-24T02:30:00Z"));
    expect([facts.phase, facts.status, facts.windows, facts.currentImpact, facts.worstImpact]).toEqual(["over", "cancelled", [], {}, {}]);
    expect(openNow(repository, NOW).maintenance.map((m) => m.id)).not.toContain(ID);

    const api = buildStatuspageApi(repository, { audience: "public", now: NOW });
    const listed = (api["scheduled-maintenances.json"].scheduled_maintenances as Record<string, any>[]).find(
      (m) => m.name === recordOf.data.title,
    )!;
    expect([listed.status, listed.incident_updates[0].status, listed.resolved_at]).toEqual([
      "completed",
      "completed",
      "2026-11-22T12:00:00.000Z",
    ]);
    const atom = buildFeeds(repository, { audience: "public", now: NOW }).atom;
    const entry = atom.split("<entry>").find((e) => e.includes("has been cancelled"))!;
    expect(entry).toContain('term="cancelled"');
    expect(api["scheduled-maintenances/upcoming.json"].scheduled_maintenances).toEqual([]);

    const after = calendarEvent();
    expect(after).toContain("STATUS:CANCELLED");
    expect(before).toContain("STATUS:CONFIRMED");
    expect(Number(/SEQUENCE:(\d+)/.exec(after)![1])).toBeGreaterThan(Number(/SEQUENCE:(\d+)/.exec(before)![1]));
  });

  test("a cancelled window is not completed, rescheduled or cancelled again", async () => {
    const later = new Date("2027-02-24T05:00:00Z");
    await expect(run(complete, [ID], {}, later)).rejects.toThrow(/was cancelled: its work never began, so it cannot be completed/);
    await expect(run(reschedule, [ID], { start: "2027-03-01T02:00:00Z", end: "2027-03-01T03:00:00Z" })).rejects.toThrow(
      /is cancelled: there is no window left to move/,
    );
    expect((await run(cancel, [ID])).summary).toMatch(/^Nothing to do: .* is already cancelled/);
    // And `update` neither cancels nor adds to a cancelled window: the first is `cancel`'s, the second fails validation.
    await expect(run(update, [ID], { status: "cancelled", message: "x" })).rejects.toThrow(/`update` does not cancel maintenance/);
    const refused = await run(update, [ID], { message: "Back on after all." }).then(
      () => undefined,
      (error: Error & { diagnostics?: { rule: string }[] }) => error,
    );
    expect([refused?.message, refused?.diagnostics?.map((d) => d.rule)]).toEqual([
      expect.stringMatching(/^Nothing was written: .* would not validate/),
      ["maintenance-cancelled"],
    ]);
    expect(data().updates.at(-1).status).toBe("cancelled");
  });
});

describe("the publish title", () => {
  test("says rescheduled and cancelled", () => {
    const config = loadRepository(dir, { now: NOW }).config;
    const base = {
      title: "HSM migration",
      type: "maintenance",
      status: "scheduled",
      scheduled_start: "2027-02-10T02:00:00Z",
      scheduled_end: "2027-02-10T04:00:00Z",
    };
    const change = (after: Record<string, unknown>) =>
      publishTitle([{ path: FILE, id: ID, kind: "incident", before: base, after: { ...base, ...after } }], config);
    expect(change({ scheduled_start: "2027-02-17T02:00:00Z", scheduled_end: "2027-02-17T04:00:00Z" })).toBe(
      "Rescheduled maintenance: HSM migration",
    );
    expect(change({ status: "cancelled" })).toBe("Cancelled maintenance: HSM migration");
  });
});

describe("maintenance-cancelled", () => {
  test("refuses a cancellation after the work began, an update after it, and impact in it, each at its update", () => {
    const file = "incidents/2026/2026-11-21-broken-cancel.md";
    writeFileSync(
      path.join(dir, file),
      [
        "---",
        "title: Broken cancellation",
        "type: maintenance",
        "status: completed",
        "components:",
        "  card-vault: under_maintenance",
        "scheduled_start: 2026-11-21T02:00:00Z",
        "scheduled_end: 2026-11-21T03:00:00Z",
        "updates:",
        "  - at: 2026-11-20T09:00:00Z",
        "    status: scheduled",
        "    body: Planned.",
        "  - at: 2026-11-21T02:00:00Z",
        "    status: in_progress",
        "    body: Started.",
        "  - at: 2026-11-21T02:10:00Z",
        "    status: cancelled",
        "    body: Called off.",
        "    components:",
        "      card-vault: under_maintenance",
        "  - at: 2026-11-21T03:00:00Z",
        "    status: completed",
        "    body: Done after all.",
        "---",
        "",
        "Text.",
        "",
      ].join("\n"),
    );
    try {
      const found = validateRepository(dir, { now: NOW }).diagnostics.filter((d) => d.rule === "maintenance-cancelled");
      expect(found.map((d) => [d.line, d.message])).toEqual([
        [17, "updates[2] cancels the maintenance after updates[1] said `in_progress`: work that began was not cancelled."],
        [20, "The cancelling update sets `card-vault` to `under_maintenance`: a cancelled maintenance has no impact."],
        [22, "updates[3] (`completed`) comes after the maintenance was cancelled in updates[2]."],
      ]);
      expect(found.every((d) => d.file === file)).toBe(true);
    } finally {
      rmSync(path.join(dir, file));
    }
  });
});

describe("file-name-date", () => {
  test("a window moved by hand names the way to keep its id", () => {
    const file = path.join(dir, FILE);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("first_scheduled_start: 2027-02-10T02:00:00Z\n", ""));
    try {
      const found = validateRepository(dir, { now: NOW }).diagnostics.find((d) => d.rule === "file-name-date");
      expect(found?.message).toBe("File name date 2027-02-10 differs from scheduled_start (2027-02-24 in UTC).");
      expect(found?.hint).toContain("If the window moved, keep the id: add `first_scheduled_start:`");
    } finally {
      writeFileSync(file, text);
    }
  });
});

describe("the CLI", () => {
  test("reschedule and cancel print JSON and exit 0; cancel of an incident exits 2", async () => {
    const { dir: fresh, cleanup: done } = copyExampleRepo("sitrep-cancel-cli-");
    try {
      const moved = runCli(["reschedule", "hsm-migration", "--start", "2027-02-17T02:00:00Z", "--end", "2027-02-17T04:00:00Z", "--json"], {
        cwd: fresh,
      });
      expect(moved.code, moved.stderr).toBe(0);
      expect(JSON.parse(moved.stdout)).toMatchObject({
        id: ID,
        record: { scheduled_start: "2027-02-17T02:00:00Z", first_scheduled_start: "2027-02-10T02:00:00Z" },
      });
      const cancelled = await runCliInProcess(["cancel", ID, "--message", "Postponed until the new HSMs arrive.", "--json"], {
        cwd: fresh,
      });
      expect(cancelled.code, cancelled.stderr).toBe(0);
      expect(JSON.parse(cancelled.stdout).record.status).toBe("cancelled");
      const incident = runCli(["cancel", "payout-status-latency"], { cwd: fresh });
      expect(incident.code).toBe(2);
      expect(incident.stderr).toContain("is an incident, not maintenance");
    } finally {
      done();
    }
  });
});
