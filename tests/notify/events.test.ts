// What is new between two public builds: one event per new update, nothing on a rerun, nothing
// from records the public build leaves out, and maintenance windows that open by the clock.
import { afterEach, describe, expect, it } from "vitest";
import { newEvents } from "../../scripts/notify/new-events.ts";
import { fixtureRepo, incidentRecord, postmortemAtomEntry, site, type FixtureRepo, type Update } from "./fixture-site.ts";

const INCIDENT = "incidents/2026/2026-11-17-api-errors.md";
const declared: Update = { at: "2026-11-17T11:34:00Z", status: "investigating", body: "Some API requests fail. We are investigating." };
const identified: Update = {
  at: "2026-11-17T11:52:00Z",
  status: "identified",
  body: "A release caused it; we are rolling back.",
  components: { api: "partial_outage", dashboard: "degraded_performance" },
};
const resolved: Update = {
  at: "2026-11-17T12:40:00Z",
  status: "resolved",
  body: "Resolved.",
  components: { api: "operational", dashboard: "operational" },
};

const apiIncident = (updates: Update[]) =>
  incidentRecord({
    title: "API errors",
    severity: "SEV2",
    status: updates.at(-1)!.status,
    started: "2026-11-17T11:22:00Z",
    resolved: updates.at(-1)!.status === "resolved" ? "2026-11-17T12:40:00Z" : undefined,
    components: { api: "major_outage" },
    updates,
  });

let repo: FixtureRepo;
afterEach(() => repo?.cleanup());

describe("newEvents", () => {
  it("gives exactly the updates the previous build did not have, oldest first, and nothing on a rerun", async () => {
    repo = fixtureRepo();
    repo.write(INCIDENT, apiIncident([declared]));
    const before = await site(repo.publish("2026-11-17T11:40:00Z"));
    repo.write(INCIDENT, apiIncident([declared, identified, resolved]));
    const after = await site(repo.publish("2026-11-17T12:45:00Z"));

    const events = newEvents(before, after);
    expect(events.map((e) => [e.kind, e.update?.body])).toEqual([
      ["incident_updated", identified.body],
      ["incident_resolved", resolved.body],
    ]);
    expect(newEvents(after, after)).toEqual([]);
    // The first build against nothing: the declaration.
    expect(newEvents(undefined, before).map((e) => e.kind)).toEqual(["incident_declared"]);
  });

  it("never sees internal incidents, drills or near misses: the public build does not contain them", async () => {
    repo = fixtureRepo();
    const before = await site(repo.publish("2026-11-17T11:00:00Z"));
    repo.write(
      "incidents/2026/2026-11-17-internal.md",
      incidentRecord({
        title: "Internal only",
        severity: "SEV3",
        status: "investigating",
        started: "2026-11-17T11:00:00Z",
        updates: [declared],
        extra: "visibility: internal",
      }),
    );
    repo.write(
      "incidents/2026/2026-11-17-drill.md",
      incidentRecord({
        title: "Game day",
        severity: "SEV1",
        status: "investigating",
        started: "2026-11-17T11:00:00Z",
        updates: [declared],
        extra: "drill: true",
      }),
    );
    repo.write(
      "incidents/2026/2026-11-17-near-miss.md",
      incidentRecord({
        title: "Near miss",
        severity: "SEV3",
        status: "investigating",
        started: "2026-11-17T11:00:00Z",
        updates: [declared],
        extra: "type: near_miss",
      }),
    );
    repo.write(INCIDENT, apiIncident([declared]));
    const after = await site(repo.publish("2026-11-17T11:40:00Z"));
    expect(newEvents(before, after).map((e) => e.incident?.name)).toEqual(["API errors"]);
  });

  it("announces a maintenance when it is scheduled and when its window opens by the clock", async () => {
    repo = fixtureRepo();
    repo.write(
      "incidents/2026/2026-12-01-upgrade.md",
      incidentRecord({
        title: "Database upgrade",
        status: "scheduled",
        started: "",
        components: { api: "under_maintenance" },
        extra: "type: maintenance\nscheduled_start: 2026-12-01T01:00:00Z\nscheduled_end: 2026-12-01T03:00:00Z",
        updates: [{ at: "2026-11-20T10:00:00Z", status: "scheduled", body: "We will upgrade the database." }],
      }),
    );
    const emptyRepo = fixtureRepo();
    const empty = await site(emptyRepo.publish("2026-11-19T00:00:00Z")).finally(() => emptyRepo.cleanup());
    const scheduled = await site(repo.publish("2026-11-20T10:05:00Z"));
    const open = await site(repo.publish("2026-12-01T01:05:00Z"));
    const closed = await site(repo.publish("2026-12-01T03:05:00Z"));
    expect(newEvents(empty, scheduled).map((e) => e.kind)).toEqual(["maintenance_scheduled"]);
    expect(newEvents(scheduled, open).map((e) => [e.kind, e.id.endsWith(":window-opened")])).toEqual([["maintenance_started", true]]);
    expect(newEvents(open, open)).toEqual([]);
    expect(newEvents(open, closed).map((e) => e.kind)).toEqual(["maintenance_completed"]);
  });

  it("announces a postmortem once, from the site's own feed announcement, tied to its incident; never a draft or internal one", async () => {
    repo = fixtureRepo();
    repo.write(INCIDENT, apiIncident([declared, identified, resolved]));
    const postmortem = (status: string, visibility: string) =>
      `---\nincident: 2026-11-17-api-errors\nstatus: ${status}\nvisibility: ${visibility}\nauthors: [someone]\n${status === "published" ? "published_at: 2026-11-20T09:00:00Z\n" : ""}---\n\n## Summary\n\nWhat happened.\n`;
    repo.write("postmortems/2026-11-17-api-errors.md", postmortem("draft", "public"));
    const draft = await site(repo.publish("2026-11-20T09:05:00Z"));
    repo.write("postmortems/2026-11-17-api-errors.md", postmortem("published", "internal"));
    const internal = await site(repo.publish("2026-11-20T09:05:00Z"));
    repo.write("postmortems/2026-11-17-api-errors.md", postmortem("published", "public"));
    const published = await site(repo.publish("2026-11-20T09:05:00Z"));
    expect(newEvents(draft, internal)).toEqual([]);
    expect(newEvents(internal, published).map((e) => [e.kind, e.incident?.name, e.postmortem?.link])).toEqual([
      ["postmortem_published", "API errors", "https://status.test.example/postmortems/2026-11-17-api-errors/"],
    ]);
    expect(newEvents(published, published)).toEqual([]);
  });

  it("reads a postmortem announcement of the feed's shape even without a matching incident", async () => {
    repo = fixtureRepo();
    const before = await site(repo.publish("2026-11-18T00:00:00Z"));
    const after = await site(
      repo.publish("2026-11-20T09:05:00Z", {
        extraAtom: postmortemAtomEntry("old-incident", "Postmortem published: Old incident", "2026-11-20T09:00:00Z"),
      }),
    );
    expect(newEvents(before, after).map((e) => [e.kind, e.incident, e.postmortem?.title])).toEqual([
      ["postmortem_published", undefined, "Postmortem published: Old incident"],
    ]);
  });
});
