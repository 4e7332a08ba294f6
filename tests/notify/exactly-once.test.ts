// What is new between two public builds when records move under it: a renamed file, a time
// rewritten in another offset, an update inserted beside one of the same time, an incident older
// than the API's 50 newest, maintenance moved by the clock and by posted updates, and a previous
// site that is not what notify can read. Builds are made in-process by the project's publishers.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newEvents } from "../../scripts/notify/new-events.ts";
import type { PublishedSite } from "../../scripts/notify/published-site.ts";
import { exitCodeOf, runNotify } from "../../scripts/notify/run.ts";
import { fixtureRepo, incidentRecord, site, type FixtureRepo, type Update } from "./fixture-site.ts";

const FILE = "incidents/2026/2026-11-17-api-errors.md";
const declared: Update = { at: "2026-11-17T11:34:00Z", status: "investigating", body: "Some API requests fail." };
const identified: Update = { at: "2026-11-17T11:52:00Z", status: "identified", body: "A release caused it; we are rolling back." };
const monitoring: Update = { at: "2026-11-17T12:05:00Z", status: "monitoring", body: "Errors are back to normal." };
const record = (updates: Update[], title = "API errors") =>
  incidentRecord({
    title,
    severity: "SEV2",
    status: updates.at(-1)!.status,
    started: "2026-11-17T11:22:00Z",
    components: { api: "partial_outage" },
    updates,
  });

let repo: FixtureRepo;
afterEach(() => repo?.cleanup());

const bodies = (previous: PublishedSite, current: PublishedSite) =>
  newEvents(previous, current).map((e) => [e.kind, e.update?.body ?? e.id]);

