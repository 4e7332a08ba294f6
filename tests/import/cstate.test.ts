// `sitrep import cstate <site folder>`: the CLI (its `run`, in the test's process; `import` as a process:
// tests/import/statuspage-api.test.ts) on a fixture cState site
// (tests/fixtures/import/cstate): updates read from the body's track shortcodes (newest first
// there, oldest first here), times without an offset read as UTC, severity → impact → severity,
// `affected` systems with their categories, informational posts without impact; validate passes
// and a second import changes no file.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emptyRecordsRepo } from "../../testkit/statuspage-export.ts";
import { type CliResult, repoRoot, runCliInProcess } from "../helpers/run-cli.ts";

const site = path.join(repoRoot, "tests/fixtures/import/cstate");
let dir: string;
let first: CliResult;

beforeAll(async () => {
  dir = emptyRecordsRepo("sitrep-cstate-");
  first = await runCliInProcess(["import", "cstate", site, "--json"], { cwd: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function records(): Map<string, any> {
  const root = path.join(dir, "incidents");
  const out = new Map<string, any>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"))) {
    const [, yaml, body] = readFileSync(path.join(root, file), "utf8").split(/^---$/m);
    const data = parse(yaml);
    out.set(data.source, { ...data, file, body: body.trim() });
  }
  return out;
}

describe("sitrep import cstate", () => {
  it("makes one record per issue (not _index.md), updates oldest first with their statuses", () => {
    expect(first.code, first.stderr).toBe(0);
    const all = records();
    expect([...all.keys()].sort()).toEqual([
      "cstate:2026-06-04-gateway-errors",
      "cstate:2026-07-12-dashboard-down",
      "cstate:2026-08-01-new-region",
      "cstate:2026-11-21-slow-exports",
    ]);
    const gateway = all.get("cstate:2026-06-04-gateway-errors");
    expect(gateway).toMatchObject({
      severity: "SEV2",
      status: "resolved",
      started_at: "2026-06-04T16:00:00Z",
      resolved_at: "2026-06-04T17:30:00Z",
    });
    expect(gateway.updates.map((u: any) => [u.at, u.status, u.body])).toEqual([
      ["2026-06-04T16:00:00Z", "investigating", "Some EU merchants see **502 errors** from the gateway."],
      ["2026-06-04T17:05:00Z", "monitoring", "A fix is deployed; we are watching error rates."],
      ["2026-06-04T17:30:00Z", "resolved", "Error rates are back to normal."],
    ]);
    expect(gateway.components).toEqual({ gateway: "partial_outage", "checkout-api": "partial_outage" });
  });

  it("reads offsets, keeps a body without updates as the description, and gives informational posts no impact", () => {
    const all = records();
    const dashboard = all.get("cstate:2026-07-12-dashboard-down");
    expect(dashboard).toMatchObject({
      severity: "SEV1",
      started_at: "2026-07-12T06:15:00Z",
      resolved_at: "2026-07-12T07:00:00Z",
      components: { dashboard: "major_outage" },
    });
    expect(dashboard.updates).toBeUndefined();
    expect(dashboard.body).toBe("The dashboard could not be reached for 45 minutes after a certificate expired.");
    const info = all.get("cstate:2026-08-01-new-region");
    expect(info).toMatchObject({ severity: "SEV4", status: "resolved" });
    expect(info.components).toBeUndefined();
    const open = all.get("cstate:2026-11-21-slow-exports");
    expect(open.status).toBe("investigating");
    expect(open.resolved_at).toBeUndefined();
  });

  it("adds the systems with their categories as groups", () => {
    const components = parse(readFileSync(path.join(dir, "sitrep.config.yaml"), "utf8")).components;
    expect(components.filter((c: any) => ["gateway", "dashboard"].includes(c.id))).toEqual([
      { id: "gateway", name: "Gateway", group: "Payments" },
      { id: "dashboard", name: "Dashboard", group: "Tools" },
    ]);
  });

  it("writes records that validate, and a second import changes nothing", async () => {
    const validate = await runCliInProcess(["validate", "--format", "json"], { cwd: dir });
    expect(validate.code, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout).diagnostics).toEqual([]);
    const before = records();
    const again = await runCliInProcess(["import", "cstate", site, "--json"], { cwd: dir });
    expect(JSON.parse(again.stdout).counts).toEqual({ create: 0, update: 0, unchanged: 4, kept: 0, skip: 0 });
    expect(JSON.parse(again.stdout).written).toEqual([]);
    expect(records()).toEqual(before);
  });
});
