// `sitrep import statuspage <folder>` as a migrating team runs it: the CLI (its `run`, in the test's
// process; `import` as a process: statuspage-api.test.ts) on a fixture
// export (tests/fixtures/import/statuspage) into a fresh records repository. One record per
// incident with the source's start, end, severity and number of updates; `validate` passes; a
// second import changes no file; a later export's new update is picked up; bad input stops the
// import with a message naming the item and writes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emptyRecordsRepo } from "../../testkit/statuspage-export.ts";
import { type CliResult, repoRoot, runCliInProcess } from "../helpers/run-cli.ts";

const fixture = path.join(repoRoot, "tests/fixtures/import/statuspage");
const sourceIncidents = JSON.parse(readFileSync(path.join(fixture, "incidents.json"), "utf8")).incidents as any[];
const SEVERITY: Record<string, string> = { critical: "SEV1", major: "SEV2", minor: "SEV3", none: "SEV4" };
const dirs: string[] = [];

function repo(): string {
  const dir = emptyRecordsRepo();
  dirs.push(dir);
  return dir;
}

/** Every file under the repository with its text and modification time. */
function snapshot(dir: string): Map<string, { text: string; mtime: number }> {
  const files = new Map<string, { text: string; mtime: number }>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, { text: readFileSync(path.join(dir, child), "utf8"), mtime: statSync(path.join(dir, child)).mtimeMs });
    }
  };
  walk("");
  return files;
}

function frontMatter(file: string): any {
  return parse(readFileSync(file, "utf8").split(/^---$/m)[1]);
}

