// Editing keeps what a person wrote: comments, key order, quoting, aligned trailing comments,
// the Markdown body byte for byte, and CRLF line endings. Runs the real CLI on a copy of the examples.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

const ID = "2026-11-21-payout-status-latency";
const FILE = `incidents/2026/${ID}.md`;
const CRLF_ID = "2027-02-10-card-vault-hsm-migration";

let dir: string;
let cleanup: () => void;
let original: string;
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");

/** The original file with a hand-written comment block, an aligned trailing comment and a quoted scalar. */
function handEdited(text: string): string {
  return text
    .replace("started_at: 2026-11-21T21:40:00Z\n", "# Impact start taken from the p95 graph, not the alert.\nstarted_at: 2026-11-21T21:40:00Z        # see dashboard PAY-7\n")
    .replace("title: Slow payout status in the API and dashboard\n", "title: 'Slow payout status in the API and dashboard'\n");
}

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-preserve-"));
  original = handEdited(read(FILE));
  writeFileSync(path.join(dir, FILE), original);
});
afterAll(() => cleanup());

test("update and resolve keep comments, quoting, key order and the body byte for byte", () => {
  const update = runCli(["update", ID, "--message", "Traffic is back on the rebuilt replica.", "--component", "payouts=operational", "--at", "2026-11-22T05:40:00Z"], { cwd: dir });
  expect(update.stderr).toBe("");
  expect(update.code).toBe(0);
  const resolve = runCli(["resolve", ID, "--message", "Payout status has been fast and current for six hours. This incident is resolved.", "--at", "2026-11-22T06:00:00Z"], { cwd: dir });
  expect(resolve.stderr).toBe("");
  expect(resolve.code).toBe(0);

  const after = read(FILE);
  const [, beforeYaml, beforeBody] = original.split(/^---\n/m);
  const [, afterYaml, afterBody] = after.split(/^---\n/m);
  expect(afterBody).toBe(beforeBody);
  // Every original line is still there, in the same order (only lines were added).
  const afterLines = afterYaml.split("\n");
  let cursor = 0;
  for (const line of beforeYaml.split("\n").filter((l) => !l.startsWith("status:") && l !== "")) {
    const found = afterLines.indexOf(line, cursor);
    expect(found, `line kept in order: ${line}`).toBeGreaterThanOrEqual(cursor);
    cursor = found + 1;
  }
  expect(afterYaml).toContain("# Impact start taken from the p95 graph, not the alert.\nstarted_at: 2026-11-21T21:40:00Z        # see dashboard PAY-7\n");
  expect(afterYaml).toContain("title: 'Slow payout status in the API and dashboard'\n");
  // What the two commands added, where they added it.
  const added = afterLines.filter((line) => !beforeYaml.split("\n").includes(line));
  expect(added).toMatchInlineSnapshot(`
    [
      "status: resolved",
      "resolved_at: 2026-11-22T06:00:00Z",
      "  - at: 2026-11-22T05:40:00Z",
      "    body: Traffic is back on the rebuilt replica.",
      "      payouts: operational",
      "  - at: 2026-11-22T06:00:00Z",
      "    status: resolved",
      "    body: Payout status has been fast and current for six hours. This incident is resolved.",
      "      payouts: operational",
      "  - at: 2026-11-22T06:00:00Z",
      "    event: Resolved.",
    ]
  `);
  expect(runCli(["validate", FILE], { cwd: dir }).code).toBe(0);
});

test("a CRLF file stays CRLF, body included", () => {
  const file = `incidents/2027/${CRLF_ID}.md`;
  const crlf = read(file).replace(/\r?\n/g, "\r\n");
  writeFileSync(path.join(dir, file), crlf);
  const result = runCli(["update", CRLF_ID, "--message", "Reminder: the window is unchanged.", "--at", "2026-11-22T11:00:00Z"], { cwd: dir });
  expect(result.code, result.stderr).toBe(0);
  const after = read(file);
  expect(after.replace(/\r\n/g, "")).not.toContain("\n");
  expect(after).toContain("\r\n  - at: 2026-11-22T11:00:00Z\r\n    status: scheduled\r\n    body: \"Reminder: the window is unchanged.\"\r\n");
  const bodyStart = (text: string) => text.slice(text.indexOf("---\r\n", 4));
  expect(bodyStart(after)).toBe(bodyStart(crlf));
});
