// An incident whose record knows only when it was detected (no `started_at`: nobody knows yet
// when impact began) starts at `detected_at` for everyone that asks when it started
// (model/incident-times.ts): the site's archive and status page, the Statuspage API, and
// `sitrep metrics --since`. It once appeared on the site but was dropped from `--since`.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import { createBuildContext } from "../../site/data/build-context.ts";
import { archiveMonths } from "../../site/data/views/status-view.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";
import { runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";

const ID = "2026-08-14-ledger-lag";
const INCIDENT = `---
title: Ledger balances lagging
severity: SEV3
status: resolved
components:
  checkout-api: degraded_performance
detected_at: 2026-08-14T09:20:00Z
resolved_at: 2026-08-14T10:05:00Z
updates:
  - at: 2026-08-14T09:30:00Z
    status: investigating
    body: Balances in the dashboard are up to ten minutes behind. We are investigating.
  - at: 2026-08-14T10:05:00Z
    status: resolved
    body: Balances are current again.
---
Balances shown in the dashboard lagged behind the ledger.
`;

let repo: GitRepo;
beforeAll(() => {
  repo = createGitRepo({ prefix: "sitrep-detected-only-" });
  copyFileSync(path.join(exampleOrgRoot, "sitrep.config.yaml"), path.join(repo.dir, "sitrep.config.yaml"));
  repo.commit("Config", "2026-08-01T09:00:00Z");
  repo.commit(`Declare ${ID}`, "2026-08-14T09:35:00Z", { [`incidents/2026/${ID}.md`]: INCIDENT });
});
afterAll(() => repo?.cleanup());

describe("an incident with only detected_at", () => {
  it("is in the site's archive under the month it was detected", () => {
    const context = createBuildContext({ SITREP_ROOT: repo.dir, SITREP_NOW: TEST_NOW, SITREP_AUDIENCE: "public" });
    const months = archiveMonths(context);
    expect(months.map((m) => [m.month, m.incidents.map((i) => i.id)])).toEqual([["2026-08", [ID]]]);
  });

  it("is in the Statuspage API, created when it was first posted", () => {
    const repository = loadRepository(repo.dir, { now: new Date(TEST_NOW) });
    const api = buildStatuspageApi(repository, { audience: "public", now: new Date(TEST_NOW) });
    const incidents = (api["incidents.json"] as { incidents: { name: string; status: string }[] }).incidents;
    expect(incidents.map((i) => [i.name, i.status])).toEqual([["Ledger balances lagging", "resolved"]]);
  });

  it("is counted by `sitrep metrics --since` a day before it was detected, and not by one after", async () => {
    const count = async (since: string) => {
      const result = await runCliInProcess(["metrics", "--since", since, "--json"], { cwd: repo.dir, env: { SITREP_NOW: TEST_NOW } });
      expect(result.stderr).toBe("");
      return JSON.parse(result.stdout).overall.incidents.count as number;
    };
    expect(await count("2026-08-13")).toBe(1);
    expect(await count("2026-08-15")).toBe(0);
  });

  it("has no time to detect or resolve: those count from started_at, which nobody recorded", async () => {
    const result = await runCliInProcess(["metrics", "--json"], { cwd: repo.dir, env: { SITREP_NOW: TEST_NOW } });
    const report = JSON.parse(result.stdout);
    expect([report.overall.incidents.count, report.overall.durations.ttd.n, report.overall.durations.ttr.n]).toEqual([1, 0, 0]);
  });
});
