// Wrong input gives a clear error, a non-zero exit and no change at all to the repository
// (compared by hashing every file before and after).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;

function snapshotTree(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, full);
    hashes[key] = entry.isFile() ? createHash("sha256").update(readFileSync(full)).digest("hex") : "dir";
  }
  return hashes;
}

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-bad-flags-"));
});
afterAll(() => cleanup());

const OPEN = "2026-11-21-payout-status-latency";
const DECLARE = ["declare", "--title", "Checkout errors", "--severity", "SEV2", "--component", "checkout-api=partial_outage"];

const cases: { name: string; args: string[]; code: number; error: RegExp; hint?: RegExp }[] = [
  {
    name: "unknown severity",
    args: ["declare", "--title", "X", "--severity", "SEV7", "--component", "checkout-api=partial_outage"],
    code: 2,
    error: /error: --severity: unknown severity `SEV7`\./,
    hint: /Severities in sitrep\.config\.yaml: SEV1 \(Critical\), SEV2 \(Major\)/,
  },
  {
    name: "unknown component",
    args: ["declare", "--title", "X", "--severity", "SEV2", "--component", "chekout-api=partial_outage"],
    code: 2,
    error: /error: --component: unknown component `chekout-api`\./,
    hint: /hint: Did you mean `checkout-api`\?/,
  },
  {
    name: "unknown impact",
    args: ["declare", "--title", "X", "--severity", "SEV2", "--component", "checkout-api=down"],
    code: 2,
    error: /error: --component checkout-api: unknown impact `down`\./,
    hint: /degraded_performance, partial_outage, major_outage/,
  },
  {
    name: "time that is not a time",
    args: [...DECLARE, "--started-at", "yesterday"],
    code: 2,
    error: /error: --started-at is `yesterday`, not a time sitrep understands\./,
    hint: /RFC 3339 with an offset/,
  },
  {
    name: "time without an offset",
    args: [...DECLARE, "--detected-at", "2026-11-22T10:00"],
    code: 2,
    error: /error: --detected-at is `2026-11-22T10:00`, a date and time without an offset\./,
    hint: /e\.g\. `2026-11-22T10:00\+01:00` for Europe\/Berlin, `2026-11-22T10:00Z` for UTC/,
  },
  {
    name: "missing --title without a TTY",
    args: ["declare", "--severity", "SEV2", "--component", "checkout-api=partial_outage"],
    code: 2,
    error: /error: Missing --title\./,
    hint: /stdin is not a terminal/,
  },
  {
    name: "update on an unknown id",
    args: ["update", "2026-11-21-payout-stauts-latency", "--message", "x"],
    code: 2,
    error: /error: No incident with id `2026-11-21-payout-stauts-latency`/,
    hint: /Did you mean `2026-11-21-payout-status-latency`\?/,
  },
  {
    name: "acknowledge without an id",
    args: ["acknowledge", "--by", "ines"],
    code: 2,
    error: /error: Missing the incident id\./,
    hint: /sitrep acknowledge <id>/,
  },
  {
    name: "update on a short id that names several incidents",
    args: ["update", "checkout", "--message", "x"],
    code: 2,
    error: /error: `checkout` matches \d+ incidents: 2026-11-17-checkout-elevated-errors, 2026-05-19-checkout-outage/,
    hint: /Give more of the id/,
  },
  { name: "update without --message", args: ["update", OPEN], code: 2, error: /error: Missing --message\./ },
  {
    name: "update with a status of another type",
    args: ["update", OPEN, "--status", "in_progress", "--message", "x"],
    code: 2,
    error: /error: --status: `in_progress` is not a status for an incident\./,
  },
  {
    name: "update that would resolve",
    args: ["update", OPEN, "--status", "resolved", "--message", "x"],
    code: 2,
    error: /error: `update` does not resolve incidents\./,
    hint: /sitrep -- resolve/,
  },
  {
    name: "update dated before the incident started",
    args: ["update", OPEN, "--message", "x", "--at", "2026-11-21T04:00:00Z"],
    code: 1,
    error:
      /error: Nothing was written: incidents\/2026\/2026-11-21-payout-status-latency\.md would not validate[\s\S]*The first update \(2026-11-21T04:00:00Z\) is before the incident started[\s\S]*updates-ordered/,
  },
  {
    name: "resolve before mitigation",
    args: ["resolve", OPEN, "--at", "2026-11-21T23:00:00Z"],
    code: 1,
    error: /Nothing was written[\s\S]*`resolved_at` \(2026-11-21T23:00:00Z\) is before `mitigated_at`/,
  },
  {
    name: "a milestone in the future",
    args: [...DECLARE, "--started-at", "2026-11-22T13:00:00+00:00"],
    code: 2,
    error: /error: --started-at `2026-11-22T13:00:00\+00:00` is 2026-11-22T13:00:00Z, in the future \(now is 2026-11-22T12:00:00Z\)\./,
    hint: /Check the offset/,
  },
  {
    name: "acknowledge again at another time",
    args: ["acknowledge", OPEN, "--at", "-1h"],
    code: 2,
    error: /already acknowledged at 2026-11-21T21:58:00Z, not 2026-11-22T11:00:00Z/,
    hint: /edit `acknowledged_at`/,
  },
  {
    name: "every missing declare flag at once, with what each takes",
    args: ["declare"],
    code: 2,
    error: /error: Missing --title, --severity and --component\./,
    hint: /--severity: SEV1 \(Critical\), SEV2 \(Major\), SEV3 \(Minor\), SEV4 \(Low\)\n\s+--component: <id>=<impact>; ids: checkout-api, hosted-checkout,[^\n]*payouts/,
  },
  {
    name: "-s is --severity in update too, and says so when given a status",
    args: ["update", OPEN, "-s", "identified", "-m", "x"],
    code: 2,
    error: /error: --severity: unknown severity `identified`\./,
    hint: /`-s` is short for --severity in every command; for the status write `--status identified`/,
  },
  {
    name: "maintenance with id=impact",
    args: [
      "maintenance",
      "--title",
      "Upgrade",
      "--start",
      "2026-12-01T01:00:00Z",
      "--end",
      "2026-12-01T03:00:00Z",
      "--component",
      "payouts=major_outage",
    ],
    code: 2,
    error: /error: --component `payouts=major_outage`: maintenance takes component ids, not <id>=<impact>\./,
    hint: /write --component payouts/,
  },
  {
    name: "maintenance window already over",
    args: [
      "maintenance",
      "--title",
      "Upgrade",
      "--start",
      "2026-11-20T01:00:00Z",
      "--end",
      "2026-11-20T03:00:00Z",
      "--component",
      "payouts",
    ],
    code: 2,
    error:
      /error: The window 2026-11-20T01:00:00Z – 2026-11-20T03:00:00Z is already over \(now is 2026-11-22T12:00:00Z\), so it cannot be scheduled\./,
  },
  {
    name: "a mistyped command",
    args: ["valdate"],
    code: 2,
    error: /error: Unknown command `valdate`\./,
    hint: /hint: Did you mean `sitrep validate`\? Commands: init, declare/,
  },
  {
    name: "postmortem that exists",
    args: ["postmortem", "2026-11-17-checkout-elevated-errors"],
    code: 2,
    error: /already has a postmortem: postmortems\/2026-11-17-checkout-elevated-errors\.md/,
  },
  {
    name: "maintenance that ends before it starts",
    args: [
      "maintenance",
      "--title",
      "Upgrade",
      "--start",
      "2026-12-01T03:00:00Z",
      "--end",
      "2026-12-01T01:00:00Z",
      "--component",
      "payouts",
    ],
    code: 2,
    error: /error: --end \(2026-12-01T01:00:00Z\) is not after --start/,
  },
  {
    name: "runbook with an unknown component",
    args: ["runbook", "new-book", "--title", "T", "--component", "payout", "--owner", "me"],
    code: 2,
    error: /unknown component `payout`/,
    hint: /Did you mean `payouts`\?/,
  },
  {
    name: "runbook without --owner",
    args: ["runbook", "new-book", "--title", "T", "--component", "payouts"],
    code: 2,
    error: /error: Missing --owner\./,
  },
  { name: "unknown flag", args: ["declare", "--titel", "X"], code: 2, error: /error: Unknown option '--titel'/ },
];

