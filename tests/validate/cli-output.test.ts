// `sitrep validate` as a user runs it: the real CLI in a subprocess over corpus repositories.
// Output formats (json, github, pretty), exit codes, and never a stack trace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliInProcess, TEST_NOW, type CliResult } from "../helpers/run-cli.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { buildRepo, corpus, pick } from "./corpus.ts";

const STACK_TRACE = /^\s+at .+[(:]\d+|node:internal|\.ts:\d+:\d+/m;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function repo(cases: string[]): string {
  const built = buildRepo(cases, "sitrep-cli-");
  cleanups.push(built.cleanup);
  return built.dir;
}

/** `sitrep validate` as a subprocess, as a user runs it. */
function validate(dir: string, args: string[] = [], env: Record<string, string> = {}): CliResult {
  const result = runCli(["validate", ...args], { cwd: dir, env });
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK_TRACE);
  return result;
}

/** The same run in the test's process (no Node start-up), for the tests about what it reports. */
async function validateInProcess(dir: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCliInProcess(["validate", ...args], { cwd: dir, env });
  expect(`${result.stdout}\n${result.stderr}`).not.toMatch(STACK_TRACE);
  return result;
}

type JsonDiagnostic = { file: string; line: number; column: number; rule: string; severity: string; message: string; hint: string };

describe("validate --format json", () => {
  const combinable = corpus.filter((c) => c.combinable !== false).map((c) => c.name);
  let dir: string;
  let result: CliResult;
  beforeAll(() => {
    dir = repo(combinable);
    result = validate(dir, ["--format", "json"]);
  });

  it("exits 1 and reports every diagnostic with file, 1-based line and column, rule, severity, message and hint", () => {
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      summary: { files: number; errors: number; warnings: number };
      diagnostics: JsonDiagnostic[];
    };
    expect(report.diagnostics.length).toBeGreaterThan(40);
    for (const d of report.diagnostics) {
      expect(d.file).toMatch(/^(incidents|postmortems|runbooks)\/.+\.md$|^sitrep\.config\.yaml$/);
      expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
      expect(Number.isInteger(d.column) && d.column >= 1).toBe(true);
      expect(d.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(["error", "warning"]).toContain(d.severity);
      expect(d.message.length).toBeGreaterThan(5);
      expect(d.hint.length).toBeGreaterThan(5);
    }
    const errors = report.diagnostics.filter((d) => d.severity === "error").length;
    expect(report.summary).toMatchObject({ errors, warnings: report.diagnostics.length - errors });
  });

  it("says exactly what validateRepository says", () => {
    const report = JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] };
    const inProcess = validateRepository(dir, { now: new Date(TEST_NOW) }).diagnostics.map(pick);
    expect(report.diagnostics.map((d) => pick(d as never))).toEqual(inProcess);
  });

  it("limits the report to the paths given, while rules still see every record", async () => {
    const only = await validateInProcess(dir, ["--json", "postmortems"]);
    const report = JSON.parse(only.stdout) as { diagnostics: JsonDiagnostic[] };
    expect(only.code).toBe(1);
    expect(report.diagnostics.length).toBeGreaterThan(0);
    expect(report.diagnostics.every((d) => d.file.startsWith("postmortems/"))).toBe(true);
    // Cross-record: the misnamed postmortem is still checked against incidents outside the filter.
    expect(report.diagnostics.map((d) => d.rule)).toContain("postmortem-incident-exists");
  });
});

