// The unit and integration projects reuse worker processes across files (`isolate: false` in
// vitest.config.ts, ADR 0061): that is sound only while no test file changes process-wide state
// another file would inherit. A static scan of the test sources for the ways that is written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";
import { matchingLines, sourceFiles, type NamedPattern } from "../helpers/source-scan.ts";

const PROCESS_WIDE: NamedPattern[] = [
  {
    name: "writes an environment variable",
    pattern: /\bprocess\.env(?:\.\w+|\[[^\]]+\])\s*(?:=(?!=)|\?\?=|\|\|=)|\bdelete\s+process\.env\b|\bObject\.assign\(\s*process\.env\b/,
  },
  { name: "changes the working directory", pattern: /\bprocess\.chdir\(/ },
  { name: "mocks a module or a global", pattern: /\bvi\.(?:mock|doMock|stubEnv|stubGlobal|spyOn)\(/ },
  { name: "fakes the clock", pattern: /\bvi\.(?:useFakeTimers|setSystemTime)\(/ },
];

const processWideChanges = (file: string, text: string) => matchingLines(file, text, PROCESS_WIDE);

describe("test files that share a worker change no process-wide state", () => {
  it("recognises each way such a change is written (so the scan can fail)", () => {
    const bad = [
      `process.env.SITREP_NOW = "2026-11-22T12:00:00Z";`,
      `process.env["GITHUB_TOKEN"] ??= "x";`,
      `delete process.env.CI;`,
      `Object.assign(process.env, { TZ: "UTC" });`,
      `process.chdir(dir);`,
      `vi.mock("../../scripts/records/load-records.ts");`,
      `vi.stubEnv("TZ", "UTC");`,
      `vi.useFakeTimers();`,
    ];
    for (const line of bad) expect(processWideChanges("x.ts", line), line).toHaveLength(1);
    for (const line of [
      `const env = { ...process.env, TZ: "UTC" };`,
      `if (process.env.CI === "true") return;`,
      `runCli(args, { env: { SITREP_NOW } })`,
    ]) {
      expect(processWideChanges("x.ts", line), line).toEqual([]);
    }
  });

  it("finds none in tests/ (pass what a test needs as a child's env, an option or an argument)", () => {
    const files = sourceFiles("tests").filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(50);
    const self = path.relative(repoRoot, new URL(import.meta.url).pathname);
    expect(files.filter((f) => f !== self).flatMap((f) => processWideChanges(f, readFileSync(path.join(repoRoot, f), "utf8")))).toEqual([]);
  });
});
