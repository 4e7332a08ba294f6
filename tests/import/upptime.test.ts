// `sitrep import upptime <repository folder>`: .upptimerc.yml from the folder, the incident issues
// (label `status`, both states, paged) and their comments from the local GitHub API
// (testkit/github-server.ts), as Upptime's monitor writes them. One record per issue, the site's
// slug label → component, "🛑 … is down" → major outage, "**Resolved:**" → resolved; validate
// passes; a second import changes nothing.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { githubEnv } from "../../testkit/github-env.ts";
import { startGithubServer, type GithubServer } from "../../testkit/github-server.ts";
import { emptyRecordsRepo } from "../../testkit/statuspage-export.ts";
import { repoRoot, runCliInProcess } from "../helpers/run-cli.ts";

const folder = path.join(repoRoot, "tests/fixtures/import/upptime");
let server: GithubServer;
let dir: string;

beforeAll(async () => {
  server = await startGithubServer({ owner: "acme", repo: "upptime" });
  server.seedIssue({
    number: 1,
    title: "🛑 Checkout API is down",
    labels: ["status", "checkout-api"],
    state: "closed",
    createdAt: "2026-10-01T10:00:00Z",
    closedAt: "2026-10-01T10:25:00Z",
    body: "In [`a1b2c3d`](https://github.com/acme/upptime/commit/a1b2c3d), Checkout API (https://api.acme.example/health) was **down**:\n- HTTP code: 502\n- Response time: 0 ms\n",
    comments: [
      "We are looking into it.",
      "**Resolved:** Checkout API is back up in [`d4e5f6a`](https://github.com/acme/upptime/commit/d4e5f6a).",
    ],
    commentTimes: ["2026-10-01T10:10:00Z", "2026-10-01T10:25:00Z"],
  });
  server.seedIssue({
    number: 2,
    title: "⚠️ Marketing Site has degraded performance",
    labels: ["status", "marketing-site"],
    state: "closed",
    createdAt: "2026-10-05T08:00:00Z",
    closedAt: "2026-10-05T09:00:00Z",
    body: "Marketing Site is slow.",
    comments: [],
  });
  server.seedIssue({
    number: 3,
    title: "🛑 Checkout API is down",
    labels: ["status", "checkout-api"],
    state: "open",
    createdAt: "2026-11-22T11:00:00Z",
    body: "Checkout API was **down**.",
    comments: [],
  });
  server.seedIssue({ number: 4, title: "Add a new site", labels: ["enhancement"], state: "open", createdAt: "2026-11-01T00:00:00Z" });
  dir = emptyRecordsRepo("sitrep-upptime-");
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function records(): Map<string, any> {
  const root = path.join(dir, "incidents");
  const out = new Map<string, any>();
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"))) {
    const data = parse(readFileSync(path.join(root, file), "utf8").split(/^---$/m)[1]);
    out.set(data.source, data);
  }
  return out;
}

describe("sitrep import upptime", () => {
  it("makes one record per status issue with its site, impact, updates and resolution", async () => {
    // In the test's process (it answers the local GitHub API meanwhile); `import` as a process: statuspage-api.test.ts.
    const run = await runCliInProcess(["import", "upptime", folder, "--json"], {
      cwd: dir,
      env: githubEnv(server.url, { GITHUB_REPOSITORY: undefined }),
    });
    expect(run.code, run.stderr).toBe(0);
    const all = records();
    expect([...all.keys()].sort()).toEqual(["upptime:1", "upptime:2", "upptime:3"]);
    expect(all.get("upptime:1")).toMatchObject({
      title: "Checkout API is down",
      severity: "SEV1",
      status: "resolved",
      started_at: "2026-10-01T10:00:00Z",
      resolved_at: "2026-10-01T10:25:00Z",
      components: { "checkout-api": "major_outage" },
    });
    expect(all.get("upptime:1").updates.map((u: any) => u.status)).toEqual(["investigating", "investigating", "resolved"]);
    expect(all.get("upptime:2")).toMatchObject({
      severity: "SEV3",
      status: "resolved",
      resolved_at: "2026-10-05T09:00:00Z",
      components: { "marketing-site": "degraded_performance" },
    });
    expect(all.get("upptime:2").updates.at(-1)).toMatchObject({ status: "resolved", body: "The issue was closed." });
    expect(all.get("upptime:3")).toMatchObject({ status: "investigating" });
    expect(all.get("upptime:3").resolved_at).toBeUndefined();
    const config = parse(readFileSync(path.join(dir, "sitrep.config.yaml"), "utf8"));
    expect(config.components.map((c: any) => c.id)).toEqual(["checkout-api", "merchant-dashboard", "marketing-site"]);
    expect(
      server.requests.some((r) => r.path === "/repos/acme/upptime/issues" && r.query.labels === "status" && r.query.state === "all"),
    ).toBe(true);
  });

  it("writes records that validate, and a second import changes nothing", async () => {
    const validate = await await runCliInProcess(["validate", "--format", "json"], { cwd: dir });
    expect(validate.code, validate.stdout).toBe(0);
    const before = records();
    const again = await await runCliInProcess(["import", "upptime", folder, "--json"], {
      cwd: dir,
      env: githubEnv(server.url, { GITHUB_REPOSITORY: undefined }),
    });
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { create: 0, update: 0, unchanged: 3 }, written: [] });
    expect(records()).toEqual(before);
  });
});
