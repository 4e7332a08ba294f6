// The CI summary of a change (base vs head records, from a real git repository) and the weekly
// review-issue upsert against the local GitHub server.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { repoRoot, runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";
import { startGithubServer } from "../../testkit/github-server.ts";
import type { GithubServer } from "../../testkit/github-server.ts";
import { githubEnv } from "../../testkit/github-env.ts";

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: "2026-11-20T10:00:00Z", GIT_COMMITTER_DATE: "2026-11-20T10:00:00Z" },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
};

/** The CLI through its launcher, as the workflows run it (`npx sitrep pr-summary`, `npx sitrep review-issue`). */
function runSitrep(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "scripts/sitrep.mjs"), ...args], {
      cwd,
      env: { ...process.env, SITREP_NOW: TEST_NOW, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The same run in this process (no Node start-up), for tests about what it says; each command keeps a subprocess test. */
const runSitrepInProcess = (args: string[], cwd: string, env: Record<string, string | undefined> = {}) =>
  runCliInProcess(args, { cwd, env });

describe("PR summary", () => {
  let repo: { dir: string; cleanup: () => void };
  let base: string;
  beforeAll(() => {
    repo = copyExampleRepo("sitrep-pr-summary-");
    git(repo.dir, "init", "-q", "-b", "main");
    git(repo.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git(repo.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
    base = git(repo.dir, "rev-parse", "HEAD");
    // The change: a new incident, a severity + status change, and a runbook removed.
    const declared = "incidents/2026/2026-11-22-search-latency.md";
    writeFileSync(
      path.join(repo.dir, declared),
      [
        "---",
        "title: Slow | searches",
        "severity: SEV3",
        "status: investigating",
        "components:",
        "  merchant-dashboard: degraded_performance",
        "started_at: 2026-11-22T09:00:00Z",
        "detected_at: 2026-11-22T09:05:00Z",
        "updates:",
        "  - at: 2026-11-22T09:10:00Z",
        "    status: investigating",
        "    body: Searches in the dashboard are slow.",
        "---",
        "",
        "Dashboard searches are slow.",
        "",
      ].join("\n"),
    );
    const changed = path.join(repo.dir, "incidents/2026/2026-06-03-webhook-delays.md");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("severity: SEV2", "severity: SEV1"));
  });
  afterAll(() => repo.cleanup());

  test("names what the change declares and updates, with severity, status and components", async () => {
    const run = await runSitrep(["pr-summary", "--base", base], repo.dir);
    expect(run.stderr.replace(/npm warn.*\n/g, "")).toBe("");
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md.startsWith("<!-- sitrep:pr-summary -->\n")).toBe(true);
    expect(md).toContain(
      "| 🆕 declares | Slow \\| searches (`incidents/2026/2026-11-22-search-latency.md`) | SEV3 | investigating | `merchant-dashboard: degraded_performance` |",
    );
    expect(md).toMatch(/\| 🔄 updates \| Delayed webhook deliveries .*\| SEV2 → SEV1 \| resolved \|/);
    // Untouched incidents are not listed.
    expect(md).not.toContain("2026-05-19-checkout-outage");
  });

  test("a resolution shows as resolves; no base (a new branch's zero SHA) lists everything as declared", async () => {
    const file = path.join(repo.dir, "incidents/2026/2026-11-22-search-latency.md");
    git(repo.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git(repo.dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "declare");
    const declaredAt = git(repo.dir, "rev-parse", "HEAD");
    const before = readFileSync(file, "utf8");
    writeFileSync(
      file,
      before
        .replace("status: investigating\ncomponents", "status: resolved\ncomponents")
        .replace("detected_at: 2026-11-22T09:05:00Z", "detected_at: 2026-11-22T09:05:00Z\nresolved_at: 2026-11-22T09:40:00Z")
        .replace(
          "    body: Searches in the dashboard are slow.",
          "    body: Searches in the dashboard are slow.\n  - at: 2026-11-22T09:40:00Z\n    status: resolved\n    body: Fixed.",
        ),
    );
    const run = await await runSitrepInProcess(["pr-summary", "--base", declaredAt], repo.dir);
    expect(run.stdout).toMatch(/\| ✅ resolves \| Slow \\\| searches .*\| SEV3 \| investigating → resolved \|/);
    expect(run.stdout).toMatch(/validation: no (errors|problems)/);
    rmSync(path.join(repo.dir, "runbooks", "checkout-rollback.md"));
    const zero = await await runSitrepInProcess(["pr-summary", "--base", "0000000000000000000000000000000000000000"], repo.dir);
    expect(zero.code).toBe(0);
    expect(zero.stdout.match(/🆕 declares/g)!.length).toBeGreaterThan(15);
  });
});

describe("weekly review issue", () => {
  let server: GithubServer;
  let repo: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    server = await startGithubServer();
    repo = copyExampleRepo("sitrep-review-");
  });
  afterAll(async () => {
    await server.close();
    repo.cleanup();
  });

  // The malformed week runs the real CLI (its exit code as the workflow sees it); the rest in this process.
  const upsert = (week: string, report: string, run = runSitrepInProcess) => {
    const file = path.join(repo.dir, `report-${week}.md`);
    writeFileSync(file, report);
    return run(["review-issue", "--week", week, "--file", file], repo.dir, githubEnv(server.url));
  };

  test("creates the issue once, finds it again by marker past the first page, updates it when the report changes", async () => {
    for (let i = 0; i < 120; i++)
      server.seedIssue({
        title: `Incident review 2024-W${String((i % 52) + 1).padStart(2, "0")}`,
        body: `<!-- sitrep:incident-review 2024-W${i} -->`,
        labels: ["incident-review"],
      });
    const first = await upsert("2026-W47", "# Week 47\n\nTwo incidents.");
    expect(first.stdout).toMatch(/Incident review 2026-W47: created #\d+/);
    const number = Number(/#(\d+)/.exec(first.stdout)![1]);
    expect(server.issues.get(number)!.title).toBe("Incident review 2026-W47");
    expect(server.issues.get(number)!.labels).toEqual(["incident-review"]);

    server.resetLog();
    const again = await upsert("2026-W47", "# Week 47\n\nTwo incidents.");
    expect(again.stdout).toContain(`unchanged #${number}`);
    expect(server.writes()).toEqual([]);
    expect(server.requests.filter((r) => r.path === "/repos/o/r/issues").length).toBe(2); // 121 issues: two pages

    const changed = await upsert("2026-W47", "# Week 47\n\nThree incidents.");
    expect(changed.stdout).toContain(`updated #${number}`);
    expect(server.issues.get(number)!.body).toContain("Three incidents.");
    expect([...server.issues.values()].filter((i) => i.title === "Incident review 2026-W47")).toHaveLength(1);
  });

  test("rejects a malformed week before calling GitHub", async () => {
    server.resetLog();
    const run = await upsert("2026-47", "x", runSitrep);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--week `2026-47` is not an ISO week.");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests).toEqual([]);
  });
});
