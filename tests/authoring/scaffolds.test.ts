// declare variants, maintenance and runbook on a copy of the examples: the files they write
// (their fields, kept comments and validity), collision-free ids across year folders, and --json.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-scaffolds-"));
});
afterAll(() => cleanup());

test("declare gives a taken id the next free suffix, across year folders", async () => {
  // Same id in another year folder (misfiled, but the id is taken all the same).
  mkdirSync(path.join(dir, "incidents/2025"), { recursive: true });
  writeFileSync(path.join(dir, "incidents/2025/2026-06-03-webhook-delays-2.md"), read("incidents/2026/2026-06-03-webhook-delays.md"));
  const args = [
    "declare",
    "--title",
    "Webhook delays",
    "--severity",
    "SEV3",
    "--component",
    "webhooks=degraded_performance",
    "--started-at",
    "2026-06-03T08:00:00Z",
    "--json",
  ];
  const first = await runCliInProcess(args, { cwd: dir });
  expect(first.code, first.stderr).toBe(0);
  expect(JSON.parse(first.stdout).id).toBe("2026-06-03-webhook-delays-3");
  const second = await runCliInProcess(args, { cwd: dir });
  expect(JSON.parse(second.stdout).path).toBe("incidents/2026/2026-06-03-webhook-delays-4.md");
});

