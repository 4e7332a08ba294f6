// Editing keeps what a person wrote: comments, key order, quoting, aligned trailing comments,
// the Markdown body byte for byte, and CRLF line endings. Runs the CLI in the test's process on a copy of
// the examples (update and resolve as processes: short-ids and change-by-command).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { YAMLSeq } from "yaml";
import {
  appendItems,
  dashColumn,
  itemTexts,
  restoreCommentColumn,
  restoreKeyLineComment,
  splitTopLevel,
} from "../../scripts/authoring/edits/print-minimal.ts";
import { editFrontMatter, rootMap } from "../../scripts/authoring/edits/front-matter-edit.ts";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";

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
    .replace(
      "started_at: 2026-11-21T21:40:00Z\n",
      "# Impact start taken from the p95 graph, not the alert.\nstarted_at: 2026-11-21T21:40:00Z        # see dashboard PAY-7\n",
    )
    .replace("title: Slow payout status in the API and dashboard\n", "title: 'Slow payout status in the API and dashboard'\n");
}

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-preserve-"));
  original = handEdited(read(FILE));
  writeFileSync(path.join(dir, FILE), original);
});
afterAll(() => cleanup());

test("update and resolve keep comments, quoting, key order and the body byte for byte", async () => {
  // Each command runs just after its --at, as on call: hours later the open incident would rightly get a cadence warning.
  const update = await runCliInProcess(
    [
      "update",
      ID,
      "--message",
      "Traffic is back on the rebuilt replica.",
      "--component",
      "payouts=operational",
      "--at",
      "2026-11-22T05:40:00Z",
    ],
    { cwd: dir, env: { SITREP_NOW: "2026-11-22T05:45:00Z" } },
  );
  expect(update.stderr).toBe("");
  expect(update.code).toBe(0);
  const resolve = await runCliInProcess(
    [
      "resolve",
      ID,
      "--message",
      "Payout status has been fast and current for six hours. This incident is resolved.",
      "--at",
      "2026-11-22T06:00:00Z",
    ],
    { cwd: dir, env: { SITREP_NOW: "2026-11-22T06:05:00Z" } },
  );
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
  expect(afterYaml).toContain(
    "# Impact start taken from the p95 graph, not the alert.\nstarted_at: 2026-11-21T21:40:00Z        # see dashboard PAY-7\n",
  );
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
  expect((await runCliInProcess(["validate", FILE], { cwd: dir })).code).toBe(0);
});

test("a CRLF file stays CRLF, body included", async () => {
  const file = `incidents/2027/${CRLF_ID}.md`;
  const crlf = read(file).replace(/\r?\n/g, "\r\n");
  writeFileSync(path.join(dir, file), crlf);
  const result = await runCliInProcess(
    ["update", CRLF_ID, "--message", "Reminder: the window is unchanged.", "--at", "2026-11-22T11:00:00Z"],
    { cwd: dir },
  );
  expect(result.code, result.stderr).toBe(0);
  const after = read(file);
  expect(after.replace(/\r\n/g, "")).not.toContain("\n");
  expect(after).toContain(
    '\r\n  - at: 2026-11-22T11:00:00Z\r\n    status: scheduled\r\n    body: "Reminder: the window is unchanged."\r\n',
  );
  const bodyStart = (text: string) => text.slice(text.indexOf("---\r\n", 4));
  expect(bodyStart(after)).toBe(bodyStart(crlf));
});

/** A hand-written incident: comments after keys, unindented items, a folded body, comment blocks. */
const HAND_WRITTEN = `---
# Written by hand during the incident; keep the notes.
title: Payout status lags behind
severity: SEV3
status: investigating      # bumped by hand
components:   # peak
  payouts: degraded_performance

# First seen on the reporting replica graph.
started_at: 2026-11-22T08:00:00Z
detected_at: 2026-11-22T08:05:00Z
runbooks: [postgres-failover]
updates:  # newest last
- at: 2026-11-22T08:10:00Z
  status: investigating
  body: >-
    Payout status in the dashboard is a few minutes behind.
    Payouts themselves are sent on time.

# Internal notes only; not published.
timeline: # internal
- at: 2026-11-22T08:05:00Z
  event: ReplicationLag fired.
- at: 2026-11-22T08:20:00Z
  event: Lagging replica found.
---

The dashboard showed stale payout status.
`;

/** The same kind of file with a flow map for the components. */
const FLOW_MAP = HAND_WRITTEN.replace("components:   # peak\n  payouts: degraded_performance\n", "components: {payouts: partial_outage}\n");

