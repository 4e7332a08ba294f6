// One build, every output, the same story. A scenario with an open SEV1 (and an update written
// ahead of time), a recovering incident, maintenance in progress and maintenance planned for
// next year: the status page's rows and cards, the component pages, the badges, the Statuspage
// API and the feeds must all state the same current status per component, and nothing dated
// after the build time may show anywhere.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SiteBuild } from "../helpers/site-build.ts";

const NOW = "2026-11-22T12:00:00Z";
const FUTURE_MARKER = "Written ahead of time";

const CONFIG = `site:
  title: Consistency Status
  url: https://status.consistency.example
components:
  - { id: api, name: API, group: Platform }
  - { id: web, name: Web app, group: Platform }
  - { id: payouts, name: Payouts }
  - { id: vault, name: Card vault }
  - { id: search, name: Search }
severities:
  - { id: SEV1, name: Critical, impact: critical, update_every_minutes: 15, postmortem_required: true }
  - { id: SEV3, name: Minor, impact: minor, update_every_minutes: 60 }
policies:
  postmortem_due_days: 5
  runbook_review_days: 180
`;

const RECORDS: Record<string, string> = {
  "2026-11-22-api-down": `title: API down
severity: SEV1
status: monitoring
components:
  api: major_outage
started_at: 2026-11-22T11:30:00Z
updates:
  - at: 2026-11-22T11:35:00Z
    status: investigating
    body: The API is failing.
  - at: 2026-11-22T11:50:00Z
    status: identified
    body: A bad deploy; the web app is slow too.
    components:
      api: major_outage
      web: degraded_performance
  # Minutes after the build: within the clock skew validate allows (not-in-future, ADR 0111), and still not published yet.
  - at: 2026-11-22T12:04:00Z
    status: monitoring
    body: ${FUTURE_MARKER}; everything is back.
    components:
      api: operational
      web: operational`,
  "2026-11-22-payouts-slow": `title: Payouts delayed
severity: SEV3
status: monitoring
components:
  payouts: partial_outage
started_at: 2026-11-22T08:00:00Z
mitigated_at: 2026-11-22T09:00:00Z
updates:
  - at: 2026-11-22T08:05:00Z
    status: investigating
    body: Payouts are delayed.
  - at: 2026-11-22T09:00:00Z
    status: monitoring
    body: Payouts flow again; we are watching.
    components:
      payouts: operational
  - at: 2026-11-22T11:45:00Z
    status: monitoring
    body: Still watching.`,
  // Under way by the clock: nobody posted "in progress" (the record still says scheduled).
  "2026-11-22-vault-upgrade": `title: Card vault upgrade
type: maintenance
status: scheduled
components:
  vault: under_maintenance
scheduled_start: 2026-11-22T11:00:00Z
scheduled_end: 2026-11-22T13:00:00Z
updates:
  - at: 2026-11-21T09:00:00Z
    status: scheduled
    body: The card vault will be upgraded.`,
  "2027-02-10-search-reindex": `title: Search reindex
type: maintenance
status: scheduled
components:
  search: under_maintenance
scheduled_start: 2027-02-10T02:00:00Z
scheduled_end: 2027-02-10T04:00:00Z
updates:
  - at: 2026-11-20T09:00:00Z
    status: scheduled
    body: Search will be read-only while we reindex.`,
};

/** What every output must say at NOW. */
const EXPECTED: Record<string, { name: string; status: string; label: string }> = {
  api: { name: "API", status: "major_outage", label: "Major Outage" },
  web: { name: "Web app", status: "degraded_performance", label: "Degraded Performance" },
  payouts: { name: "Payouts", status: "operational", label: "Operational" },
  vault: { name: "Card vault", status: "under_maintenance", label: "Under Maintenance" },
  search: { name: "Search", status: "operational", label: "Operational" },
};
const BY_NAME = Object.fromEntries(Object.values(EXPECTED).map((e) => [e.name, e]));
const RANK = ["operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage"];

