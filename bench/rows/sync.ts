// `sitrep sync` of 1,000 action items (100 synthetic postmortems × 10 items) against the local
// GitHub REST server: API calls and wall time of the first run (creates everything) and of a
// second run (target: only the paginated list calls, no writes). Write pacing is off
// (SITREP_GITHUB_WRITE_INTERVAL_MS=0): against github.com the throttling plugin spaces writes
// ≥1 s apart (≥3 s for creates), so a real first run of 1,000 items takes ~50 minutes by design.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "../row.ts";
import { measureProcess } from "../row.ts";
import { startGithubServer } from "../../testkit/github-server.ts";
import { syntheticPostmortems, tempSyncRepo } from "../../testkit/github-records.ts";
import { githubEnv } from "../../testkit/github-env.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");

export async function run(): Promise<BenchRow[]> {
  const server = await startGithubServer();
  const repo = tempSyncRepo(syntheticPostmortems(100, 10));
  const env = { ...githubEnv(server.url), SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };
  const input = "1,000 open action items in 100 postmortems";
  try {
    const sync = async (label: string) => {
      server.resetLog();
      const m = await measureProcess(process.execPath, [cli, "sync"], { cwd: repo.dir, env });
      if (m.code !== 0) throw new Error(`sync (${label}) exited ${m.code}: ${m.stderr.slice(-500)}`);
      const writes = server.writes().length;
      const lists = server.requests.filter((r) => r.method === "GET" && r.path.endsWith("/issues")).length;
      return { m, calls: server.requests.length, writes, lists };
    };
    const first = await sync("first");
    const second = await sync("second");
    // The floor: loading and validating the same records, which every run does before any HTTP.
    const floor = await measureProcess(process.execPath, [cli, "validate"], { cwd: repo.dir, env });
    return [
      {
        name: "sync, first run",
        input,
        wallMs: first.m.wallMs,
        peakRssMb: first.m.peakRssMb,
        floorMs: floor.wallMs,
        note: `${first.calls} API calls (${first.writes} writes, ${first.lists} list pages); local server, write pacing off`,
      },
      {
        name: "sync, second run",
        input,
        wallMs: second.m.wallMs,
        peakRssMb: second.m.peakRssMb,
        floorMs: floor.wallMs,
        target: "list calls only, 0 writes",
        note: `${second.calls} API calls (${second.writes} writes, ${second.lists} list pages)`,
      },
    ];
  } finally {
    await server.close();
    repo.cleanup();
  }
}
