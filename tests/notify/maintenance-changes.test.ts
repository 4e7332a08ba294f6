// A maintenance cancelled or moved is told as such, once (decision 0115): the cancelling update is
// `maintenance_cancelled` (the API says `completed`; the feed marks it `cancelled`), a moved window is
// `maintenance_rescheduled` — by its update, or by the new window when it was moved by hand — and
// a window moved away after it opened by the clock is not announced as completed.
import { afterEach, describe, expect, it } from "vitest";
import { readSite } from "../../scripts/notify/read-site.ts";
import { newEvents } from "../../scripts/notify/new-events.ts";
import type { PublishedSite } from "../../scripts/notify/published-site.ts";
import { fixtureRepo, incidentRecord, type FixtureRepo, type Update } from "./fixture-site.ts";

const FILE = "incidents/2026/2026-12-01-upgrade.md";
const planned: Update = { at: "2026-11-20T10:00:00Z", status: "scheduled", body: "We will upgrade the database." };
const maintenance = (updates: Update[], window = ["2026-12-01T01:00:00Z", "2026-12-01T03:00:00Z"], extra = "") =>
  incidentRecord({
    title: "Database upgrade",
    status: updates.at(-1)!.status,
    started: "",
    components: { api: "under_maintenance" },
    extra: `type: maintenance\nscheduled_start: ${window[0]}\nscheduled_end: ${window[1]}${extra}`,
    updates,
  });

let repo: FixtureRepo;
afterEach(() => repo?.cleanup());

async function site(folder: string): Promise<PublishedSite> {
  const read = await readSite(folder, { cwd: "/" });
  if (!read.ok) throw new Error(read.reason);
  return read.site;
}

describe("maintenance cancelled or rescheduled", () => {
  it("a cancelling update is maintenance_cancelled, sent once", async () => {
    repo = fixtureRepo();
    repo.write(FILE, maintenance([planned]));
    const before = await site(repo.publish("2026-11-20T10:05:00Z"));
    repo.write(
      FILE,
      maintenance([planned, { at: "2026-11-25T09:00:00Z", status: "cancelled", body: "Called off.", components: { api: "operational" } }]),
    );
    const after = await site(repo.publish("2026-11-25T09:05:00Z"));
    expect(newEvents(before, after).map((e) => [e.kind, e.update?.body])).toEqual([["maintenance_cancelled", "Called off."]]);
    expect(newEvents(after, after)).toEqual([]);
    // Still cancelled on a later build, past the window: no clock event either.
    expect(newEvents(after, await site(repo.publish("2026-12-01T03:05:00Z")))).toEqual([]);
  });

  it("a move with an update is maintenance_rescheduled by that update; a move by hand by the new window; each once", async () => {
    repo = fixtureRepo();
    repo.write(FILE, maintenance([planned]));
    const before = await site(repo.publish("2026-11-20T10:05:00Z"));
    const told: Update = { at: "2026-11-25T09:00:00Z", status: "scheduled", body: "Rescheduled to 8 Dec." };
    repo.write(
      FILE,
      maintenance([planned, told], ["2026-12-08T01:00:00Z", "2026-12-08T03:00:00Z"], "\nfirst_scheduled_start: 2026-12-01T01:00:00Z"),
    );
    const moved = await site(repo.publish("2026-11-25T09:05:00Z"));
    expect(newEvents(before, moved).map((e) => [e.kind, e.update?.body])).toEqual([["maintenance_rescheduled", told.body]]);
    expect(newEvents(moved, moved)).toEqual([]);

    repo.write(
      FILE,
      maintenance([planned, told], ["2026-12-09T01:00:00Z", "2026-12-09T03:00:00Z"], "\nfirst_scheduled_start: 2026-12-01T01:00:00Z"),
    );
    const byHand = await site(repo.publish("2026-11-26T09:05:00Z"));
    const events = newEvents(moved, byHand);
    expect(events.map((e) => [e.kind, e.update, e.incident?.scheduled_for])).toEqual([
      ["maintenance_rescheduled", undefined, "2026-12-09T01:00:00.000Z"],
    ]);
    expect(newEvents(byHand, byHand)).toEqual([]);
  });

  it("a window moved away after it opened by the clock is rescheduled, not completed", async () => {
    repo = fixtureRepo();
    repo.write(FILE, maintenance([planned]));
    const open = await site(repo.publish("2026-12-01T01:05:00Z"));
    repo.write(
      FILE,
      maintenance(
        [planned, { at: "2026-12-01T01:10:00Z", status: "scheduled", body: "Not tonight: moved to 8 Dec." }],
        ["2026-12-08T01:00:00Z", "2026-12-08T03:00:00Z"],
        "\nfirst_scheduled_start: 2026-12-01T01:00:00Z",
      ),
    );
    const moved = await site(repo.publish("2026-12-01T01:15:00Z"));
    expect(newEvents(open, moved).map((e) => e.kind)).toEqual(["maintenance_rescheduled"]);
  });
});
