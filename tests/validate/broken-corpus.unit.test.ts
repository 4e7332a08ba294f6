// Every broken record in tests/fixtures/broken/ produces exactly the diagnostics it should —
// rule, line, column and severity — and nothing else; and one bad file never hides another's.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { MAX_RECORD_BYTES } from "../../scripts/records/decode-source.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import { brokenDir, buildRepo, corpus, pick, sortExpected, type Expected } from "./corpus.ts";

const now = new Date(TEST_NOW);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function validateCases(names: string[]) {
  const repo = buildRepo(names);
  cleanups.push(repo.cleanup);
  return { dir: repo.dir, ...validateRepository(repo.dir, { now }) };
}

describe("the base repository", () => {
  it("is clean, so every diagnostic below comes from its case", () => {
    expect(validateCases([]).diagnostics).toEqual([]);
  });
});

describe("broken-record corpus", () => {
  it("has an expectation for every fixture folder and a folder for every expectation", () => {
    const folders = readdirSync(brokenDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(corpus.map((c) => c.name).sort()).toEqual(folders);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c] as const))("%s", (_name, testCase) => {
    const { diagnostics } = validateCases([testCase.name]);
    // Exact equality: the expected problems, at the expected places, and no others anywhere.
    expect(diagnostics.map(pick)).toEqual(sortExpected(testCase.expected));
    testCase.text?.forEach((text, i) => {
      const d = diagnostics.find(
        (x) =>
          x.rule === testCase.expected[i].rule && x.line === testCase.expected[i].line && (!text.message || text.message.test(x.message)),
      );
      expect(d, `diagnostic ${i} with message ${text.message}`).toBeDefined();
      if (text.hint) expect(d!.hint).toMatch(text.hint);
    });
    for (const d of diagnostics) {
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.hint.length).toBeGreaterThan(0);
    }
  });

  it("a 5 MB file is refused as file-too-large without parsing it", () => {
    const repo = buildRepo([]);
    cleanups.push(repo.cleanup);
    const file = "incidents/2026/2026-11-15-huge.md";
    const filler = `${"x".repeat(99)}\n`.repeat(Math.ceil((5 * 1024 * 1024) / 100));
    writeFileSync(
      path.join(repo.dir, file),
      `---\ntitle: Huge\nseverity: SEV3\nstatus: investigating\nstarted_at: 2026-11-15T10:00:00Z\n---\n${filler}`,
    );
    expect(5 * 1024 * 1024).toBeGreaterThan(MAX_RECORD_BYTES);
    const { diagnostics } = validateRepository(repo.dir, { now });
    expect(diagnostics.map(pick)).toEqual([{ file, line: 1, column: 1, rule: "file-too-large", severity: "error" }]);
    expect(diagnostics[0].message).toMatch(/5\.0 MiB/);
  });
});

describe("one bad file never hides the problems of another", () => {
  const combinable = corpus.filter((c) => c.combinable !== false);

  it(`reports every problem of ${combinable.length} broken cases in a single run`, () => {
    const { diagnostics } = validateCases(combinable.map((c) => c.name));
    const expected: Expected[] = combinable.flatMap((c) => c.expected);
    expect(diagnostics.map(pick)).toEqual(sortExpected(expected));
  });

  it("a broken configuration does not hide record problems that need no configuration", () => {
    const { diagnostics } = validateCases([
      "config-yaml-error",
      "unknown-field",
      "time-without-offset",
      "duplicate-key",
      "updates-unordered",
      "postmortem-incident-missing",
    ]);
    const rules = new Set(diagnostics.map((d) => `${d.file}:${d.rule}`));
    for (const wanted of [
      "sitrep.config.yaml:yaml-syntax",
      "incidents/2026/2026-11-15-typo-field.md:unknown-field",
      "incidents/2026/2026-11-15-no-offset.md:time-without-offset",
      "incidents/2026/2026-11-15-dup-key.md:yaml-duplicate-key",
      "incidents/2026/2026-11-15-update-order.md:updates-ordered",
      "postmortems/2026-11-11-api-errors.md:postmortem-incident-exists",
    ])
      expect(rules).toContain(wanted);
  });

  it("a leap second (valid RFC 3339, NaN to Date.parse) is reported and does not abort the run", () => {
    const repo = buildRepo(["unknown-field"]);
    cleanups.push(repo.cleanup);
    // A SEV1 resolved at a leap second, its postmortem's action item without a due date: the
    // file-name-date rule, the postmortem-required rule and the due-date default all compute
    // dates from it, and each used to throw a RangeError that ended validation for every file.
    // The time pattern in schema/common.schema.json now rejects :60 seconds at the field.
    const incident = path.join(repo.dir, "incidents/2026/2026-11-10-api-errors.md");
    writeFileSync(
      incident,
      readFileSync(incident, "utf8")
        .replace("severity: SEV2", "severity: SEV1")
        .replace("started_at: 2026-11-10T10:00:00Z", "started_at: 2026-11-09T23:59:60Z")
        .replace("resolved_at: 2026-11-10T11:00:00Z", "resolved_at: 2026-11-10T23:59:60Z"),
    );
    const { diagnostics } = validateRepository(repo.dir, { now });
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.file, d.rule, d.path?.join(".")])).toEqual([
      ["incidents/2026/2026-11-10-api-errors.md", "invalid-format", "started_at"],
      ["incidents/2026/2026-11-10-api-errors.md", "invalid-format", "resolved_at"],
      ["incidents/2026/2026-11-15-typo-field.md", "unknown-field", "startd_at"],
    ]);
    rmSync(path.join(repo.dir, "postmortems/2026-11-10-api-errors.md"));
    // Without its postmortem the SEV1 still validates to completion: the same field errors, and
    // no postmortem-required finding, since its deadline counts from a resolved_at that is invalid.
    const without = validateRepository(repo.dir, { now }).diagnostics;
    expect(without.map((d) => [d.file, d.rule, d.path?.join(".")])).toEqual(errors.map((d) => [d.file, d.rule, d.path?.join(".")]));
    // The same SEV1 with a valid resolved_at is reported for the missing postmortem: the rule ran.
    writeFileSync(incident, readFileSync(incident, "utf8").replace("23:59:60Z", "23:59:00Z").replace("23:59:60Z", "23:59:00Z"));
    expect(validateRepository(repo.dir, { now }).diagnostics.map((d) => d.rule)).toContain("postmortem-required");
  });

  it("a file that cannot be read still counts as an existing id for references to it", () => {
    const repo = buildRepo([]);
    cleanups.push(repo.cleanup);
    // The incident the base postmortem reviews becomes unreadable: the postmortem must not
    // additionally be reported as reviewing a missing incident.
    writeFileSync(path.join(repo.dir, "incidents/2026/2026-11-10-api-errors.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0x0a]));
    mkdirSync(path.join(repo.dir, "incidents/2027"), { recursive: true });
    const { diagnostics } = validateRepository(repo.dir, { now });
    expect(diagnostics.map((d) => d.rule)).toEqual(["file-encoding"]);
  });
});