// The first usage error (exit 2) and the first refused write (exit 1) run the real CLI as a
// subprocess, as a user runs it; the others run it in the test's process (no Node start-up).
const SUBPROCESS = new Set([cases[0].name, cases.find((c) => c.code === 1)?.name]);

describe("bad input writes nothing", () => {
  test.each(cases)("$name", async ({ name, args, code, error, hint }) => {
    const before = snapshotTree(dir);
    const result = SUBPROCESS.has(name) ? runCli(args, { cwd: dir }) : await runCliInProcess(args, { cwd: dir });
    expect(result.stderr).toMatch(error);
    if (hint) expect(result.stderr).toMatch(hint);
    expect(result.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe("");
    expect(snapshotTree(dir)).toEqual(before);
  });
});

test("init refuses a repository with records of its own, and --force keeps them", async () => {
  const copy = copyExampleRepo("sitrep-init-refuses-");
  try {
    const declared = await runCliInProcess(DECLARE, { cwd: copy.dir });
    expect(declared.code, declared.stderr).toBe(0);
    const before = snapshotTree(copy.dir);
    const init = ["init", "--title", "Acme Status", "--url", "https://status.acme.example", "--component", "checkout-api=Checkout API"];
    const refused = runCli(init, { cwd: copy.dir });
    expect(refused.stderr).toMatch(
      /error: This repository already has 1 record\(s\) of its own \(incidents\/2026\/2026-11-22-checkout-errors\.md\)/,
    );
    expect(refused.stderr).toMatch(/hint: Run init with --force/);
    expect(refused.code).toBe(1);
    expect(snapshotTree(copy.dir)).toEqual(before);

    const forced = await runCliInProcess([...init, "--force"], { cwd: copy.dir });
    expect(forced.code, forced.stderr).toBe(0);
    const after = snapshotTree(copy.dir);
    expect(after["incidents/2026/2026-11-22-checkout-errors.md"]).toBe(before["incidents/2026/2026-11-22-checkout-errors.md"]);
    expect(Object.keys(after).filter((f) => f.endsWith(".md") && !/README|_template/.test(f))).toEqual([
      "incidents/2026/2026-11-22-checkout-errors.md",
    ]);
    expect((await runCliInProcess(["validate"], { cwd: copy.dir })).code).toBe(0);
  } finally {
    copy.cleanup();
  }
});
