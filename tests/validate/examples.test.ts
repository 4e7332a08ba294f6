// The bundled Lumen examples are valid, and the schemas document the format they follow.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";
import { copyExampleRepo, exampleOrgRoot } from "../helpers/example-repo.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";

describe("the example organisation", () => {
  it("validate with zero errors through the CLI; the warnings are the intended overdue runbook and the open incident gone quiet", async () => {
    const result = await runCliInProcess(["validate", "--format", "json"], { cwd: exampleOrgRoot, env: { SITREP_NOW: TEST_NOW } });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.diagnostics.map((d: { file: string; rule: string; severity: string }) => [d.file, d.rule, d.severity])).toEqual([
      ["incidents/2026/2026-11-21-payout-status-latency.md", "update-cadence", "warning"],
      ["runbooks/certificate-renewal.md", "runbook-review-overdue", "warning"],
    ]);
    // Every example record was read (20+ incidents, 7 postmortems, 5 runbooks, the config).
    expect(report.summary.files).toBeGreaterThanOrEqual(30);
  });

  it("fail only with --strict, because of those warnings", async () => {
    const result = await runCliInProcess(["validate", "--strict"], { cwd: exampleOrgRoot, env: { SITREP_NOW: TEST_NOW } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/runbook-review-overdue/);
    expect(result.stdout).toMatch(/update-cadence/);
    expect(result.stdout).toMatch(/2 problems \(0 errors, 2 warnings\)/);
  });
});

describe("the templates", () => {
  it("are valid records once saved under a record's name (only cross-record references differ)", () => {
    const { dir, cleanup } = copyExampleRepo("sitrep-templates-");
    try {
      // The postmortem template reviews 2026-01-01-checkout-errors, so the incident template takes that id.
      mkdirSync(path.join(dir, "incidents/2026"), { recursive: true });
      copyFileSync(path.join(exampleOrgRoot, "incidents/_template.md"), path.join(dir, "incidents/2026/2026-01-01-checkout-errors.md"));
      copyFileSync(path.join(exampleOrgRoot, "postmortems/_template.md"), path.join(dir, "postmortems/2026-01-01-checkout-errors.md"));
      copyFileSync(path.join(exampleOrgRoot, "runbooks/_template.md"), path.join(dir, "runbooks/template-check.md"));
      const { diagnostics, repository } = validateRepository(dir, { now: new Date(TEST_NOW) });
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(repository.incidents.map((i) => i.id)).toContain("2026-01-01-checkout-errors");
      expect(repository.postmortems.map((p) => p.id)).toContain("2026-01-01-checkout-errors");
      expect(repository.runbooks.map((r) => r.id)).toContain("template-check");
    } finally {
      cleanup();
    }
  });
});

type Schema = { [key: string]: unknown };

/** Calls `visit` for every property schema, with its JSON pointer, anywhere in `schema`. */
function walkProperties(schema: unknown, pointer: string, visit: (property: Schema, pointer: string) => void): void {
  if (schema === null || typeof schema !== "object") return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) walkProperties(item, `${pointer}/${i}`, visit);
    return;
  }
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, property] of Object.entries(value as Schema)) {
        visit(property as Schema, `${pointer}/properties/${name}`);
        walkProperties(property, `${pointer}/properties/${name}`, visit);
      }
    } else if (key !== "enum" && key !== "examples" && key !== "default") {
      walkProperties(value, `${pointer}/${key}`, visit);
    }
  }
}

const schemaDir = path.join(repoRoot, "schema");
const schemas = Object.fromEntries(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith(".schema.json"))
    .map((f) => [f, JSON.parse(readFileSync(path.join(schemaDir, f), "utf8"))]),
);

describe("the schemas document the format", () => {
  it("has the four record kinds, on-call schedules and the shared definitions", () => {
    expect(Object.keys(schemas).sort()).toEqual([
      "common.schema.json",
      "config.schema.json",
      "incident.schema.json",
      "oncall.schema.json",
      "postmortem.schema.json",
      "runbook.schema.json",
    ]);
  });

  it.each(Object.keys(schemas))("%s: every property and definition has a description", (name) => {
    const schema = schemas[name];
    const missing: string[] = [];
    let count = 0;
    walkProperties(schema, "#", (property, pointer) => {
      count++;
      if (typeof property.description !== "string" || property.description.trim().length < 10) missing.push(pointer);
    });
    for (const [def, value] of Object.entries((schema.$defs ?? {}) as Record<string, Schema>)) {
      if (typeof value.description !== "string") missing.push(`#/$defs/${def}`);
    }
    expect(typeof schema.description).toBe("string");
    expect(missing).toEqual([]);
    if (name !== "common.schema.json") expect(count).toBeGreaterThan(3);
  });

  it.each(Object.keys(schemas))("%s: every enum is written out as a list of distinct strings", (name) => {
    const enums: unknown[][] = [];
    const collect = (node: unknown): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const item of node) collect(item);
        return;
      }
      for (const [key, value] of Object.entries(node as Schema)) {
        if (key === "enum") enums.push(value as unknown[]);
        else collect(value);
      }
    };
    collect(schemas[name]);
    for (const list of enums) {
      expect(Array.isArray(list) && list.length > 0).toBe(true);
      expect(list.every((v) => typeof v === "string")).toBe(true);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it("writes out the enums and defaults DESIGN.md names", () => {
    const incident = schemas["incident.schema.json"].properties;
    const postmortem = schemas["postmortem.schema.json"];
    const common = schemas["common.schema.json"].$defs;
    const config = schemas["config.schema.json"].properties;
    expect(incident.type.enum).toEqual(["incident", "near_miss", "maintenance"]);
    expect(incident.type.default).toBe("incident");
    // Both statuses (the incident's and each update's) share one enum, $defs/status.
    expect(incident.status.allOf).toEqual([{ $ref: "#/$defs/status" }]);
    expect(incident.updates.items.properties.status.allOf).toEqual([{ $ref: "#/$defs/status" }]);
    expect(schemas["incident.schema.json"].$defs.status.enum).toEqual([
      "investigating",
      "identified",
      "monitoring",
      "resolved",
      "scheduled",
      "in_progress",
      "verifying",
      "completed",
      "cancelled",
    ]);
    expect(incident.visibility.default).toBe("public");
    expect(incident.drill.default).toBe(false);
    expect(common.visibility.enum).toEqual(["public", "internal"]);
    expect(common.componentStatus.enum).toEqual(["degraded_performance", "partial_outage", "major_outage", "under_maintenance"]);
    expect(postmortem.properties.status.enum).toEqual(["draft", "in_review", "published"]);
    expect(postmortem.properties.visibility.default).toBe("internal");
    const item = postmortem.$defs.actionItem.properties;
    expect(item.priority.enum).toEqual(["P1", "P2", "P3"]);
    expect(item.kind.enum).toEqual(["prevent", "mitigate", "detect", "process"]);
    expect(item.status.enum).toEqual(["open", "done", "wont_do"]);
    expect(config.severities.items.properties.impact.enum).toEqual(["none", "minor", "major", "critical"]);
    expect(config.policies.properties.postmortem_due_days.default).toBe(5);
    expect(config.policies.properties.runbook_review_days.default).toBe(180);
  });
});
