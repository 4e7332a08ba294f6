// The history reader's plain-YAML reader (scripts/history/simple-yaml.ts) must be exact or
// decline: whatever it accepts, js-yaml (parseYamlFast, what the loader uses) reads as the same
// data. Checked on every fixture, on hand-written edge cases, and on thousands of seeded
// mutations of a real record; and the blob → snapshot path against parseRecord on every fixture.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { rng } from "../../bench/rng.ts";
import { snapshotOfBlob } from "../../scripts/history/blob-snapshot.ts";
import { recordKindOf } from "../../scripts/history/read-history.ts";
import { parseSimpleYaml } from "../../scripts/history/simple-yaml.ts";
import { snapshotOf } from "../../scripts/history/snapshot.ts";
import { splitFrontMatter } from "../../scripts/records/front-matter.ts";
import { parseYamlFast } from "../../scripts/records/parse-yaml.ts";
import { parseRecord } from "../../scripts/records/read-record.ts";
import { repoRoot } from "../helpers/run-cli.ts";

/** Accepted → the same data as js-yaml; declined → fine (js-yaml decides). Returns whether accepted. */
function expectExactOrDeclined(yaml: string): boolean {
  const simple = parseSimpleYaml(yaml);
  if (simple === undefined) return false;
  const fast = parseYamlFast(yaml);
  expect(fast.ok, `simple-yaml accepted what js-yaml rejects:\n${yaml}`).toBe(true);
  if (fast.ok)
    expect(
      isDeepStrictEqual(simple, fast.data),
      `different data for:\n${yaml}\n${JSON.stringify(simple)}\n${JSON.stringify(fast.data)}`,
    ).toBe(true);
  return true;
}

const fixtureFiles = readdirSync(path.join(repoRoot, "tests/fixtures"), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(md|ya?ml)$/.test(entry.name))
  .map((entry) => path.join(entry.parentPath, entry.name));

function frontMatter(file: string): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    return undefined;
  }
  if (!file.endsWith(".md")) return text;
  const split = splitFrontMatter(file, text);
  return split.ok ? split.value.yaml : undefined;
}

const RECORD = `
title: "Checkout: elevated errors"
severity: SEV2
status: resolved
type: incident
components:
  checkout-api: major_outage
started_at: 2026-03-01T10:00:00Z
roles:
  commander: person-1
updates:
  - at: 2026-03-01T10:05:00Z
    status: investigating
    body: We are investigating elevated error rates, and will post soon.
  - at: 2026-03-01T11:00:00Z
    status: resolved
    body: 'It''s resolved.'
authors:
- person-1
- 42
action_items:
  - id: item-1
    title: Follow-up 1
    status: done
    priority: P1
`;

