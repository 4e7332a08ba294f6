// No test or bench row reads the records at the repository root: those are the template's
// examples, which `sitrep init` replaces with the adopter's own (issue 9 item 1, ADR 0060).
// A static scan of every test and bench source for the ways a root read is written; the
// companion init-then-test.test.ts runs example-dependent suites after a real `init`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";
import { matchingLines, sourceFiles, type NamedPattern } from "../helpers/source-scan.ts";

const RECORDS = String.raw`(?:\./)?(?:incidents|postmortems|runbooks|sitrep\.config\.yaml)\b`;
const ROOT = String.raw`\b(?:repoRoot|toolRoot|checkoutRoot)\b`;

/** Ways a root read is written: joined paths, a records root or cwd, a loader or copy given the root. */
const ROOT_READS: NamedPattern[] = [
  { name: "a record path joined to the checkout", pattern: new RegExp(String.raw`${ROOT}\s*,\s*["'\`]${RECORDS}`) },
  {
    name: "the checkout as records root or cwd",
    pattern: new RegExp(String.raw`\b(?:cwd|SITREP_ROOT|recordsRoot|root)\s*:\s*${ROOT}(?!\s*[,}]?\s*\+)`),
  },
  {
    name: "the checkout handed to a records reader",
    pattern: new RegExp(
      String.raw`\b(?:\w*Repository|discoverRecordFiles|findRecordsRoot|copyInto|walk|readRecords?)\(\s*(?:[^(),]*,\s*)*${ROOT}\s*[,)]`,
    ),
  },
  {
    name: "the working directory as records root",
    pattern: /\b(?:validateRepository|loadRepository|discoverRecordFiles)\(\s*process\.cwd\(\)/,
  },
];

const sources = sourceFiles;
const rootReads = (file: string, text: string) => matchingLines(file, text, ROOT_READS);

describe("tests and bench rows never read the root records", () => {
  it("recognises each way a root read is written (so the scan can fail)", () => {
    const bad = [
      `validateRepository(repoRoot, { now })`,
      `runCli(["validate"], { cwd: repoRoot })`,
      `buildSite({ recordsRoot: repoRoot })`,
      `const env = { SITREP_ROOT: repoRoot, SITREP_NOW: TEST_NOW };`,
      `copyFileSync(path.join(repoRoot, "incidents/_template.md"), target)`,
      `walk(path.join(repoRoot, "postmortems"))`,
      `discoverRecordFiles(repoRoot)`,
      `copyInto(repo, repoRoot, RECORD_PATHS)`,
    ];
    for (const line of bad) expect(rootReads("x.ts", line), line).toHaveLength(1);
    const good = [
      `path.join(repoRoot, "scripts/cli.ts")`,
      `path.join(repoRoot, "tests/fixtures/example-org")`,
      `validateRepository(exampleOrgRoot, { now })`,
      `runCli(["validate"], { cwd: example.dir })`,
    ];
    for (const line of good) expect(rootReads("x.ts", line), line).toEqual([]);
  });

  it("finds none in tests/, bench/ and testkit/", () => {
    const self = path.relative(repoRoot, new URL(import.meta.url).pathname);
    const files = [...sources("tests"), ...sources("bench"), ...sources("testkit")].filter((f) => f !== self);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => rootReads(file, readFileSync(path.join(repoRoot, file), "utf8")));
    expect(found, "use exampleOrgRoot / copyExampleRepo / exampleGitRepo from tests/helpers/example-repo.ts").toEqual([]);
  });
});

describe("what the bench may import", () => {
  it("nothing from tests/ (shared fakes and generators live in testkit/, ADR 0062)", () => {
    const imports = [...sources("bench"), ...sources("testkit")].flatMap((file) =>
      [...readFileSync(path.join(repoRoot, file), "utf8").matchAll(/from "([^"]*\/tests\/[^"]*)"/g)].map((m) => `${file}: ${m[1]}`),
    );
    expect(imports).toEqual([]);
  });
});
