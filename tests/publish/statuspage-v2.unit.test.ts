import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { API_PATHS, buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { repoRoot } from "../helpers/run-cli.ts";
import { buildConfig, buildRepository, incident } from "../status/build-records.ts";
import { EXAMPLE_NOW, INTERNAL_TEXTS, loadExamples } from "./examples.ts";

const schema = JSON.parse(readFileSync(path.join(repoRoot, "tests/fixtures/statuspage-v2/statuspage-v2.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false }); // composition (allOf + if/then) trips the type/required heuristics;
addFormats.default(ajv);
ajv.addSchema(schema);

function expectValid(file: string, body: unknown) {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${file.replace(/\//g, "~1")}`);
  if (validate === undefined) throw new Error(`no schema for ${file}`);
  const ok = validate(JSON.parse(JSON.stringify(body)));
  expect(ok ? [] : validate.errors?.map((e) => `${file}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

type Json = Record<string, any>;

describe("Statuspage v2 API from the example records", () => {
  let repository: Repository;
  let publicApi: Record<string, Json>;
  let internalApi: Record<string, Json>;
  beforeAll(() => {
    repository = loadExamples();
    publicApi = buildStatuspageApi(repository, { audience: "public", now: EXAMPLE_NOW });
    internalApi = buildStatuspageApi(repository, { audience: "internal", now: EXAMPLE_NOW });
  });

  it("produces every endpoint, each valid against the Statuspage schema, for both audiences", () => {
    expect(Object.keys(publicApi).sort()).toEqual([...API_PATHS].sort());
    for (const file of API_PATHS) {
      expectValid(file, publicApi[file]);
      expectValid(file, internalApi[file]);
    }
  });

  it("the schema has teeth: an unknown field, a wrong enum or a missing field fails", () => {
    const validate = ajv.getSchema(`${schema.$id}#/$defs/summary.json`)!;
    const mutate = (change: (copy: Json) => void) => {
      const copy = JSON.parse(JSON.stringify(publicApi["summary.json"]));
      change(copy);
      return validate(copy);
    };
    expect(mutate(() => {})).toBe(true);
    expect(
      mutate((c) => {
        c.components[1].state = "operational";
      }),
    ).toBe(false);
    expect(
      mutate((c) => {
        c.components[1].status = "down";
      }),
    ).toBe(false);
    expect(
      mutate((c) => {
        delete c.incidents[0].shortlink;
      }),
    ).toBe(false);
    expect(
      mutate((c) => {
        c.incidents[0].incident_updates[0].status = "scheduled";
      }),
    ).toBe(false);
    expect(
      mutate((c) => {
        c.status.indicator = "ok";
      }),
    ).toBe(false);
  });

  it("reports the one unresolved incident and the page indicator it causes", () => {
    const summary = publicApi["summary.json"];
    expect(summary.status).toEqual({ indicator: "minor", description: "Minor Service Outage" });
    expect(summary.incidents.map((i: Json) => i.name)).toEqual(["Slow payout status in the API and dashboard"]);
    const [unresolved] = summary.incidents;
    expect(unresolved).toMatchObject({
      status: "monitoring",
      impact: "minor",
      resolved_at: null,
      monitoring_at: "2026-11-22T00:30:00.000Z",
      started_at: "2026-11-21T21:40:00.000Z",
    });
    expect(unresolved.shortlink).toBe("https://status.lumen.example/incidents/2026-11-21-payout-status-latency/");
    expect(unresolved.incident_updates).toHaveLength(9);
    expect(unresolved.incident_updates[0].created_at).toBe("2026-11-22T04:55:00.000Z"); // newest first
    const change = unresolved.incident_updates.find((u: Json) => u.affected_components !== null);
    expect(change.affected_components.map((c: Json) => [c.name, c.old_status, c.new_status])).toEqual([
      ["Payouts", "degraded_performance", "degraded_performance"],
      ["Public REST API", "degraded_performance", "operational"],
    ]);
    const payouts = summary.components.find((c: Json) => c.name === "Payouts");
    expect(payouts.status).toBe("degraded_performance");
    const payments = summary.components.find((c: Json) => c.name === "Payments");
    expect(payments).toMatchObject({ group: true, status: "degraded_performance", group_id: null });
    expect(payouts.group_id).toBe(payments.id);
    expect(payments.components).toContain(payouts.id);
  });

  it("lists maintenance with scheduled_for / scheduled_until and impact maintenance", () => {
    const upcoming = publicApi["scheduled-maintenances/upcoming.json"].scheduled_maintenances;
    expect(upcoming.map((m: Json) => [m.name, m.status, m.impact, m.scheduled_for, m.scheduled_until])).toEqual([
      ["Card vault hardware security module migration", "scheduled", "maintenance", "2027-02-10T02:00:00.000Z", "2027-02-10T04:00:00.000Z"],
    ]);
    expect(publicApi["scheduled-maintenances/active.json"].scheduled_maintenances).toEqual([]);
    expect(publicApi["scheduled-maintenances.json"].scheduled_maintenances).toHaveLength(2);
    expect(publicApi["summary.json"].scheduled_maintenances).toHaveLength(1);
    expect(publicApi["incidents.json"].incidents.every((i: Json) => i.impact !== "maintenance")).toBe(true);
  });

  it("lists incidents newest first", () => {
    const starts = publicApi["incidents.json"].incidents.map((i: Json) => i.started_at);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(starts).toHaveLength(15);
    expect(internalApi["incidents.json"].incidents).toHaveLength(18);
  });

  it("never puts internal records, drills or timelines in the public API", () => {
    const text = JSON.stringify(publicApi);
    for (const internal of INTERNAL_TEXTS) expect(text, internal).not.toContain(internal);
    // …while the internal build does have the internal incidents (the test would be empty otherwise).
    expect(JSON.stringify(internalApi)).toContain("API certificate nearly expired");
  });

  it("is deterministic: the same records and now give byte-identical JSON and stable ids", () => {
    const again = buildStatuspageApi(loadExamples(), { audience: "public", now: EXAMPLE_NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(publicApi));
  });
});

describe("Statuspage v2 API from hand-built records", () => {
  const config = buildConfig();
  const window = incident("2026-11-22-db-upgrade", {
    type: "maintenance",
    status: "scheduled",
    components: { db: "under_maintenance" },
    scheduled_start: "2026-11-22T02:00:00Z",
    scheduled_end: "2026-11-22T04:00:00Z",
    updates: [{ at: "2026-11-15T10:00:00Z", status: "scheduled", body: 'We will upgrade the "db" <b>tonight</b>.' }],
  });
  const outage = incident("2026-11-22-api-down", {
    status: "identified",
    severity: "SEV1",
    components: { api: "major_outage" },
    started_at: "2026-11-22T02:30:00Z",
    updates: [
      { at: "2026-11-22T02:35:00Z", status: "investigating", body: "Looking." },
      {
        at: "2026-11-22T02:50:00Z",
        status: "identified",
        body: "Found it.",
        components: { api: "partial_outage", web: "degraded_performance" },
      },
    ],
  });
  const repository = buildRepository([window, outage], { config });

  it("moves maintenance from upcoming to active when the build runs inside its window", () => {
    const before = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T01:00:00Z") });
    expect((before["scheduled-maintenances/upcoming.json"] as Json).scheduled_maintenances).toHaveLength(1);
    expect((before["scheduled-maintenances/active.json"] as Json).scheduled_maintenances).toHaveLength(0);
    expect((before["status.json"] as Json).status.indicator).toBe("none");

    const during = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T02:10:00Z") });
    expect((during["scheduled-maintenances/upcoming.json"] as Json).scheduled_maintenances).toHaveLength(0);
    expect((during["scheduled-maintenances/active.json"] as Json).scheduled_maintenances).toHaveLength(1);
    expect((during["status.json"] as Json).status).toEqual({ indicator: "maintenance", description: "Service Under Maintenance" });
    const db = (during["components.json"] as Json).components.find((c: Json) => c.name === "Database");
    expect(db).toMatchObject({ status: "under_maintenance", group_id: null, group: false, position: 2 });
    for (const file of API_PATHS) expectValid(file, during[file]);
  });

  it("reports per-update component changes as affected_components, including components dropped back to operational", () => {
    const api = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T03:00:00Z") });
    const [current] = (api["incidents/unresolved.json"] as Json).incidents;
    expect(current.impact).toBe("critical");
    // The first update announces the record's own map, so a bot reading only updates sees the start.
    expect(current.incident_updates[1].affected_components.map((c: Json) => [c.name, c.old_status, c.new_status])).toEqual([
      ["API", "operational", "major_outage"],
    ]);
    expect(current.reminder_intervals).toBeNull();
    expect(current.incident_updates[0].affected_components.map((c: Json) => [c.name, c.old_status, c.new_status])).toEqual([
      ["API", "major_outage", "partial_outage"],
      ["Web <App>", "operational", "degraded_performance"],
    ]);
    expect(current.components.map((c: Json) => [c.name, c.status])).toEqual([
      ["API", "partial_outage"],
      ["Web <App>", "degraded_performance"],
    ]);
    expect((api["status.json"] as Json).status.indicator).toBe("critical");
    for (const file of API_PATHS) expectValid(file, api[file]);
  });

  it("dates page and components by their last change, not the build time, so a rebuild with nothing new changes nothing", () => {
    const at3 = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T03:00:00Z") });
    const at330 = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T03:30:00Z") });
    expect(JSON.stringify(at330)).toBe(JSON.stringify(at3));
    expect((at3["status.json"] as Json).page.updated_at).toBe("2026-11-22T02:50:00.000Z");
    const byName = Object.fromEntries((at3["components.json"] as Json).components.map((c: Json) => [c.name, c.updated_at]));
    expect(byName).toMatchObject({ API: "2026-11-22T02:50:00.000Z", Database: "2026-11-22T02:00:00.000Z" });
    // When the maintenance window closes, that is a change of its own.
    const after = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T04:30:00Z") });
    expect((after["status.json"] as Json).page.updated_at).toBe("2026-11-22T04:00:00.000Z");
  });

  it("joins links under a site path and keeps record text intact through JSON", () => {
    const api = buildStatuspageApi(repository, { audience: "public", now: new Date("2026-11-22T03:00:00Z") });
    const [current] = (api["incidents/unresolved.json"] as Json).incidents;
    expect(current.shortlink).toBe("https://example.github.io/status/incidents/2026-11-22-api-down/");
    expect((api["status.json"] as Json).page.url).toBe("https://example.github.io/status");
    const [maintenance] = (api["scheduled-maintenances.json"] as Json).scheduled_maintenances;
    expect(JSON.parse(JSON.stringify(maintenance)).incident_updates[0].body).toBe('We will upgrade the "db" <b>tonight</b>.');
  });

  it("caps the list endpoints at Statuspage's 50 most recent", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      incident(`2026-10-${String((i % 28) + 1).padStart(2, "0")}-n${i}`, {
        status: "resolved",
        severity: "SEV4",
        started_at: `2026-10-${String((i % 28) + 1).padStart(2, "0")}T10:00:00Z`,
        resolved_at: `2026-10-${String((i % 28) + 1).padStart(2, "0")}T11:00:00Z`,
      }),
    );
    const api = buildStatuspageApi(buildRepository(many, { config }), { audience: "public", now: new Date("2026-11-22T03:00:00Z") });
    expect((api["incidents.json"] as Json).incidents).toHaveLength(50);
    expectValid("incidents.json", api["incidents.json"]);
  });
});
