// After the first minute: severity, title and roles change by command (noted in the timeline),
// late updates land in time order, a no-op exits 0 with a note, and the guard rails of declare
// and maintenance. Every step drives the real CLI on a copy of the example records.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

const OPEN = "2026-11-21-payout-status-latency";
const FILE = `incidents/2026/${OPEN}.md`;
let dir: string;
let cleanup: () => void;
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-change-"));
  // A hand-written comment on the line a command changes, and one elsewhere.
  const text = read(FILE)
    .replace("severity: SEV3\n", "severity: SEV3   # raised if the dashboard stays slow\n")
    .replace("roles:\n", "# who is on it\nroles:\n");
  writeFileSync(path.join(dir, FILE), text);
});
afterAll(() => cleanup());

test("update changes severity, title and roles without a public update, each noted in the timeline, comments kept", async () => {
  const before = read(FILE);
  const result = await runCliInProcess(
    ["update", OPEN, "-s", "sev4", "-t", "Slow payout status", "--commander", "@akin-b", "--scribe", "noor-haddad"],
    { cwd: dir },
  );
  // The open incident's last public update is hours old at TEST_NOW: the only thing on stderr is that cadence warning.
  expect(result.stderr).not.toMatch(/\berror\b/i);
  expect(result.stderr).toMatch(/last update was \d+ minutes ago/);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("✔ Updated 2026-11-21-payout-status-latency");
  const after = read(FILE);
  expect(after).toContain("title: Slow payout status\nseverity: SEV4   # raised if the dashboard stays slow\n");
  expect(after).toContain(
    "# who is on it\nroles:\n  commander: akin-b\n  tech_lead: akin-b\n  communications: noor-haddad\n  scribe: noor-haddad\n",
  );
  expect(after).toContain(
    [
      "  - at: 2026-11-22T12:00:00Z",
      "    event: Severity SEV3 → SEV4.",
      "  - at: 2026-11-22T12:00:00Z",
      "    event: Title changed from “Slow payout status in the API and dashboard” to “Slow payout status”.",
      "  - at: 2026-11-22T12:00:00Z",
      "    event: akin-b is now incident commander (was ines-carvalho).",
      "  - at: 2026-11-22T12:00:00Z",
      "    event: noor-haddad is now scribe (was lena-kovac).",
    ].join("\n"),
  );
  // No public update: the updates list is untouched, byte for byte.
  const updates = (text: string) => text.slice(text.indexOf("updates:"), text.indexOf("timeline:"));
  expect(updates(after)).toBe(updates(before));
  expect((await runCliInProcess(["validate", FILE], { cwd: dir })).code).toBe(0);
});

test("an update dated before the last one is inserted in time order and leaves the status to the latest", async () => {
  const result = await runCliInProcess(
    ["update", OPEN, "--status", "Identified", "-m", "Recorded late.", "--at", "2026-11-22T03:30:00Z", "-c", "payouts=Partial_Outage"],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const after = read(FILE);
  expect(after).toContain(
    [
      "    body: Replica rebuild about 85 % complete. No impact on payouts.",
      "  - at: 2026-11-22T03:30:00Z",
      "    status: identified",
      "    body: Recorded late.",
      "    components:",
      "      payouts: partial_outage",
      "      public-api: operational",
      "  - at: 2026-11-22T04:10:00Z",
    ].join("\n"),
  );
  expect(after).toMatch(/^status: monitoring$/m);
  expect(after).toContain("components:\n  payouts: partial_outage\n  public-api: degraded_performance\n");
});

test("a no-op exits 0, writes nothing and says why; --json says it too", async () => {
  const cases: [string[], RegExp][] = [
    [
      ["resolve", "2026-11-17-checkout-elevated-errors"],
      /^· Nothing to do: 2026-11-17-checkout-elevated-errors is already resolved; incidents\/2026\/2026-11-17-checkout-elevated-errors\.md was not changed\./,
    ],
    [["acknowledge", OPEN], /^· Nothing to do: 2026-11-21-payout-status-latency was already acknowledged at 2026-11-21T21:58:00Z/],
    [["mitigate", OPEN, "--at", "2026-11-22T00:20:00Z"], /^· Nothing to do: 2026-11-21-payout-status-latency was already mitigated/],
    [["update", OPEN, "--severity", "SEV4"], /^· Nothing to do: the severity, title and roles given are what the file already says/],
  ];
  // The first as a real process (the exit code and streams a user sees), the rest in the test's process.
  for (const [index, [args, summary]] of cases.entries()) {
    const file = args[1] === OPEN ? FILE : "incidents/2026/2026-11-17-checkout-elevated-errors.md";
    const before = read(file);
    const result = index === 0 ? runCli(args, { cwd: dir }) : await runCliInProcess(args, { cwd: dir });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(summary);
    expect(result.stdout).not.toContain("git commit");
    expect(read(file)).toBe(before);
  }
  const json = await runCliInProcess(["resolve", "2026-11-17-checkout-elevated-errors", "--json"], { cwd: dir });
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout)).toMatchObject({ written: [], note: expect.stringMatching(/^Nothing to do/) });
});