describe("what is new, when records move under it", () => {
  it("a renamed incident file re-sends nothing; its next update is sent once", async () => {
    repo = fixtureRepo();
    repo.write(FILE, record([declared, identified]));
    const before = await site(repo.publish("2026-11-17T12:00:00Z"));
    repo.remove(FILE);
    repo.write("incidents/2026/2026-11-17-api-outage.md", record([declared, identified]));
    const renamed = await site(repo.publish("2026-11-17T12:01:00Z"));
    // The Statuspage ids changed with the file name (decision 0021) …
    expect(renamed.incidents[0].id).not.toBe(before.incidents[0].id);
    // … but it is the same incident, with the same updates.
    expect(newEvents(before, renamed)).toEqual([]);
    repo.remove("incidents/2026/2026-11-17-api-outage.md");
    repo.write("incidents/2026/2026-11-17-api-outage-2.md", record([declared, identified, monitoring], "API errors (renamed)"));
    const renamedAgain = await site(repo.publish("2026-11-17T12:10:00Z"));
    expect(bodies(renamed, renamedAgain)).toEqual([["incident_updated", monitoring.body]]);
  });

  it("an update's time rewritten in another offset (+01:00) is the same instant: nothing is sent", async () => {
    repo = fixtureRepo();
    repo.write(FILE, record([declared, identified]));
    const before = await site(repo.publish("2026-11-17T12:00:00Z"));
    repo.write(FILE, record([declared, { ...identified, at: "2026-11-17T12:52:00+01:00" }]));
    const rewritten = await site(repo.publish("2026-11-17T12:01:00Z"));
    expect(rewritten.incidents[0].incident_updates[0].id).not.toBe(before.incidents[0].incident_updates[0].id);
    expect(newEvents(before, rewritten)).toEqual([]);
  });

  it("an update inserted above one with the same time is sent, once; an edited text is not news", async () => {
    repo = fixtureRepo();
    repo.write(FILE, record([declared, identified]));
    const before = await site(repo.publish("2026-11-17T12:00:00Z"));
    const inserted: Update = { at: identified.at, status: "identified", body: "Only the EU region is affected." };
    repo.write(FILE, record([declared, inserted, identified]));
    const after = await site(repo.publish("2026-11-17T12:01:00Z"));
    expect(bodies(before, after)).toEqual([["incident_updated", inserted.body]]);
    expect(newEvents(after, after)).toEqual([]);
    repo.write(FILE, record([declared, inserted, { ...identified, body: "A release caused it; we rolled it back." }]));
    const edited = await site(repo.publish("2026-11-17T12:02:00Z"));
    expect(newEvents(after, edited)).toEqual([]);
  });

  it("sees an update of an incident older than the API's 50 newest, resolution included", async () => {
    repo = fixtureRepo();
    const old = "incidents/2026/2026-01-05-old.md";
    const oldUpdates: Update[] = [{ at: "2026-01-05T10:00:00Z", status: "investigating", body: "Old trouble." }];
    repo.write(
      old,
      incidentRecord({
        title: "Old trouble",
        severity: "SEV3",
        status: "investigating",
        started: "2026-01-05T10:00:00Z",
        updates: oldUpdates,
      }),
    );
    for (let day = 1; day <= 51; day++) {
      const at = new Date(Date.UTC(2026, 1, 1) + day * 86_400_000).toISOString().replace(".000", "");
      repo.write(
        `incidents/2026/${at.slice(0, 10)}-newer-${day}.md`,
        incidentRecord({
          title: `Newer ${day}`,
          severity: "SEV3",
          status: "resolved",
          started: at,
          resolved: at,
          updates: [{ at, status: "resolved", body: `Newer ${day}.` }],
        }),
      );
    }
    const before = await site(repo.publish("2026-11-17T00:00:00Z"));
    const resolved: Update = { at: "2026-11-17T09:00:00Z", status: "resolved", body: "The old trouble is over." };
    repo.write(
      old,
      incidentRecord({
        title: "Old trouble",
        severity: "SEV3",
        status: "resolved",
        started: "2026-01-05T10:00:00Z",
        resolved: resolved.at,
        updates: [...oldUpdates, resolved],
      }),
    );
    const after = await site(repo.publish("2026-11-17T09:05:00Z"));
    // incidents.json holds the 50 newest by start: the old one is not in it, in either build.
    expect(JSON.parse(repo.read("builds/2/api/v2/incidents.json")).incidents.map((i: { name: string }) => i.name)).not.toContain(
      "Old trouble",
    );
    expect(bodies(before, after)).toEqual([["incident_resolved", resolved.body]]);
  });
});