test("declare --near-miss --internal --drill with a message and every role", async () => {
  const result = await runCliInProcess(
    [
      "declare",
      "--title",
      "Certificate for api.lumen.example nearly expired",
      "--severity",
      "SEV3",
      "--near-miss",
      "--internal",
      "--drill",
      "--status",
      "identified",
      "--message",
      "Renewal failed silently; renewing by hand.",
      "--detected-at",
      "2026-11-22T11:30:00+01:00",
      "--commander",
      "@kai-lindqvist",
      "--tech-lead",
      "femi-adeyemi",
      "--communications",
      "priya-n",
      "--scribe",
      "jonas-weber",
      "--runbook",
      "certificate-renewal",
    ],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const file = "incidents/2026/2026-11-22-certificate-for-api-lumen-example-nearly-expired.md";
  const written = recordFile(read(file), file);
  expect(written.data).toEqual({
    title: "Certificate for api.lumen.example nearly expired",
    type: "near_miss",
    severity: "SEV3",
    status: "identified",
    visibility: "internal",
    drill: true,
    // A near-miss has no customer impact: it starts when it was detected (given with an offset, stored in UTC).
    started_at: "2026-11-22T10:30:00Z",
    detected_at: "2026-11-22T10:30:00Z",
    roles: { commander: "kai-lindqvist", tech_lead: "femi-adeyemi", communications: "priya-n", scribe: "jonas-weber" },
    runbooks: ["certificate-renewal"],
    updates: [{ at: "2026-11-22T12:00:00Z", status: "identified", body: "Renewal failed silently; renewing by hand." }],
    timeline: [{ at: "2026-11-22T12:00:00Z", event: "Declared SEV3; kai-lindqvist is incident commander." }],
  });
  expect(written.body).toContain("<!-- Public description, shown on the incident's page when public");
  expect((await runCliInProcess(["validate", file, "--strict"], { cwd: dir })).code).toBe(0);
});

test("maintenance writes a scheduled window with its components under maintenance", async () => {
  const result = runCli(
    [
      "maintenance",
      "--title",
      "Ledger database upgrade",
      "--start",
      "2026-12-01T02:00+01:00",
      "--end",
      "+9d",
      "--component",
      "payouts",
      "--component",
      "reporting",
    ],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const written = recordFile(read("incidents/2026/2026-12-01-ledger-database-upgrade.md"));
  // In the site's zone (Europe/Berlin), as the page shows times: never UTC under a CET time.
  const announcement =
    "We will perform scheduled maintenance on Payouts and Reporting and Exports from 1 Dec 2026, 02:00 CET to 1 Dec 2026, 13:00 CET.";
  expect(written.data).toEqual({
    title: "Ledger database upgrade",
    type: "maintenance",
    status: "scheduled",
    components: { payouts: "under_maintenance", reporting: "under_maintenance" },
    // --start with an offset is stored in UTC.
    scheduled_start: "2026-12-01T01:00:00Z",
    scheduled_end: "2026-12-01T12:00:00Z",
    updates: [{ at: "2026-11-22T12:00:00Z", status: "scheduled", body: announcement }],
  });
  expect(written.body.trim()).toBe(announcement);
  expect((await runCliInProcess(["validate", "incidents/2026/2026-12-01-ledger-database-upgrade.md", "--strict"], { cwd: dir })).code).toBe(
    0,
  );
});

test("runbook scaffolds from the template", async () => {
  const result = runCli(
    [
      "runbook",
      "payout-replay",
      "--title",
      "Replay a failed payout batch",
      "--component",
      "payouts",
      "--owner",
      "payments-oncall",
      "--alert",
      "PayoutBatchFailed",
    ],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const written = recordFile(read("runbooks/payout-replay.md"));
  expect(written.data).toEqual({
    title: "Replay a failed payout batch",
    components: ["payouts"],
    owner: "payments-oncall",
    last_reviewed: "2026-11-22",
    alerts: ["PayoutBatchFailed"],
  });
  // The template's explanation of each field stays, above its field.
  expect(written.comments).toEqual([
    "# What the runbook is for, as an imperative sentence.",
    "# Component ids from sitrep.config.yaml that this runbook covers.",
    "# GitHub handle of the person or team that keeps it current.",
    "# YYYY-MM-DD on which someone last walked through it and confirmed it works.",
    "# Names of the alerts that link to this runbook.",
  ]);
  expect([...written.body.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(["Symptoms", "Diagnose", "Mitigate", "Verify", "Escalate"]);
  expect((await runCliInProcess(["validate", "runbooks/payout-replay.md", "--strict"], { cwd: dir })).code).toBe(0);
});

test("a repository-wide problem elsewhere does not block a declaration", async () => {
  // A broken, unrelated runbook: the on-call engineer must still be able to declare.
  writeFileSync(path.join(dir, "runbooks/broken.md"), "---\ntitle: Broken\n---\n");
  const result = await runCliInProcess(
    ["declare", "--title", "Login errors", "--severity", "SEV2", "--component", "identity=partial_outage"],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  expect((await runCliInProcess(["validate", "incidents/2026/2026-11-22-login-errors.md"], { cwd: dir })).code).toBe(0);
});

test("a mitigation time forgotten until after resolution can still be recorded, without a public update", async () => {
  const env = (time: string) => ({ env: { SITREP_NOW: time }, cwd: dir });
  expect(
    (
      await runCliInProcess(
        [
          "declare",
          "--title",
          "Search slow",
          "--severity",
          "SEV3",
          "--component",
          "merchant-dashboard=degraded_performance",
          "--started-at",
          "-30m",
        ],
        env("2026-11-22T08:00:00Z"),
      )
    ).code,
  ).toBe(0);
  expect((await runCliInProcess(["resolve", "2026-11-22-search-slow"], env("2026-11-22T09:00:00Z"))).code).toBe(0);
  const refused = await runCliInProcess(
    ["mitigate", "2026-11-22-search-slow", "--at", "-40m", "--message", "Fixed."],
    env("2026-11-22T10:00:00Z"),
  );
  expect(refused.stderr).toMatch(/already resolved, so --message would post an update after the final one/);
  expect(refused.code).toBe(2);
  const recorded = await runCliInProcess(
    ["mitigate", "2026-11-22-search-slow", "--at", "2026-11-22T08:40:00Z"],
    env("2026-11-22T10:00:00Z"),
  );
  expect(recorded.code, recorded.stderr).toBe(0);
  const text = read("incidents/2026/2026-11-22-search-slow.md");
  expect(text).toContain("detected_at: 2026-11-22T08:00:00Z\nmitigated_at: 2026-11-22T08:40:00Z\nresolved_at: 2026-11-22T09:00:00Z\n");
  expect(text).toContain(
    '  - at: 2026-11-22T08:40:00Z\n    event: "Mitigated: customer impact stopped."\n  - at: 2026-11-22T09:00:00Z\n    event: Resolved.\n',
  );
});

test("a late update is written, with the cadence warning on stderr", async () => {
  const env = (time: string) => ({ env: { SITREP_NOW: time }, cwd: dir });
  expect(
    (
      await runCliInProcess(
        ["declare", "--title", "Payouts failing", "--severity", "SEV1", "--component", "payouts=major_outage"],
        env("2026-11-22T07:00:00Z"),
      )
    ).code,
  ).toBe(0);
  const late = await runCliInProcess(
    ["update", "2026-11-22-payouts-failing", "--message", "Still investigating."],
    env("2026-11-22T07:40:00Z"),
  );
  expect(late.code, late.stderr).toBe(0);
  expect(late.stdout).toContain("Posted an update (investigating) to 2026-11-22-payouts-failing");
  expect(late.stderr).toMatch(
    /warning {2}40 minutes passed between updates 0 and 1; SEV1 expects an update every 15 minutes\. {2}update-cadence/,
  );
  const json = JSON.parse(
    (
      await runCliInProcess(
        ["update", "2026-11-22-payouts-failing", "--message", "Next update in 15 minutes.", "--json"],
        env("2026-11-22T07:45:00Z"),
      )
    ).stdout,
  );
  // Warnings are about the file as written: the earlier gap is still there, and no new one.
  expect(json.warnings.map((w: { rule: string; path: unknown[] }) => [w.rule, w.path])).toEqual([["update-cadence", ["updates", 1, "at"]]]);
  expect(json.record.updates).toHaveLength(3);
});