test("declare --at dates the declaration; a similar open incident is named; a near-miss talks of no public cadence", async () => {
  const first = await runCliInProcess(
    ["declare", "-t", "Checkout is down", "-s", "SEV2", "-c", "checkout-api=major_outage", "--at", "-10m"],
    { cwd: dir },
  );
  expect(first.code, first.stderr).toBe(0);
  const written = read("incidents/2026/2026-11-22-checkout-is-down.md");
  expect(written).toContain("started_at: 2026-11-22T11:50:00Z\ndetected_at: 2026-11-22T11:50:00Z\n");
  expect(written).toContain("updates:\n  - at: 2026-11-22T11:50:00Z\n");
  expect(first.stderr).toBe("");

  const second = await runCliInProcess(["declare", "-t", "Checkout down", "-s", "SEV2", "-c", "checkout-api=major_outage"], { cwd: dir });
  expect(second.code).toBe(0);
  expect(second.stderr).toMatch(
    /^warning: 2026-11-22-checkout-is-down \("Checkout is down"\) is open with a similar title and started within a day of this one\.\n\s+If it is the same problem, delete incidents\/2026\/2026-11-22-checkout-down\.md and post to that one: npm run -s sitrep -- update 2026-11-22-checkout-is-down/,
  );
  const unrelated = await runCliInProcess(
    ["declare", "-t", "Webhook deliveries delayed", "-s", "SEV3", "-c", "webhooks=degraded_performance"],
    { cwd: dir },
  );
  expect(unrelated.stderr).toBe("");

  const nearMiss = await runCliInProcess(["declare", "-t", "Certificate nearly expired", "-s", "SEV3", "--near-miss"], { cwd: dir });
  expect(nearMiss.code, nearMiss.stderr).toBe(0);
  expect(nearMiss.stdout).toContain("the near-miss is internal: merging it publishes nothing on the status page");
  expect(nearMiss.stdout).not.toMatch(/publishes the incident|every \d+ minutes/);
  expect(read("incidents/2026/2026-11-22-certificate-nearly-expired.md")).not.toMatch(/We will post an update/);
});

test("maintenance that has started is in_progress, and its edits branch as maintenance/", async () => {
  const started = await runCliInProcess(["maintenance", "-t", "Ledger upgrade", "--start", "-30m", "--end", "+1h", "-c", "payouts"], {
    cwd: dir,
  });
  expect(started.code, started.stderr).toBe(0);
  expect(started.stdout).toContain("✔ Started maintenance 2026-11-22-ledger-upgrade");
  expect(started.stdout).toContain("git switch -c maintenance/2026-11-22-ledger-upgrade\n");
  expect(read("incidents/2026/2026-11-22-ledger-upgrade.md")).toMatch(
    /^status: in_progress$[\s\S]*updates:\n  - at: 2026-11-22T12:00:00Z\n    status: in_progress\n/m,
  );
  const update = await runCliInProcess(["update", "2026-11-22-ledger-upgrade", "--status", "verifying", "-m", "Checking."], { cwd: dir });
  expect(update.code, update.stderr).toBe(0);
  expect(update.stdout).toContain("git switch -c maintenance/2026-11-22-ledger-upgrade-202611221200\n");
});
