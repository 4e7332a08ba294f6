// `sitrep status` through the real CLI on a copy of the example organisation (site zone
// Europe/Berlin): the open incident with its next-update time, an overdue one marked, maintenance
// to come, and the same facts in --json.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;
const NOW = "2026-11-22T12:00:00Z";

beforeAll(async () => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-status-"));
  const declared = await runCliInProcess(
    [
      "declare",
      "--title",
      "Checkout errors for some merchants",
      "--severity",
      "SEV2",
      "-c",
      "checkout-api=partial_outage",
      "--commander",
      "akin-b",
      "--at",
      "-10m",
    ],
    { cwd: dir, env: { SITREP_NOW: NOW } },
  );
  expect(declared.code, declared.stderr).toBe(0);
});
afterAll(() => cleanup());

describe("sitrep status", () => {
  test("lists the open incidents with the next update due in the site's zone, overdue first and marked", () => {
    const result = runCli(["status"], { cwd: dir, env: { SITREP_NOW: NOW } });
    expect(result.code, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain("Times in Europe/Berlin (GMT+1); now 13:00.");
    expect(out).toContain("Open incidents (2):");
    // The payout incident (SEV3, every 60 min) last updated at 04:55Z: overdue, listed first, with the command to fix it.
    expect(out.indexOf("2026-11-21-payout-status-latency")).toBeLessThan(out.indexOf("2026-11-22-checkout-errors-for-some-merchants"));
    expect(out).toMatch(
      /next update OVERDUE by 6 h 5 min \(was due 06:55\)\n\s+npm run -s sitrep -- update 2026-11-21-payout-status-latency/,
    );
    // The new SEV2 (every 30 min), declared 10 minutes ago.
    expect(out).toMatch(
      /SEV2  2026-11-22-checkout-errors-for-some-merchants  investigating\n\s+Checkout errors for some merchants\n\s+commander akin-b · checkout-api partial outage\n\s+last update 12:50 \(10 min ago\) · next update due 13:20 \(in 20 min\)/,
    );
    expect(out).toMatch(
      /Maintenance \(1\):\n\n\s+2027-02-10-card-vault-hsm-migration  scheduled\n[^\n]*\n\s+window Feb 10, 2027 03:00 \(in 79 d 14 h\)/,
    );
  });

  test("--json carries the same facts, times in UTC", async () => {
    const result = await runCliInProcess(["status", "--json"], { cwd: dir, env: { SITREP_NOW: NOW } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ now: NOW, timezone: "Europe/Berlin", brokenFiles: 0 });
    const checkout = report.incidents.find((i: { id: string }) => i.id === "2026-11-22-checkout-errors-for-some-merchants");
    expect(checkout).toMatchObject({
      severity: "SEV2",
      status: "investigating",
      commander: "akin-b",
      components: { "checkout-api": "partial_outage" },
      lastUpdate: { at: "2026-11-22T11:50:00Z", status: "investigating" },
      nextUpdateDue: "2026-11-22T12:20:00Z",
      overdueMinutes: 0,
    });
    expect(report.incidents[0]).toMatchObject({ id: "2026-11-21-payout-status-latency", overdueMinutes: 365 });
    expect(report.maintenance.map((m: { id: string }) => m.id)).toEqual(["2027-02-10-card-vault-hsm-migration"]);
  });

  test("after resolving, nothing is open", async () => {
    for (const id of ["2026-11-22-checkout-errors-for-some-merchants", "2026-11-21-payout-status-latency"]) {
      expect((await runCliInProcess(["resolve", id], { cwd: dir, env: { SITREP_NOW: NOW } })).code).toBe(0);
    }
    const result = await runCliInProcess(["status"], { cwd: dir, env: { SITREP_NOW: NOW } });
    expect(result.stdout).toContain("No open incidents.");
  });
});