function importedRecords(dir: string): Map<string, any> {
  const bySource = new Map<string, any>();
  for (const [file] of snapshot(dir)) {
    if (!file.startsWith("incidents/")) continue;
    const data = frontMatter(path.join(dir, file));
    bySource.set(data.source, { ...data, file });
  }
  return bySource;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("sitrep import statuspage <folder>", () => {
  let dir: string;
  let first: CliResult;
  beforeAll(async () => {
    dir = repo();
    first = await runCliInProcess(["import", "statuspage", fixture, "--json"], { cwd: dir });
  });

  it("makes one record per incident with the source's start, end, severity and number of updates", () => {
    expect(first.code, first.stderr).toBe(0);
    const records = importedRecords(dir);
    const withUpdates = sourceIncidents.filter((i) => i.incident_updates.length > 0);
    expect([...records.keys()].sort()).toEqual(withUpdates.map((i) => `statuspage:${i.id}`).sort());
    for (const incident of withUpdates) {
      const record = records.get(`statuspage:${incident.id}`);
      const updates = incident.incident_updates.filter((u: any) => u.status !== "postmortem");
      expect(record.updates).toHaveLength(updates.length);
      if (incident.scheduled_for) {
        expect(record.type).toBe("maintenance");
        expect(Date.parse(record.scheduled_start)).toBe(Date.parse(incident.scheduled_for));
        expect(Date.parse(record.scheduled_end)).toBe(Date.parse(incident.scheduled_until));
        continue;
      }
      expect(record.severity).toBe(SEVERITY[incident.impact]);
      expect(Date.parse(record.started_at)).toBe(Date.parse(incident.started_at));
      if (incident.resolved_at) expect(Date.parse(record.resolved_at)).toBe(Date.parse(incident.resolved_at));
      else expect(record.resolved_at).toBeUndefined();
      expect(record.status).toBe(incident.status === "postmortem" ? "resolved" : incident.status);
    }
  });

  it("converts HTML bodies to Markdown, keeps component maps and turns the postmortem update into a postmortem", () => {
    const record = importedRecords(dir).get("statuspage:p31zjtct2jer");
    expect(record.updates[1].body).toBe(
      "The issue was identified as a failing database node.  \nA fix is being rolled out; see [our notes](https://acme.example/notes).",
    );
    expect(record.updates[2].body).toBe("A fix has been implemented & we are monitoring the results.");
    expect(record.components).toEqual({ "checkout-api": "degraded_performance" });
    expect(record.updates[1].components).toEqual({ "checkout-api": "partial_outage", "hosted-checkout": "degraded_performance" });
    expect(record.updates[2].components).toEqual({});
    expect(record.mitigated_at).toBe("2026-10-03T15:10:00Z");
    const postmortem = readFileSync(path.join(dir, "postmortems", `${path.basename(record.file, ".md")}.md`), "utf8");
    expect(postmortem).toMatch(/status: published/);
    expect(postmortem).toMatch(/\*\*Summary\*\*/);
    expect(postmortem).toMatch(/A database node failed\./);
  });

  it("adds the components the config lacks, with their groups, keeping the config's comments", () => {
    const config = readFileSync(path.join(dir, "sitrep.config.yaml"), "utf8");
    expect(config).toMatch(/^# Acme's records\./);
    expect(config).toMatch(/# The API merchants call\./);
    const components = parse(config).components;
    expect(components.map((c: any) => c.id)).toEqual([
      "checkout-api",
      "merchant-dashboard",
      "hosted-checkout",
      "merchant-dashbord",
      "webhooks",
    ]);
    expect(components.find((c: any) => c.id === "hosted-checkout").group).toBe("Payments");
    const result = JSON.parse(first.stdout);
    expect(result.notes.join("\n")).toMatch(/did you mean "Merchant Dashboard" \(`merchant-dashboard`\)/);
  });

  it("reports what it skipped and why", () => {
    const result = JSON.parse(first.stdout);
    expect(result.items.filter((i: any) => i.action === "skip")).toEqual([
      {
        action: "skip",
        kind: "incident",
        source: "statuspage:zz0000000001",
        label: 'zz0000000001 "Test incident"',
        reason: "it has no status updates",
      },
    ]);
    expect(result.counts).toEqual({ create: 5, update: 0, unchanged: 0, kept: 0, skip: 1 });
  });

  it("writes records that validate, with no warning from rules meant for incidents run in sitrep", async () => {
    const validate = await runCliInProcess(["validate", "--format", "json"], { cwd: dir });
    expect(validate.code, validate.stdout).toBe(0);
    expect(JSON.parse(validate.stdout).diagnostics ?? []).toEqual([]);
  });

  it("changes no file when run again", async () => {
    const before = snapshot(dir);
    const again = await runCliInProcess(["import", "statuspage", fixture], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 created, 0 updated, 4 unchanged, 0 kept as edited, 1 skipped\. Nothing to write\./);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("later imports", () => {
  it("pick up a new update of an incident, and keep the edits of a record whose source has nothing new", async () => {
    const dir = repo();
    const source = mkdtempSync(path.join(os.tmpdir(), "sitrep-export-"));
    dirs.push(source);
    cpSync(fixture, source, { recursive: true });
    expect((await runCliInProcess(["import", "statuspage", source], { cwd: dir })).code).toBe(0);
    const records = importedRecords(dir);
    const edited = records.get("statuspage:kd9zr1x7qq2m").file;
    writeFileSync(path.join(dir, edited), readFileSync(path.join(dir, edited), "utf8").replace("severity: SEV3", "severity: SEV2"));

    const data = JSON.parse(readFileSync(path.join(source, "incidents.json"), "utf8"));
    const open = data.incidents.find((i: any) => i.id === "w8bd0t5hcc1x");
    open.status = "resolved";
    open.resolved_at = "2026-11-20T10:00:00.000Z";
    open.incident_updates.unshift({
      ...open.incident_updates[0],
      id: "u3b",
      status: "resolved",
      body: "Deliveries caught up.",
      created_at: "2026-11-20T10:00:00.000Z",
      display_at: "2026-11-20T10:00:00.000Z",
    });
    const dashboard = data.incidents.find((i: any) => i.id === "kd9zr1x7qq2m");
    dashboard.incident_updates.unshift({
      ...dashboard.incident_updates[0],
      id: "u2c",
      status: "postmortem",
      body: "Reports ran on an undersized replica.",
      created_at: "2026-10-22T12:00:00.000Z",
      display_at: "2026-10-22T12:00:00.000Z",
    });
    writeFileSync(path.join(source, "incidents.json"), JSON.stringify(data));

    const again = await runCliInProcess(["import", "statuspage", source, "--json"], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const result = JSON.parse(again.stdout);
    // The dashboard incident: its record (edited) is kept, its postmortem, new in the source, is created.
    expect(result.counts).toMatchObject({ create: 1, update: 1, unchanged: 2, kept: 1 });
    const postmortem = readFileSync(path.join(dir, "postmortems", path.basename(edited)), "utf8");
    expect(postmortem).toMatch(/Reports ran on an undersized replica\./);
    const updated = importedRecords(dir).get("statuspage:w8bd0t5hcc1x");
    expect(updated.status).toBe("resolved");
    expect(updated.updates.map((u: any) => u.body)).toEqual([
      "Webhook deliveries are delayed by up to 30 minutes.",
      "Deliveries caught up.",
    ]);
    expect(updated.file).toBe(records.get("statuspage:w8bd0t5hcc1x").file);
    expect(readFileSync(path.join(dir, edited), "utf8")).toMatch(/severity: SEV2/);
    expect((await runCliInProcess(["validate"], { cwd: dir })).code).toBe(0);
  });
});

describe("options", () => {
  it("--dry-run prints the plan and writes nothing", async () => {
    const dir = repo();
    const before = snapshot(dir);
    const dry = await runCliInProcess(["import", "statuspage", fixture, "--dry-run"], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/would create\s+incident\s+incidents\/2026\/2026-10-03-elevated-checkout-errors\.md/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written\./);
    expect(snapshot(dir)).toEqual(before);
  });

  it("--severity-map and --component change the mapping", async () => {
    const dir = repo();
    const run = await runCliInProcess(
      ["import", "statuspage", fixture, "--severity-map", "major=SEV1", "--component", "Merchant Dashbord=merchant-dashboard"],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    const records = importedRecords(dir);
    expect(records.get("statuspage:p31zjtct2jer").severity).toBe("SEV1");
    expect(records.get("statuspage:kd9zr1x7qq2m").components).toEqual({ "merchant-dashboard": "degraded_performance" });
    expect(readFileSync(path.join(dir, "sitrep.config.yaml"), "utf8")).not.toMatch(/merchant-dashbord/);
  });

  it("a severity that does not exist is a usage error with a suggestion", async () => {
    const run = await runCliInProcess(["import", "statuspage", fixture, "--severity-map", "major=SEV5"], { cwd: repo() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--severity-map names `SEV5`, which is not a severity/);
  });
});

describe("bad input", () => {
  function brokenExport(
    edit: (files: { incidents: string; components: string }) => Partial<Record<"incidents" | "components", string>>,
  ): string {
    const source = mkdtempSync(path.join(os.tmpdir(), "sitrep-export-"));
    dirs.push(source);
    cpSync(fixture, source, { recursive: true });
    const files = {
      incidents: readFileSync(path.join(source, "incidents.json"), "utf8"),
      components: readFileSync(path.join(source, "components.json"), "utf8"),
    };
    for (const [name, text] of Object.entries(edit(files))) writeFileSync(path.join(source, `${name}.json`), text!);
    return source;
  }

  it.each([
    [
      "a truncated incidents.json",
      (f: any) => ({ incidents: f.incidents.slice(0, 2000) }),
      /incidents\.json: is not valid JSON \(it ends too early: truncated\?\)/,
      /Download or export it again/,
    ],
    [
      "a component with no name",
      (f: any) => ({ components: f.components.replace('"name": "Webhooks"', '"name": ""') }),
      /components\.json, component 5 \(id chook000001\): it has no name\./,
      /needs an id and a name/,
    ],
    [
      "an incident with no title",
      (f: any) => ({ incidents: f.incidents.replace('"name": "Webhook deliveries delayed"', '"name": ""') }),
      /incidents\.json, incident w8bd0t5hcc1x: it has no `name`/,
      /Give the incident a name/,
    ],
    [
      "an unknown update status",
      (f: any) => ({ incidents: f.incidents.replace('"status": "identified"', '"status": "fixing"') }),
      /incident p31zjtct2jer "Elevated checkout errors", update at 2026-10-03T14:32:10Z: the status `fixing`/,
      /Use one of investigating, identified, monitoring, resolved/,
    ],
  ])("%s stops the import with a message naming it, and nothing is written", async (_name, edit, message, hint) => {
    const dir = repo();
    const before = snapshot(dir);
    const run = await runCliInProcess(["import", "statuspage", brokenExport(edit)], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Nothing was imported\./);
    expect(run.stderr).toMatch(hint);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
  });
});