describe("parseSimpleYaml", () => {
  it("reads a typical record exactly", () => {
    expect(expectExactOrDeclined(RECORD)).toBe(true);
    expect(parseSimpleYaml(RECORD)).toMatchObject({ title: "Checkout: elevated errors", authors: ["person-1", 42] });
  });

  it("accepts most fixtures, and every one it accepts reads as js-yaml reads it", () => {
    let accepted = 0;
    for (const file of fixtureFiles) {
      const yaml = frontMatter(file);
      if (yaml !== undefined && expectExactOrDeclined(yaml)) accepted++;
    }
    expect(fixtureFiles.length).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(fixtureFiles.length / 3);
  });

  it.each([
    [
      "scalars the core schema resolves",
      "a: null\nb: Null\nc: ~\nd: true\ne: FALSE\nf: 12\ng: 0x1F\nh: 0o17\ni: 1.5e3\nj: .inf\nk: -.Inf\nl: .nan\nm: 2026-01-01\nn: yes\no: +12\np: 1_000\nq: 012\n",
    ],
    ["keys that resolve to the same string", "null: 1\nNull: 2\n"],
    ["keys named like properties", "constructor: 1\ntoString: 2\nhasOwnProperty: x\n"],
    ["__proto__", "__proto__: 1\n"],
    ["duplicate keys", "a: 1\nb: 2\na: 3\n"],
    ["duplicate keys in a list item", "items:\n  - id: 1\n    id: 2\n"],
    ["comments", "# top\na: 1 # trailing\nb: x#y\n  # indented\nc: 'q' # after quote\n"],
    ["a multi-line plain scalar", "title: first\n  second\nb: 1\n"],
    ["a continuation after a blank line", "title: first\n\n  second\n"],
    ["a key with no value then a sibling", "a:\nb: 1\n"],
    ["a flush list then a key", "a:\n- 1\n- x\nb: 2\n"],
    ["a list item that is an empty key", "a:\n  - b:\n  - c: 1\n"],
    ["a nested list in a list item", "a:\n  - b:\n    - 1\n    - 2\n    c: 3\n"],
    ["a list in a list", "a:\n  - - 1\n"],
    ["a bare dash", "a:\n  -\n  - 1\n"],
    ["wrong indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a list item key at a deeper indent", "a:\n  - b: 1\n      c: 2\n"],
    ["a list item key at a shallower indent", "a:\n  - b: 1\n   c: 2\n"],
    ["colons in values", "a: b: c\nd: e:\nf: http://x.example/y\ng: 10:30\n"],
    ["key without a space after the colon", "a:b\n"],
    ["quoted values", `a: "x: y"\nb: 'x '' y'\nc: "with \\"escape\\""\nd: ''\ne: ""\nf: 'unterminated\n`],
    [
      "indicators",
      "a: &anchor x\nb: *anchor\nc: !tag x\nd: [1, 2]\ne: {x: 1}\nf: |\n  text\ng: >\n  text\nh: -x\ni: ?x\nj: %x\nk: @x\nl: `x\n",
    ],
    ["tabs", "a:\t1\n"],
    ["CR line ends", "a: 1\r\nb: 2\r\n"],
    ["control and unusual characters", "a: x\u0007y\nb: x\u0085y\nc: x\u2028y\nd: x\ufeffy\ne: caf\u00e9 \u2014 ok\nf: \ud83d\ude00\n"],
    ["document markers", "a: 1\n---\nb: 2\n"],
    ["document end", "a: 1\n...\n"],
    ["a directive", "%YAML 1.2\na: 1\n"],
    ["an indented first key", "  a: 1\n  b: 2\n"],
    ["trailing blanks", "a: x   \nb:   \n  - 1  \n"],
    ["several spaces after colon and dash", "a:    x\nb:\n  -   y\n"],
    ["a long key", `${"k".repeat(200)}: 1\n`],
    ["empty text", ""],
    ["only comments", "# nothing\n"],
    ["a scalar document", "just text\n"],
    ["a list document", "- 1\n- 2\n"],
  ])("%s: exact or declined", (_name, yaml) => {
    expectExactOrDeclined(yaml);
  });

  it("thousands of seeded mutations of a record: exact or declined", () => {
    const random = rng(20261207);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const INSERTS = [
      " ",
      "  ",
      "\n",
      ":",
      ": ",
      "-",
      "- ",
      "#",
      " #",
      '"',
      "'",
      "&",
      "*",
      "!",
      "|",
      ">",
      "[",
      "{",
      "}",
      ",",
      "\t",
      "a",
      "0",
      "~",
      "%",
      "@",
      "?",
      "null",
      "\\",
      ".",
    ];
    let accepted = 0;
    for (let n = 0; n < 4000; n++) {
      let text = RECORD;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length);
        const op = random();
        if (op < 0.45) text = text.slice(0, at) + pick(INSERTS) + text.slice(at);
        else if (op < 0.75) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else {
          const lines = text.split("\n");
          const line = Math.floor(random() * lines.length);
          if (op < 0.85) lines.splice(line, 0, lines[line]);
          else if (op < 0.93) lines[line] = ` ${lines[line]}`;
          else lines[line] = lines[line].replace(/^ {1,2}/, "");
          text = lines.join("\n");
        }
      }
      if (expectExactOrDeclined(text)) accepted++;
    }
    // Enough of the mutants stay inside the subset for the comparison to mean something.
    expect(accepted).toBeGreaterThan(1000);
  });
});

describe("snapshotOfBlob", () => {
  it("gives parseRecord's snapshot (or null when it has findings) for every record fixture", () => {
    let compared = 0;
    for (const file of fixtureFiles) {
      const relative = path.relative(path.join(repoRoot, "tests/fixtures"), file).split(path.sep);
      // The path inside its repository: after the fixture folder (and example-org's own folder).
      const inRepository = relative.slice(relative.findIndex((p) => p === "incidents" || p === "postmortems")).join("/");
      const kind = recordKindOf(inRepository);
      if (kind !== "incident" && kind !== "postmortem") continue;
      const recordFile = { kind, path: inRepository, id: path.basename(file, ".md") };
      const bytes = readFileSync(file);
      const { record, findings } = parseRecord(recordFile, bytes);
      const expected = findings.length === 0 ? (snapshotOf(kind, record.data) ?? null) : null;
      expect(snapshotOfBlob(recordFile, bytes), file).toEqual(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
