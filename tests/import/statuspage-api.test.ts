// `sitrep import statuspage` over HTTP, against a local server that behaves like Statuspage
// (testkit/statuspage-server.ts): the Manage API paged 100 at a time with an API key, 429 with
// retry-after and 5xx retried, 401 explained; and a public page's v2 API (its 50 newest).
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyRecordsRepo, SYNTHETIC_COMPONENTS, syntheticIncidents } from "../../testkit/statuspage-export.ts";
import { startStatuspageServer, type StatuspageServer } from "../../testkit/statuspage-server.ts";
import { runCliAsync } from "../helpers/github-cli.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

const COUNT = 230;
let server: StatuspageServer;
const dirs: string[] = [];

beforeAll(async () => {
  server = await startStatuspageServer({
    incidents: syntheticIncidents(COUNT),
    components: SYNTHETIC_COMPONENTS,
    pageId: "page0000001",
    apiKey: "k3y",
  });
});
afterAll(async () => {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function repo(): string {
  const dir = emptyRecordsRepo();
  dirs.push(dir);
  return dir;
}

function incidentFiles(dir: string): string[] {
  const root = path.join(dir, "incidents");
  return readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
}

const manageArgs = (args: string[]) => [
  "import",
  "statuspage",
  "--page-id",
  "page0000001",
  "--api-url",
  `${server.url}/v1`,
  "--json",
  ...args,
];
const manageEnv = (env: Record<string, string>) => ({ STATUSPAGE_API_KEY: "k3y", SITREP_IMPORT_BACKOFF_MS: "10", ...env });
// Async: the server runs in this process, and spawnSync would block it from answering. The first
// import is a real process; the rerun and the failures run in the test's process.
const manage = (dir: string, env: Record<string, string> = {}, args: string[] = []) =>
  runCliAsync(manageArgs(args), { cwd: dir, env: manageEnv(env) });
const manageInProcess = (dir: string, env: Record<string, string> = {}, args: string[] = []) =>
  runCliInProcess(manageArgs(args), { cwd: dir, env: manageEnv(env) });

describe("the Manage API", () => {
  it("reads every page of incidents, retrying a 429 after its retry-after and a 500, and imports them all", async () => {
    server.requests.length = 0;
    server.faults.length = 0;
    server.faults.push(
      { match: "GET /v1/pages/page0000001/incidents", nth: 2, kind: "secondary-rate-limit", status: 429, retryAfter: 1 },
      { match: "GET /v1/pages/page0000001/components", kind: "status", status: 502 },
    );
    const dir = repo();
    const run = await manage(dir);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.counts.create).toBe(COUNT);
    expect(incidentFiles(dir)).toHaveLength(COUNT);
    const pages = server.requests.filter((r) => r.path.endsWith("/incidents")).map((r) => `${r.query.page}:${r.status}`);
    expect(pages).toEqual(["1:200", "2:429", "2:200", "3:200"]);
    expect(server.requests.filter((r) => r.path.endsWith("/components")).map((r) => r.status)).toEqual([502, 200]);
    expect(run.stderr).toMatch(/warning: GET .*\/incidents\?page=2&per_page=100: HTTP 429; retrying in 1 s/);
    expect(result.components.added.map((c: any) => c.id)).toEqual(["hosted-checkout", "dashboard"]);
    expect((await runCliInProcess(["validate"], { cwd: dir })).code).toBe(0);

    server.faults.length = 0;
    const again = await manageInProcess(dir);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ create: 0, update: 0, unchanged: COUNT });
  });

  it("explains a refused key (401) and writes nothing", async () => {
    server.faults.length = 0;
    const dir = repo();
    const run = await manageInProcess(dir, { STATUSPAGE_API_KEY: "wrong" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/GET .*\/v1\/pages\/page0000001\/incidents\?page=1&per_page=100 was refused \(HTTP 401\)/);
    expect(run.stderr).toMatch(/set STATUSPAGE_API_KEY to an API key/);
    expect(incidentFiles(dir)).toEqual([]);
  });

  it("gives up after its retries on a server that keeps failing, and writes nothing", async () => {
    server.faults.length = 0;
    server.faults.push({ match: "GET /v1/pages/page0000001/incidents", kind: "status", status: 503, times: 10 });
    const dir = repo();
    const run = await manageInProcess(dir);
    server.faults.length = 0;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/failed: HTTP 503, 5 attempt\(s\)/);
    expect(run.stderr).toMatch(/nothing was written, and a rerun is safe/);
    expect(incidentFiles(dir)).toEqual([]);
  });

  it("needs STATUSPAGE_API_KEY", () => {
    const run = runCli(["import", "statuspage", "--page-id", "page0000001"], { cwd: repo(), env: { STATUSPAGE_API_KEY: "" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/needs STATUSPAGE_API_KEY/);
  });
});

describe("a public status page URL", () => {
  it("imports the 50 newest incidents and says where the rest are", async () => {
    server.faults.length = 0;
    const dir = repo();
    const run = await await runCliInProcess(["import", "statuspage", server.url, "--json"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.counts.create).toBe(50);
    expect(result.notes.join("\n")).toMatch(/only the 50 newest incidents; for the whole history use the Manage API/);
    expect((await runCliInProcess(["validate"], { cwd: dir })).code).toBe(0);
  });
});