describe("validate --format github", () => {
  let dir: string;
  let result: CliResult;
  const unknownComponentFiles = Array.from(
    { length: 12 },
    (_, i) => `incidents/2026/2026-11-${String(i + 1).padStart(2, "0")}-cdn-${i}.md`,
  );
  beforeAll(() => {
    dir = repo(["runbook-review-overdue", "unknown-field"]);
    for (const [i, file] of unknownComponentFiles.entries()) {
      writeFileSync(
        path.join(dir, file),
        `---\ntitle: CDN ${i}\nseverity: SEV3\nstatus: investigating\nstarted_at: 2026-11-${String(i + 1).padStart(2, "0")}T10:00:00Z\ncomponents:\n  cdn: major_outage\n---\n`,
      );
    }
    result = validate(dir, ["--format", "github"]);
  });

  it("annotates at most 10 problems per rule, then a notice, then the full list in a group", () => {
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    const annotations = lines.filter((l) => /^::(error|warning) /.test(l));
    const componentAnnotations = annotations.filter((l) => l.includes("title=sitrep component-exists"));
    expect(componentAnnotations).toHaveLength(10);
    for (const line of componentAnnotations) {
      expect(line).toMatch(
        /^::error file=incidents\/2026\/2026-11-\d\d-cdn-\d+\.md,line=7,col=3,title=sitrep component-exists::Unknown component `cdn`\. Hint: /,
      );
    }
    expect(
      annotations.some((l) =>
        /^::error file=incidents\/2026\/2026-11-15-typo-field\.md,line=5,col=1,title=sitrep unknown-field::Unknown field `startd_at`\. Hint: Did you mean `started_at`\?/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(
      annotations.some((l) => /^::warning file=runbooks\/db-failover\.md,line=4,col=16,title=sitrep runbook-review-overdue::/.test(l)),
    ).toBe(true);
    expect(annotations).toHaveLength(12);

    const notice = lines.findIndex((l) => l.startsWith("::notice::"));
    expect(lines[notice]).toMatch(/^::notice::2 more problem\(s\) not annotated/);
    expect(notice).toBeGreaterThan(lines.lastIndexOf(annotations.at(-1)!));
    const group = lines.indexOf("::group::All problems");
    expect(group).toBeGreaterThan(notice);
    expect(lines.at(-1)).toBe("::endgroup::");
    const fullList = lines.slice(group).join("\n");
    for (const file of unknownComponentFiles) expect(fullList).toContain(file);
    expect(fullList).toMatch(/14 problems \(13 errors, 1 warning\)/);
  });

  it("prefixes annotation paths when the records live in a subfolder of GITHUB_WORKSPACE", async () => {
    const workspace = path.dirname(dir);
    const prefixed = await validateInProcess(dir, ["--format", "github"], { GITHUB_WORKSPACE: workspace });
    expect(prefixed.stdout).toContain(`::error file=${path.basename(dir)}/incidents/2026/2026-11-15-typo-field.md,line=5,col=1,`);
  });
});

describe("validate (pretty)", () => {
  it("groups problems by file, ESLint-style, with hints and a summary count", async () => {
    const dir = repo(["milestones-unordered", "runbook-missing", "runbook-review-overdue"]);
    const result = await validateInProcess(dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    const fileLines = lines.filter((l) => /^\S/.test(l) && !l.startsWith("✖"));
    expect(fileLines).toEqual([
      "incidents/2026/2026-11-15-no-runbook.md",
      "incidents/2026/2026-11-15-unordered.md",
      "runbooks/db-failover.md",
    ]);
    const unordered = lines.indexOf("incidents/2026/2026-11-15-unordered.md");
    expect(lines[unordered + 1]).toMatch(/^ {2}6:14 {2}error {4}`detected_at` .* {2}milestones-ordered$/);
    expect(lines[unordered + 2]).toMatch(/^\s+hint: /);
    expect(lines[unordered + 3]).toMatch(/^ {2}8:14 {2}error {4}`resolved_at` .* {2}milestones-ordered$/);
    expect(result.stdout).toMatch(/ {2}4:16 {2}warning {2}Runbook review is \d+ day\(s\) overdue.* {2}runbook-review-overdue/);
    expect(lines.at(-1)).toBe("✖ 4 problems (3 errors, 1 warning)");
  });
});

describe("exit codes", () => {
  it("0 for a clean repository", () => {
    const result = validate(repo([]));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no problems/);
  });

  it("0 with only warnings, 1 with --strict", async () => {
    const dir = repo(["runbook-review-overdue", "update-cadence-gap"]);
    const relaxed = await validateInProcess(dir);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/2 problems \(0 errors, 2 warnings\)/);
    expect((await validateInProcess(dir, ["--strict"])).code).toBe(1);
    const json = await validateInProcess(dir, ["--format", "json", "--strict"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ errors: 0, warnings: 2 });
  });

  it("1 for broken bytes, a too-large file and a broken configuration, all reported in one run", async () => {
    const dir = repo(["invalid-utf8", "config-yaml-error"]);
    writeFileSync(path.join(dir, "incidents/2026/2026-11-16-huge.md"), `---\ntitle: x\n---\n${"y".repeat(5 * 1024 * 1024)}`);
    const result = await validateInProcess(dir, ["--format", "json"]);
    expect(result.code).toBe(1);
    const rules = (JSON.parse(result.stdout).diagnostics as JsonDiagnostic[]).map((d) => `${d.file} ${d.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        "incidents/2026/2026-11-15-latin1.md file-encoding",
        "incidents/2026/2026-11-16-huge.md file-too-large",
        "sitrep.config.yaml yaml-syntax",
      ]),
    );
  });

  it("2 when run outside any records repository, with a message and a hint", () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "sitrep-nowhere-"));
    cleanups.push(() => rmSync(outside, { recursive: true, force: true }));
    mkdirSync(path.join(outside, "incidents"));
    const result = validate(outside);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: No sitrep\.config\.yaml in .* or any parent folder\.\nhint: /);
  });

  it("from a subfolder: finds the records root, takes paths relative to the cwd, reports paths from the root", async () => {
    const dir = repo(["unknown-field", "runbook-missing"]);
    const result = await validateInProcess(path.join(dir, "incidents/2026"), ["--json", "2026-11-15-typo-field.md"]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout).diagnostics as JsonDiagnostic[]).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual([
      "incidents/2026/2026-11-15-typo-field.md:5:1 unknown-field",
    ]);
  });

  it("1 for a path-limited run when the configuration is broken: its errors are always reported", async () => {
    // Without a valid configuration the component rule is skipped, so the unknown component in
    // incidents/ goes unchecked; reporting nothing and exiting 0 would pass a broken record.
    const dir = repo(["config-yaml-error", "component-unknown"]);
    const result = await validateInProcess(dir, ["--json", "incidents"]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout).diagnostics as JsonDiagnostic[]).map((d) => `${d.file} ${d.rule}`)).toEqual([
      "sitrep.config.yaml yaml-syntax",
      "sitrep.config.yaml yaml-syntax",
    ]);
  });

  it("2 for a path that does not exist, rather than a clean report of nothing", async () => {
    const result = await validateInProcess(repo([]), ["incidents/2099"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: .*incidents\/2099.* does not exist/);
  });

  it("2 for an unknown format or a path outside the repository", async () => {
    const dir = repo([]);
    const format = await validateInProcess(dir, ["--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/error: Unknown format `xml`/);
    expect(format.stderr).toMatch(/hint: .*pretty, json, github/);
    const outside = await validateInProcess(dir, [".."]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside the records repository/);
  });
});