describe("maintenance transitions are said once, whatever moved them", () => {
  const MAINTENANCE = "incidents/2026/2026-12-01-upgrade.md";
  const scheduled: Update = { at: "2026-11-20T10:00:00Z", status: "scheduled", body: "We will upgrade the database." };
  const maintenance = (updates: Update[], end = "2026-12-01T03:00:00Z") =>
    incidentRecord({
      title: "Database upgrade",
      status: updates.at(-1)!.status,
      started: "",
      components: { api: "under_maintenance" },
      extra: `type: maintenance\nscheduled_start: 2026-12-01T01:00:00Z\nscheduled_end: ${end}`,
      updates,
    });

  it("started by the clock, then a posted in_progress update: one 'started'; completed by the clock, then a posted completion: one 'completed'", async () => {
    repo = fixtureRepo();
    repo.write(MAINTENANCE, maintenance([scheduled]));
    const planned = await site(repo.publish("2026-11-20T10:05:00Z"));
    const opened = await site(repo.publish("2026-12-01T01:05:00Z"));
    const closed = await site(repo.publish("2026-12-01T03:05:00Z"));
    const completed: Update = { at: "2026-12-01T03:10:00Z", status: "completed", body: "Done." };
    repo.write(MAINTENANCE, maintenance([scheduled, completed]));
    const done = await site(repo.publish("2026-12-01T03:15:00Z"));
    const kinds = (pairs: [PublishedSite, PublishedSite][]) => pairs.map(([a, b]) => newEvents(a, b).map((e) => e.kind));
    expect(
      kinds([
        [planned, opened],
        [opened, closed],
        [closed, done],
      ]),
    ).toEqual([["maintenance_started"], ["maintenance_completed"], ["maintenance_updated"]]);

    const started: Update = { at: "2026-12-01T01:10:00Z", status: "in_progress", body: "The upgrade is under way." };
    repo.write(MAINTENANCE, maintenance([scheduled, started]));
    const posted = await site(repo.publish("2026-12-01T01:15:00Z"));
    expect(kinds([[opened, posted]])).toEqual([["maintenance_updated"]]);
    // Posted and opened in one deploy: one message, the posted one.
    expect(kinds([[planned, posted]])).toEqual([["maintenance_started"]]);
  });

  it("a posted 'started' then the clock: one 'started'; a closed window extended sends no second 'started'", async () => {
    repo = fixtureRepo();
    const started: Update = { at: "2026-12-01T00:55:00Z", status: "in_progress", body: "Starting early." };
    repo.write(MAINTENANCE, maintenance([scheduled, started]));
    const early = await site(repo.publish("2026-12-01T00:58:00Z"));
    const byClock = await site(repo.publish("2026-12-01T01:05:00Z"));
    expect(newEvents(byClock, byClock)).toEqual([]);
    repo.write(MAINTENANCE, maintenance([scheduled]));
    const closed = await site(repo.publish("2026-12-01T03:05:00Z"));
    repo.write(MAINTENANCE, maintenance([scheduled], "2026-12-01T05:00:00Z"));
    const extended = await site(repo.publish("2026-12-01T03:10:00Z"));
    expect(newEvents(early, byClock)).toEqual([]);
    expect(newEvents(closed, extended)).toEqual([]);
  });
});

describe("a previous site notify cannot read", () => {
  it("is reported with the file and field, nothing is sent (exit 1), and nothing throws", async () => {
    repo = fixtureRepo();
    repo.write(FILE, record([declared, identified]));
    const current = repo.publish("2026-11-17T12:00:00Z");
    const broken = path.join(repo.dir, "broken");
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(broken, file)), { recursive: true });
      writeFileSync(path.join(broken, file), text);
    };
    const page = { id: "p", name: "Test", url: "https://status.test.example", updated_at: "2026-11-17T00:00:00Z" };
    write("api/v2/incidents.json", JSON.stringify({ page, incidents: [null] }));
    write("api/v2/scheduled-maintenances.json", JSON.stringify({ page, scheduled_maintenances: [] }));
    write("api/v2/status.json", JSON.stringify({ page, status: { indicator: "none", description: "ok" } }));
    const options = {
      root: repo.dir,
      cwd: repo.dir,
      env: {},
      site: current,
      previous: broken,
      all: false,
      dryRun: false,
      skipLiveCheck: true,
    };
    const report = await runNotify(options);
    expect([report.previous.problem, report.previous.reason, report.sending, exitCodeOf(report)]).toEqual([
      "invalid",
      `${broken}: api/v2/incidents.json: incidents[0] is not an object`,
      false,
      1,
    ]);
    write(
      "api/v2/incidents.json",
      JSON.stringify({
        page,
        incidents: [
          {
            id: "x",
            name: "X",
            status: "resolved",
            impact: "minor",
            shortlink: "s",
            created_at: "2026-11-17T00:00:00Z",
            components: [],
            incident_updates: [{ id: "u", status: "resolved", body: "b", created_at: "yesterday" }],
          },
        ],
      }),
    );
    const second = await runNotify(options);
    expect(second.previous.reason).toBe(`${broken}: api/v2/incidents.json: incidents[0].incident_updates[0].created_at is not a time`);
    write("api/v2/incidents.json", "<html>Bad gateway</html>");
    expect((await runNotify(options)).previous.reason).toMatch(/api\/v2\/incidents\.json is not JSON/);
  });
});
