// The metrics, actions and report commands as a user runs them: the real CLI in a subprocess.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { createGitRepo, shallowClone, type GitRepo } from "../helpers/git-repo.ts";
import { buildScenario } from "../history/scenario.ts";

let scenario: GitRepo;
let examples: GitRepo;
let plain: { dir: string; cleanup: () => void };

beforeAll(() => {
  ({ repo: scenario } = buildScenario());
  // The bundled example records, committed once into a fresh repository.
  plain = copyExampleRepo("sitrep-examples-plain-");
  const copy = copyExampleRepo("sitrep-examples-git-");
  examples = createGitRepo({ dir: copy.dir });
  examples.commit("Import the example records", "2026-11-21T10:00:00+01:00");
});
afterAll(() => {
  scenario?.cleanup();
  examples?.cleanup();
  plain?.cleanup();
});

describe("sitrep metrics", () => {
  it("--json has the documented, versioned shape", () => {
    const result = runCli(["metrics", "--json", "--by", "severity"], { cwd: scenario.dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual([
      "version",
      "generated_at",
      "filters",
      "group_by",
      "method",
      "history",
      "overall",
      "groups",
      "on_call",
    ]);
    expect(json.version).toBe(1);
    expect(json.generated_at).toBe("2026-11-22T12:00:00Z");
    expect(json.filters).toEqual({
      since: null,
      until: null,
      severity: [],
      component: [],
      include_drills: false,
      include_near_misses: false,
    });
    expect(json.group_by).toBe("severity");
    expect(json.history).toMatchObject({ commits: 18, unparseable_revisions: 1 });
    expect(Object.keys(json.overall)).toEqual(["incidents", "durations", "postmortems", "action_items", "update_cadence", "roles"]);
    expect(Object.keys(json.overall.durations)).toEqual(["ttd", "tta", "ttm", "ttr", "declaration_lag"]);
    expect(Object.keys(json.overall.durations.ttr)).toEqual(["unit", "n", "median", "p90", "mean", "max", "too_small"]);
    expect(json.overall.durations.ttr).toMatchObject({ unit: "minutes", n: 2, median: 90 });
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual(["SEV1", "SEV3"]);
  });

  it("filters from flags, and rejects unknown ids with the known ones", async () => {
    const json = JSON.parse(
      (
        await runCliInProcess(["metrics", "--json", "--severity", "SEV1,SEV3", "--since", "2026-03-03", "--include-drills"], {
          cwd: scenario.dir,
        })
      ).stdout,
    );
    expect(json.filters).toMatchObject({ since: "2026-03-03T00:00:00Z", severity: ["SEV1", "SEV3"], include_drills: true });
    expect(json.overall.incidents.count).toBe(1);
    const bad = await runCliInProcess(["metrics", "--severity", "SEV9"], { cwd: scenario.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown severity `SEV9`");
    expect(bad.stderr).toContain("SEV1, SEV2, SEV3, SEV4");
    expect((await runCliInProcess(["metrics", "--by", "team"], { cwd: scenario.dir })).stderr).toContain(
      "severity, component, quarter, month",
    );
  });

  it("prints tables on a terminal and Markdown for job summaries", async () => {
    const text = await runCliInProcess(["metrics"], { cwd: scenario.dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Time to resolve (resolved − started)");
    expect(text.stdout).toContain("too small to compare");
    const markdown = (await runCliInProcess(["metrics", "--markdown", "--by", "quarter"], { cwd: scenario.dir })).stdout;
    expect(markdown).toContain("## Incident metrics");
    expect(markdown).toContain("### quarter: 2026-Q1");
    expect(markdown).toMatch(/\| Time to resolve \(resolved − started\) \| 2 \| 1 h 30 min \| 1 h 54 min \|/);
  });

  it("works on the bundled example records", async () => {
    const json = JSON.parse((await runCliInProcess(["metrics", "--json"], { cwd: examples.dir })).stdout);
    expect(json.overall.incidents.count).toBeGreaterThan(10);
    expect(json.overall.durations.ttr.n).toBeGreaterThan(10);
    expect(json.overall.action_items.total).toBeGreaterThan(10);
    expect(json.history.commits).toBe(1);
  });

  it("refuses a shallow clone (exit 2) and says to fetch full history", () => {
    const clone = shallowClone(scenario.dir, 1);
    try {
      for (const command of ["metrics", "report"]) {
        const result = runCli([command], { cwd: clone.dir });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr).toContain("is a shallow clone");
        expect(result.stderr).toContain("fetch-depth: 0");
      }
    } finally {
      clone.cleanup();
    }
  });

  it("refuses invalid records (exit 1) rather than computing from part of them", async () => {
    const broken = path.join(scenario.dir, "incidents/2026/2026-03-30-broken.md");
    writeFileSync(broken, "---\ntitle: [broken\n---\n");
    try {
      const result = await runCliInProcess(["metrics", "--json"], { cwd: scenario.dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("incidents/2026/2026-03-30-broken.md");
    } finally {
      rmSync(broken);
    }
  });

  it("needs git history: a plain folder and a repository without commits are clear errors", async () => {
    const noGit = await runCliInProcess(["metrics"], { cwd: plain.dir });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain("is not inside a git repository");
    const copy = copyExampleRepo("sitrep-nocommit-");
    const empty = createGitRepo({ dir: copy.dir });
    try {
      const result = await runCliInProcess(["metrics"], { cwd: empty.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("has no commits yet");
      expect(result.stderr).toContain("hint: Commit the records first");
    } finally {
      empty.cleanup();
    }
  });
});

describe("sitrep actions", () => {
  it("--json lists every item with owner, due, age and overdue", () => {
    const result = runCli(["actions", "--json"], { cwd: scenario.dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ version: 1, history: "git", history_note: null });
    expect(json.items.map((i: { key: string }) => i.key)).toEqual([
      "2026-03-02-api-outage/fix-retry",
      "2026-03-05-web-slow/b-item",
      "2026-03-02-api-outage/add-alert",
      "2026-03-05-web-slow/write-doc",
    ]);
    expect(json.items[0]).toMatchObject({ owner: "dana", due: "2026-04-01", overdue: true, days_overdue: 235, status: "open" });
    expect(json.summary).toMatchObject({ total: 4, open: 2, done: 2, overdue: 2 });
  });

  it("filters by owner, status and overdue", async () => {
    const overdue = JSON.parse((await runCliInProcess(["actions", "--json", "--overdue"], { cwd: scenario.dir })).stdout);
    expect(overdue.items).toHaveLength(2);
    expect(JSON.parse((await runCliInProcess(["actions", "--json", "--status", "done"], { cwd: scenario.dir })).stdout).items).toHaveLength(
      2,
    );
    expect(
      JSON.parse((await runCliInProcess(["actions", "--json", "--owner", "@nobody"], { cwd: scenario.dir })).stdout).items,
    ).toHaveLength(0);
    expect((await runCliInProcess(["actions", "--status", "closed"], { cwd: scenario.dir })).stderr).toContain("Unknown status `closed`");
    const table = (await runCliInProcess(["actions"], { cwd: scenario.dir })).stdout;
    expect(table).toMatch(/2026-03-02-api-outage\/fix-retry\s+dana\s+P2\s+open\s+2026-04-01\s+260 d\s+235 d overdue/);
  });

  it("works from the files alone outside git, and says so", async () => {
    const result = await runCliInProcess(["actions", "--json"], { cwd: plain.dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.history).toBe("none");
    expect(json.items.length).toBeGreaterThan(10);
    expect(json.items.every((i: { added_at_source: string | null }) => i.added_at_source !== "git")).toBe(true);
    expect(result.stderr).toContain("history was not read");
  });

  it("falls back to the files alone in a shallow clone instead of reporting wrong ages", async () => {
    const clone = shallowClone(scenario.dir, 1);
    try {
      const result = await runCliInProcess(["actions", "--json"], { cwd: clone.dir });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).history).toBe("none");
      expect(result.stderr).toContain("shallow clone");
    } finally {
      clone.cleanup();
    }
  });
});

describe("sitrep report", () => {
  it("writes the weekly Markdown report to a file", () => {
    const file = path.join(scenario.dir, "report-w12.md");
    const result = runCli(["report", "--week", "2026-W12", "--output", "report-w12.md"], { cwd: scenario.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Wrote the 2026-W12 report");
    expect(existsSync(file)).toBe(true);
    const markdown = readFileSync(file, "utf8");
    expect(markdown).toContain("# Incident review — 2026-W12");
    expect(markdown).toContain("## Action-item completion, last 8 weeks");
    expect(markdown).toContain("| 2026-W11 | 1 | 2 | 0 | 33 % |");
    expect(markdown).toContain("| 2026-W12 | 2 | 2 | 0 | 50 % |");
    expect(markdown).toContain("## Runbooks overdue for review");
  });

  it("prints to stdout by default, --json gives the data, and a bad week is a usage error", async () => {
    const week = await runCliInProcess(["report", "--week", "2026-W10"], { cwd: scenario.dir });
    expect(week.stdout).toContain("| 2026-03-05-web-slow — Web slow | SEV3 | 2026-03-05T10:00:00Z | 2 h |");
    const json = JSON.parse((await runCliInProcess(["report", "--week", "2026-W10", "--json"], { cwd: scenario.dir })).stdout);
    expect(json.week).toEqual({ label: "2026-W10", start: "2026-03-02T00:00:00Z", end: "2026-03-08T23:59:59Z" });
    const bad = await runCliInProcess(["report", "--week", "47"], { cwd: scenario.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("not an ISO week");
  });

  it("defaults to the last complete ISO week", async () => {
    // SITREP_NOW is Sunday 2026-11-22 (in W47), so the last complete week is W46.
    expect((await runCliInProcess(["report"], { cwd: examples.dir })).stdout).toContain("# Incident review — 2026-W46");
  });
});
