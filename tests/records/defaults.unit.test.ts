// Defaults are declared once, as the schema's `default`, and filled in by the loader's schema
// check; the front matter as written (`raw`) is kept as it was.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { repoRoot } from "../helpers/run-cli.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-defaults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
write("sitrep.config.yaml", "format: 2\nsite:\n  title: T\n  url: https://status.example.com/\ncomponents:\n  - id: api\n    name: API\n");
write(
  "incidents/2026/2026-11-01-plain.md",
  "---\ntitle: Plain\nseverity: SEV3\nstatus: investigating\nupdates:\n  - at: 2026-11-01T10:00:00Z\n    status: investigating\n    body: Looking.\n---\n",
);
write(
  "incidents/2026/2026-11-02-near.md",
  "---\ntitle: Near\ntype: near_miss\nseverity: SEV4\nstatus: resolved\nresolved_at: 2026-11-02T11:00:00Z\n---\n",
);
write(
  "incidents/2026/2026-11-03-near-public.md",
  "---\ntitle: Near, public\ntype: near_miss\nvisibility: public\nseverity: SEV4\nstatus: resolved\nresolved_at: 2026-11-03T11:00:00Z\n---\n",
);
write(
  "postmortems/2026-11-01-plain.md",
  "---\nincident: 2026-11-01-plain\nstatus: draft\naction_items:\n  - id: fix\n    title: Fix it\n    owner: ana\n    priority: P2\n    kind: prevent\n    status: open\n---\n",
);
write("runbooks/api.md", "---\ntitle: API\nowner: ana\nlast_reviewed: 2026-10-01\n---\n");

const loaded = validateRepository(dir, { now: new Date("2026-11-22T12:00:00Z") });
const configSchema = JSON.parse(readFileSync(path.join(repoRoot, "schema/config.schema.json"), "utf8"));

describe("defaults", () => {
  it("loads the fixture without read or schema findings (the open incident is only overdue an update)", () => {
    expect(loaded.diagnostics.map((d) => d.rule)).toEqual(["update-cadence"]);
  });

  it("fills the configuration from the schema's defaults, the default severities included", () => {
    const { config } = loaded.repository;
    expect(config.site.timezone).toBe("UTC");
    expect(config.severities).toEqual(configSchema.properties.severities.default);
    expect(config.severities.map((s) => s.id)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(config.policies).toEqual({ postmortem_due_days: 5, action_item_due_days: { P1: 14, P2: 30, P3: 90 }, runbook_review_days: 180 });
    expect(config.github.labels).toEqual(["incident-action-item"]);
  });

  it("fills an incident's defaults and keeps the front matter as written in raw", () => {
    const plain = loaded.repository.incidents.find((i) => i.id === "2026-11-01-plain")!;
    expect(plain.data).toMatchObject({ type: "incident", visibility: "public", drill: false, components: {}, runbooks: [], timeline: [] });
    expect(Object.keys(plain.raw).sort()).toEqual(["severity", "status", "title", "updates"]);
  });

  it("makes near-misses internal unless they say otherwise", () => {
    const visibility = (id: string) => loaded.repository.incidents.find((i) => i.id === id)!.data.visibility;
    expect(visibility("2026-11-02-near")).toBe("internal");
    expect(visibility("2026-11-03-near-public")).toBe("public");
  });

  it("derives what depends on other data: due dates from the policy, review intervals from the config", () => {
    const postmortem = loaded.repository.postmortems[0].data;
    expect(postmortem.visibility).toBe("internal");
    expect(postmortem.authors).toEqual([]);
    // No resolution and no started_at or detected_at: the incident starts at its first update
    // (2026-11-01, records/incident-start.ts), + P2's 30 days — the start every consumer uses.
    expect(postmortem.action_items[0].due).toBe("2026-12-01");
    expect(loaded.repository.runbooks[0].data).toMatchObject({ components: [], alerts: [], review_every_days: 180 });
  });
});