/** Each line of `before` (except those matching `changed`) is in `after`, byte for byte and in order. */
function expectLinesKept(before: string, after: string, changed: RegExp): void {
  const afterLines = after.split("\n");
  let cursor = 0;
  for (const line of before.split("\n").filter((l) => !changed.test(l))) {
    const found = afterLines.indexOf(line, cursor);
    expect(found, `line kept in order: ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(cursor);
    cursor = found + 1;
  }
}

test("a hand-written incident keeps every line the commands did not change, through acknowledge, update, mitigate and resolve", async () => {
  const id = "2026-11-22-hand-written-payouts";
  const file = `incidents/2026/${id}.md`;
  writeFileSync(path.join(dir, file), HAND_WRITTEN);
  const steps = [
    // Acknowledged before the last timeline entry: its entry is inserted in time order.
    ["acknowledge", id, "--at", "2026-11-22T08:12:00Z", "--by", "akin-b"],
    [
      "update",
      id,
      "-m",
      "The lagging replica is found.",
      "--status",
      "identified",
      "-c",
      "payouts=partial_outage",
      "--at",
      "2026-11-22T08:30:00Z",
    ],
    // mitigate posts its update at "now": the clock is set to the mitigation time below.
    ["mitigate", id, "--at", "2026-11-22T09:00:00Z", "-m", "Status reads moved to a healthy replica."],
    ["resolve", id, "-m", "Payout status is current again.", "--at", "2026-11-22T10:00:00Z"],
  ];
  for (const args of steps) {
    const result = await runCliInProcess(args, { cwd: dir, env: args[0] === "mitigate" ? { SITREP_NOW: "2026-11-22T09:00:00Z" } : {} });
    expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
  }
  const after = read(file);
  // Only the status line and the raised components map changed in meaning.
  expectLinesKept(HAND_WRITTEN, after, /^status:|^  payouts: degraded_performance$/);
  expect(after).toContain("components:   # peak\n  payouts: partial_outage\n\n# First seen");
  // The changed value keeps its trailing comment in the column the author aligned it to.
  expect(after).toContain("\nstatus: resolved           # bumped by hand\n");
  expect(after).toContain(
    "updates:  # newest last\n- at: 2026-11-22T08:10:00Z\n  status: investigating\n  body: >-\n    Payout status in the dashboard is a few minutes behind.\n    Payouts themselves are sent on time.\n- at: 2026-11-22T08:30:00Z\n",
  );
  expect(after).toContain(
    "\n# Internal notes only; not published.\ntimeline: # internal\n- at: 2026-11-22T08:05:00Z\n  event: ReplicationLag fired.\n- at: 2026-11-22T08:12:00Z\n  event: akin-b acknowledged the page.\n- at: 2026-11-22T08:20:00Z\n  event: Lagging replica found.\n- at: 2026-11-22T09:00:00Z\n",
  );
  expect(after.slice(after.indexOf("---", 4))).toBe("---\n\nThe dashboard showed stale payout status.\n");
  expect((await runCliInProcess(["validate", file], { cwd: dir })).code).toBe(0);
});

test("a flow map that the edit leaves alone stays a flow map, written as it was", async () => {
  const id = "2026-11-22-flow-map-payouts";
  const file = `incidents/2026/${id}.md`;
  writeFileSync(path.join(dir, file), FLOW_MAP);
  const update = await runCliInProcess(
    ["update", id, "-m", "Reads are recovering.", "-c", "payouts=degraded_performance", "--at", "2026-11-22T08:30:00Z"],
    { cwd: dir },
  );
  expect(update.code, update.stderr).toBe(0);
  const resolve = await runCliInProcess(["resolve", id, "-m", "Resolved.", "--at", "2026-11-22T09:30:00Z"], { cwd: dir });
  expect(resolve.code, resolve.stderr).toBe(0);
  const after = read(file);
  expectLinesKept(FLOW_MAP, after, /^status:/);
  expect(after).toContain("\ncomponents: {payouts: partial_outage}\n");
  expect((await runCliInProcess(["validate", file], { cwd: dir })).code).toBe(0);
});

test("splitTopLevel: a key's chunk starts at the column-0 comments above it and ends before the next one's", () => {
  const yaml = "# about a\na: 1\nlist:\n- x\n  # inside the list\n\n# about b\nb: 2\n";
  const split = splitTopLevel(yaml, [yaml.indexOf("a:"), yaml.indexOf("list:"), yaml.indexOf("b:")]);
  expect(split).toEqual({
    preamble: "",
    chunks: [
      { lead: "# about a\n", body: "a: 1\n", tail: "" },
      { lead: "", body: "list:\n- x\n", tail: "  # inside the list\n" },
      { lead: "\n# about b\n", body: "b: 2\n", tail: "" },
    ],
  });
  const chunks = split?.chunks ?? [];
  expect(split?.preamble + chunks.map((c) => c.lead + c.body + c.tail).join("")).toBe(yaml);
  // A key that does not start a line: not a plain block mapping, so no split.
  expect(splitTopLevel("a: 1\n", [1])).toBeUndefined();
});

test("itemTexts cuts a list's original text at its items", () => {
  const yaml = "list:\n- a: 1\n  b: 2\n# between\n- c\n";
  expect(itemTexts(yaml, 0, yaml, [yaml.indexOf("a:"), yaml.indexOf("c\n")])).toEqual({
    head: "list:\n",
    items: ["- a: 1\n  b: 2\n# between\n", "- c\n"],
    column: 0,
  });
  // Items at different columns are not cut.
  const mixed = "list:\n- a\n  - b\n";
  expect(itemTexts(mixed, 0, mixed, [mixed.indexOf("a"), mixed.indexOf("b")])).toBeUndefined();
});

test("appendItems indents new items to the original dash and adds them right after the last item", () => {
  expect(dashColumn("k:\n  - a\n", 6)).toBe(2);
  expect(dashColumn("k:\n- a\n", 5)).toBe(0);
  expect(appendItems("k:\n  - a\n", "- b: 1\n  c: |\n    x\n\n    y\n", 2)).toBe("k:\n  - a\n  - b: 1\n    c: |\n      x\n\n      y\n");
  expect(appendItems("k:\n- a", "- b\n", 0)).toBe("k:\n- a\n- b\n");
});

test("restoreKeyLineComment and restoreCommentColumn give back the author's comment placement", () => {
  expect(restoreKeyLineComment("m:   # peak\n  a: 1\n", "m:\n  # peak\n  a: 2\n")).toBe("m:   # peak\n  a: 2\n");
  expect(restoreKeyLineComment("m:   # peak\n  a: 1\n", "m:\n  # other\n  a: 2\n")).toBe("m:\n  # other\n  a: 2\n");
  expect(restoreCommentColumn("s: open      # note\n", "s: closed # note\n")).toBe("s: closed    # note\n");
  expect(restoreCommentColumn("s: a  # note\n", "s: much-longer # note\n")).toBe("s: much-longer # note\n");
});

test("editFrontMatter reprints only what changed, and keeps every untouched key's text", () => {
  const text =
    "---\nname:   'x'   # quoted\nflow: {a: 1}\nlist:  # newest last\n- a: 1\n  b: >-\n    one\n    two\n# next\nafter: [1, 2]\n---\nbody\n";
  const appended = editFrontMatter(text, "x.md", (doc) =>
    (rootMap(doc).get("list", true) as unknown as YAMLSeq).add(doc.createNode({ a: 2 })),
  );
  expect(appended).toBe(text.replace("    two\n", "    two\n- a: 2\n"));
  // An item inserted before the others (a timeline entry in time order) keeps the others' text.
  const inserted = editFrontMatter(text, "x.md", (doc) =>
    (rootMap(doc).get("list", true) as unknown as YAMLSeq).items.unshift(doc.createNode({ a: 0 })),
  );
  expect(inserted).toBe(text.replace("list:  # newest last\n", "list:  # newest last\n- a: 0\n"));
  // A changed item reprints that list only (its key-line comment stays on the key line).
  const changed = editFrontMatter(text, "x.md", (doc) =>
    (rootMap(doc).get("list", true) as unknown as YAMLSeq).set(0, doc.createNode({ a: 9 })),
  );
  expect(changed).toBe("---\nname:   'x'   # quoted\nflow: {a: 1}\nlist:  # newest last\n  - a: 9\n# next\nafter: [1, 2]\n---\nbody\n");
  // A new key goes at its place, printed; its neighbours are untouched.
  const added = editFrontMatter(text, "x.md", (doc) => rootMap(doc).items.splice(1, 0, doc.createPair("new", "v")));
  expect(added).toBe(text.replace("flow:", "new: v\nflow:"));
  const removedList = editFrontMatter(text, "x.md", (doc) => rootMap(doc).delete("list"));
  expect(removedList).not.toContain("list:");
  expect(removedList).toContain("flow: {a: 1}\n# next\nafter: [1, 2]\n");
});

test("a front matter the chunking cannot handle falls back to printing the whole Document", () => {
  // `? key` puts the key off the start of its line, so the text is not split; the edit still lands.
  const text = "---\n? title\n: x\nstatus: open\n---\nbody\n";
  const edited = editFrontMatter(text, "x.md", (doc) => rootMap(doc).set("status", "closed"));
  expect(edited).toBe("---\ntitle: x\nstatus: closed\n---\nbody\n");
});