let root: string;
let site: SiteBuild;
const read = (file: string) => readFileSync(path.join(site.outDir, file), "utf8");
const html = (file: string) => parseHTML(read(file)).document;
const json = (file: string) => JSON.parse(read(`api/v2/${file}`));
const labelToStatus = (label: string) =>
  Object.values(EXPECTED).find((e) => e.label === label)?.status ??
  {
    Operational: "operational",
    "Under Maintenance": "under_maintenance",
    "Degraded Performance": "degraded_performance",
    "Partial Outage": "partial_outage",
    "Major Outage": "major_outage",
  }[label];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "sitrep-consistency-"));
  writeFileSync(path.join(root, "sitrep.config.yaml"), CONFIG);
  for (const folder of ["incidents/2026", "incidents/2027", "postmortems", "runbooks"])
    mkdirSync(path.join(root, folder), { recursive: true });
  for (const [id, front] of Object.entries(RECORDS))
    writeFileSync(path.join(root, "incidents", id.slice(0, 4), `${id}.md`), `---\n${front}\n---\n`);
  site = await buildSite({ recordsRoot: root, now: NOW });
  expect(site.code, site.stderr).toBe(0);
}, 240_000);
afterAll(() => {
  site?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe("one build, one status per component", () => {
  it("status page rows", () => {
    const rows = [...html("index.html").querySelectorAll(".component")].map((row) => [
      row.querySelector("h4")!.textContent!.trim(),
      row.querySelector(".status")!.className.replace(/^status status-/, ""),
    ]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(Object.values(EXPECTED).map((e) => [e.name, e.status])));
  });

  it("group rows state the worst status of their components", () => {
    const groups = [...html("index.html").querySelectorAll(".group-head")].map((g) => [
      g.querySelector("h3")!.textContent,
      g.querySelector(".status")!.textContent,
    ]);
    expect(groups).toEqual([
      ["Platform", "Major Outage"],
      ["Components", "Under Maintenance"],
    ]);
  });

  it("active incident and maintenance cards give the current impact, and the worst card impact per component is its row status", () => {
    const doc = html("index.html");
    const cards = ["active-incidents", "active-maintenance"].flatMap((id) => [
      ...doc.getElementById(id)!.parentElement!.querySelectorAll(".card"),
    ]);
    expect(cards).toHaveLength(3);
    const worst = new Map<string, string>();
    for (const card of cards) {
      const affected = [...card.querySelectorAll("p")].map((p) => p.textContent!.trim()).find((t) => t.startsWith("Affected:"))!;
      for (const [, name, label] of affected.matchAll(/([^,:]+?) \(([^)]+)\)/g)) {
        const status = labelToStatus(label)!;
        const seen = worst.get(name.trim());
        if (seen === undefined || RANK.indexOf(status) > RANK.indexOf(seen)) worst.set(name.trim(), status);
      }
    }
    expect(Object.fromEntries(worst)).toEqual({
      API: "major_outage",
      "Web app": "degraded_performance",
      Payouts: "operational",
      "Card vault": "under_maintenance",
    });
  });

  it("the planned maintenance is planned, not under maintenance and not ongoing", () => {
    const upcoming = html("index.html").getElementById("upcoming")!.parentElement!.textContent!;
    expect(upcoming).toContain("Search (planned: under maintenance)");
    expect(upcoming).not.toContain("(Under Maintenance)");
    const page = html("incidents/2027-02-10-search-reindex/index.html").querySelector(".facts")!.textContent!;
    expect(page).toContain("Planned for 2 h");
    expect(page).not.toContain("Ongoing");
  });

  it("maintenance under way is in progress on its card, its page, the history, active.json and the calendar", () => {
    const card = [...html("index.html").querySelectorAll(".card")].find((c) => c.textContent!.includes("Card vault upgrade"))!;
    expect(card.querySelector(".pill")!.textContent).toBe("In progress");
    expect(html("incidents/2026-11-22-vault-upgrade/index.html").querySelector(".pill")!.textContent).toBe("In progress");
    const history = [...html("history/index.html").querySelectorAll(".history-list li")].find((li) =>
      li.textContent!.includes("Card vault upgrade"),
    )!;
    expect(history.textContent).toContain("In progress");
    expect(history.textContent).not.toContain("Scheduled");
    expect(json("scheduled-maintenances/active.json").scheduled_maintenances.map((m: { status: string }) => m.status)).toEqual([
      "in_progress",
    ]);
    expect(json("scheduled-maintenances/upcoming.json").scheduled_maintenances.map((m: { name: string }) => m.name)).toEqual([
      "Search reindex",
    ]);
    expect(read("maintenance.ics").replace(/\r?\n[ \t]/g, "")).toContain("Status: In progress");
  });

  it("lists each open incident once: under active incidents, not again in the past 7 days", () => {
    const doc = html("index.html");
    const titles = [...doc.querySelectorAll(".card-title")].map((t) => t.textContent!.trim());
    expect(titles.filter((t) => t === "API down")).toHaveLength(1);
    const recent = doc.getElementById("recent")!.parentElement!.textContent!;
    expect(recent).not.toContain("API down");
  });

  it("component pages", () => {
    for (const [id, expected] of Object.entries(EXPECTED)) {
      const status = html(`components/${id}/index.html`).querySelector(".facts .status")!;
      expect([id, status.className.replace(/^status status-/, "")]).toEqual([id, expected.status]);
    }
  });

  it("badges", () => {
    for (const [id, expected] of Object.entries(EXPECTED)) {
      expect(read(`badges/components/${id}.svg`)).toContain(`aria-label="${expected.name}: ${expected.label}"`);
    }
    expect(read("badges/overall.svg")).toContain("Major Service Outage");
  });

  it("summary, components and incidents JSON", () => {
    const statuses = (components: { name: string; status: string; group: boolean }[]) =>
      Object.fromEntries(components.filter((c) => !c.group).map((c) => [c.name, c.status]));
    const want = Object.fromEntries(Object.values(EXPECTED).map((e) => [e.name, e.status]));
    expect(statuses(json("summary.json").components)).toEqual(want);
    expect(statuses(json("components.json").components)).toEqual(want);
    expect(json("summary.json").status.indicator).toBe("critical");
    for (const file of ["incidents.json", "incidents/unresolved.json", "summary.json"]) {
      for (const incident of json(file).incidents) {
        for (const component of incident.components)
          expect([file, component.name, component.status]).toEqual([file, component.name, BY_NAME[component.name].status]);
      }
    }
    const [down] = json("incidents/unresolved.json").incidents.filter((i: { name: string }) => i.name === "API down");
    expect(down.status).toBe("identified");
    expect(
      down.incident_updates.at(-1).affected_components.map((c: { name: string; new_status: string }) => [c.name, c.new_status]),
    ).toEqual([["API", "major_outage"]]);
  });

  it("feeds carry every update up to now and nothing after it, like the pages", () => {
    for (const feed of ["history.rss", "history.atom"]) {
      const text = read(feed);
      expect(text).toContain("A bad deploy; the web app is slow too.");
      expect(text).toContain("Still watching.");
      expect(text).not.toContain(FUTURE_MARKER);
    }
  });

  it("nothing dated after now shows on any page or in the API", () => {
    const files = [
      "index.html",
      "incidents/2026-11-22-api-down/index.html",
      "components/api/index.html",
      "history/index.html",
      "api/v2/summary.json",
      "api/v2/incidents.json",
      "maintenance.ics",
    ];
    for (const file of files) expect([file, read(file).includes(FUTURE_MARKER)]).toEqual([file, false]);
    expect(html("incidents/2026-11-22-api-down/index.html").querySelector(".pill")!.textContent).toBe("Identified");
  });
});
