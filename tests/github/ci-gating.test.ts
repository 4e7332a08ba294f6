// ci.yml's gating, run for real: the `changes` step's script in a temp git repository (records-only
// changes skip the test suite, anything else runs it), and the `ci-ok` step's script against job
// results (the one required check passes in both cases and fails when a job that had to run did not).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { createGitRepo } from "../helpers/git-repo.ts";
import { repoRoot } from "../helpers/run-cli.ts";

interface Step {
  id?: string;
  name?: string;
  run?: string;
}
const ci = parse(readFileSync(path.join(repoRoot, ".github/workflows/ci.yml"), "utf8")) as { jobs: Record<string, { steps: Step[] }> };
const script = (job: string, id: string) => ci.jobs[job].steps.find((s) => s.id === id || s.name === id)!.run!;

const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-ci-gating-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a step's script the way the runner does (bash -e -o pipefail), returning its outputs. */
function runStep(
  run: string,
  cwd: string,
  env: Record<string, string>,
): { code: number; stdout: string; outputs: Record<string, string>; summary: string } {
  const file = path.join(scratch, "step.sh");
  const outputs = path.join(scratch, "output");
  const summary = path.join(scratch, "summary");
  writeFileSync(file, run);
  writeFileSync(outputs, "");
  writeFileSync(summary, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, GITHUB_OUTPUT: outputs, GITHUB_STEP_SUMMARY: summary, ...env },
  });
  const lines = readFileSync(outputs, "utf8").trim().split("\n").filter(Boolean);
  return {
    code: result.status ?? -1,
    stdout: result.stdout + result.stderr,
    outputs: Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])),
    summary: readFileSync(summary, "utf8"),
  };
}

