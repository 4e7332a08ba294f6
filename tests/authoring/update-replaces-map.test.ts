// `sitrep update -c` on a hand-written record: each update's component map REPLACES the previous
// one (the schema, the status page and the API read it so), so the full map the command writes
// must start from the latest map, not from a merge of all of them. A merge brought back outages
// that had ended.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parse } from "yaml";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";

const ID = "2026-11-22-vault-and-payouts";
const FILE = `incidents/2026/${ID}.md`;
const RECORD = `---
title: Card vault and payouts failing
severity: SEV2
status: identified
components:
  card-vault: major_outage
  payouts: partial_outage
started_at: 2026-11-22T10:00:00Z
detected_at: 2026-11-22T10:02:00Z
updates:
  - at: 2026-11-22T10:05:00Z
    status: investigating
    body: Card vault and payouts are failing.
  # Written by hand: payouts recovered, so this map leaves it out.
  - at: 2026-11-22T10:30:00Z
    status: identified
    body: Payouts have recovered; the card vault is still down.
    components:
      card-vault: major_outage
---

Hand-written record.
`;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-update-map-"));
  writeFileSync(path.join(dir, FILE), RECORD);
});
afterAll(() => cleanup());

test("update -c keeps a component that recovered earlier recovered", async () => {
  const result = await runCliInProcess(
    ["update", ID, "-m", "The vault is degraded now.", "-c", "card-vault=degraded_performance", "--at", "2026-11-22T11:00:00Z"],
    {
      cwd: dir,
      env: { SITREP_NOW: "2026-11-22T11:05:00Z" },
    },
  );
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const text = readFileSync(path.join(dir, FILE), "utf8");
  const data = parse(text.split("---\n")[1]) as { updates: { components?: Record<string, string> }[] };
  expect(data.updates.at(-1)?.components).toEqual({ "card-vault": "degraded_performance" });

  // The record the command wrote still validates.
  const validated = await runCliInProcess(["validate", "--format", "json"], { cwd: dir, env: { SITREP_NOW: "2026-11-22T11:05:00Z" } });
  expect(JSON.parse(validated.stdout).summary.errors).toBe(0);
});