describe("changes: records only, or code too", () => {
  const repo = createGitRepo({ prefix: "sitrep-ci-changes-" });
  afterAll(() => repo.cleanup());
  const base = repo.commit("template", "2026-11-01T00:00:00Z", {
    "sitrep.config.yaml": "site: {}\n",
    "incidents/README.md": "fields\n",
    "incidents/_template.md": "---\n---\n",
    "incidents/2026/2026-11-01-a.md": "a\n",
    "scripts/cli.ts": "cli\n",
    "package-lock.json": "{}\n",
  });
  const branch = (name: string, files: Record<string, string | null>) => {
    repo.git(["checkout", "--quiet", "-B", name, base]);
    return repo.commit(name, "2026-11-02T00:00:00Z", files);
  };
  const changes = (head: string, baseSha = base) => runStep(script("changes", "diff"), repo.dir, { BASE_SHA: baseSha, HEAD_SHA: head });

  test.each([
    ["an incident update", { "incidents/2026/2026-11-01-a.md": "a, updated\n" }],
    [
      "a new incident, a postmortem, a runbook and the config",
      {
        "incidents/2026/2026-11-02-b.md": "b\n",
        "postmortems/2026-11-01-a.md": "pm\n",
        "runbooks/restart.md": "rb\n",
        "sitrep.config.yaml": "site: { title: x }\n",
      },
    ],
    ["a removed incident", { "incidents/2026/2026-11-01-a.md": null }],
  ])("%s: records only, the suite is skipped", (name, files) => {
    const result = changes(branch(`records-${name.length}`, files));
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toEqual({ code: "false" });
    expect(result.summary).toMatch(/Records only/);
  });

  test.each([
    ["a script", { "scripts/cli.ts": "cli 2\n" }, "scripts/cli.ts"],
    ["the lockfile beside a record", { "incidents/2026/2026-11-01-a.md": "a2\n", "package-lock.json": "{ }\n" }, "package-lock.json"],
    ["a record folder's README", { "incidents/README.md": "fields 2\n" }, "incidents/README.md"],
    ["a record folder's template", { "incidents/_template.md": "---\nx: 1\n---\n" }, "incidents/_template.md"],
    ["a workflow", { ".github/workflows/ci.yml": "on: push\n" }, ".github/workflows/ci.yml"],
    ["a non-Markdown file in a record folder", { "incidents/2026/notes.txt": "n\n" }, "incidents/2026/notes.txt"],
  ])("%s: code, everything runs", (name, files, first) => {
    const result = changes(branch(`code-${name.length}`, files));
    expect(result.outputs).toEqual({ code: "true" });
    expect(result.summary).toContain(first);
  });

  test("a file moved from the code into a record folder counts both ends (code)", () => {
    repo.git(["checkout", "--quiet", "-B", "move", base]);
    const head = repo.rename("scripts/cli.ts", "incidents/2026/2026-11-03-c.md", "move", "2026-11-02T00:00:00Z");
    expect(changes(head).outputs).toEqual({ code: "true" });
  });

  test("no usable base (new branch, force push, unknown commit): everything runs", () => {
    const head = branch("nobase", { "incidents/2026/2026-11-01-a.md": "a3\n" });
    expect(changes(head, "0".repeat(40)).outputs).toEqual({ code: "true" });
    expect(changes(head, "f".repeat(40)).outputs).toEqual({ code: "true" });
    expect(changes(head, "").outputs).toEqual({ code: "true" });
  });

  test("the base is here but shares no history with the head (no merge base): everything runs (L1, fails closed)", () => {
    repo.git(["checkout", "--quiet", "--orphan", "unrelated"]);
    repo.git(["rm", "-rf", "--quiet", "."]);
    const orphan = repo.commit("unrelated history", "2026-11-02T00:00:00Z", { "incidents/2026/2026-11-09-z.md": "z\n" });
    const head = branch("records-after-unrelated", { "incidents/2026/2026-11-01-a.md": "a5\n" });
    const result = changes(head, orphan);
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toEqual({ code: "true" });
    expect(result.summary).toMatch(/Could not list the change \(.*no merge base.*\): everything runs/);
  });

  test("the head commit is not here: everything runs (L1, fails closed)", () => {
    const result = changes("e".repeat(40));
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toEqual({ code: "true" });
    expect(result.summary).toMatch(/Could not list the change/);
  });

  test("a pull request's diff is against where it left the base, not the base's newer commits", () => {
    const head = branch("pr", { "incidents/2026/2026-11-01-a.md": "a4\n" });
    repo.git(["checkout", "--quiet", "-B", "main-moved", base]);
    const movedBase = repo.commit("code on main meanwhile", "2026-11-03T00:00:00Z", { "scripts/cli.ts": "cli 3\n" });
    expect(changes(head, movedBase).outputs).toEqual({ code: "false" });
  });
});

describe("ci-ok: the one stable required check", () => {
  const ok = (results: { changes?: string; code?: string; check?: string; test?: string }) => {
    const needs = {
      changes: { result: results.changes ?? "success", outputs: results.code === undefined ? {} : { code: results.code } },
      check: { result: results.check ?? "success", outputs: {} },
      test: { result: results.test ?? "success", outputs: {} },
    };
    return runStep(script("ci-ok", "Every required job passed"), scratch, { NEEDS: JSON.stringify(needs) });
  };

  test("records only: passes with the tests skipped", () => {
    expect(ok({ code: "false", test: "skipped" }).code).toBe(0);
  });
  test("code changed: passes only when the tests ran and passed", () => {
    expect(ok({ code: "true", test: "success" }).code).toBe(0);
    const skipped = ok({ code: "true", test: "skipped" });
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toMatch(/tests did not pass/);
    expect(ok({ code: "true", test: "failure" }).code).toBe(1);
  });
  test("a failed or cancelled validate/build, or an unknown change, fails it", () => {
    expect(ok({ code: "false", test: "skipped", check: "failure" }).stdout).toMatch(/Validate, build or summary failed/);
    expect(ok({ code: "false", test: "skipped", check: "cancelled" }).code).toBe(1);
    expect(ok({ changes: "failure", test: "skipped" }).code).toBe(1);
    // records-only cannot excuse failed tests
    expect(ok({ code: "false", test: "failure" }).code).toBe(1);
  });
});
