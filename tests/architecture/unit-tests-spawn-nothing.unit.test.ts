// The `unit` vitest project is chosen by name: every `*.unit.test.ts` (vitest.config.ts, ADR 0103).
// That is the fast inner loop only while those files start no process, git repository, site
// build or browser. This scan follows each unit test's imports through the test-side modules
// (tests/, testkit/) and fails when one reaches a way to spawn: node:child_process, Playwright
// or axe, or a helper that uses them. A helper export that spawns nothing (a path, the fixed
// clock, a copy of the fixture) is named in PURE below; a new export of a spawning helper is a
// spawner until it is added there.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";
import { sourceFiles } from "../helpers/source-scan.ts";

/** Packages that start a process or a browser. */
const SPAWNING_PACKAGES = new Set(["node:child_process", "child_process", "playwright-core", "playwright"]);

/** Exports of spawning helpers that start nothing themselves. */
const PURE = new Set([
  "repoRoot",
  "cliPath",
  "TEST_NOW", // tests/helpers/run-cli.ts
  "exampleOrgRoot",
  "copyExampleRecords",
  "copyExampleRepo",
  "RECORD_PATHS",
  "EXAMPLE_HISTORY_START",
  "EXAMPLE_DECLARATION_LAG_MINUTES", // tests/helpers/example-repo.ts
  "astroBin",
  "pagefindBin",
  "siteDir", // tests/helpers/site-build.ts
  "CHROMIUM_ARGS",
  "CHROMIUM_FIX",
  "chromiumFailure",
  "oneLineError", // tests/helpers/browser.ts
  "WCAG_TAGS",
  "files",
  "brokenLinks", // tests/site/site-checks.ts
]);

interface Import {
  from: string;
  /** Value names imported; "*" for a namespace, default or side-effect import. */
  names: string[];
}

/** The value imports of a source (type-only imports and `type X` members left out). */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*import\s+(type\s+)?([^"';]*?)\s*(?:from\s+)?["']([^"']+)["']/gm)) {
    if (m[1]) continue;
    const clause = m[2];
    const braces = /\{([^}]*)\}/.exec(clause)?.[1];
    const names =
      braces === undefined
        ? []
        : braces
            .split(",")
            .map((n) => n.trim())
            .filter((n) => n && !n.startsWith("type "))
            .map((n) => n.split(/\s+as\s+/)[0]);
    const whole = clause
      .replace(/\{[^}]*\}/, "")
      .replace(/,/g, "")
      .trim();
    if (whole || clause === "") names.push("*");
    if (names.length > 0) found.push({ from: m[3], names });
  }
  return found;
}

const TEST_SIDE = /^(tests|testkit)\//;

function resolveLocal(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = path.relative(repoRoot, path.resolve(repoRoot, path.dirname(fromFile), specifier));
  return TEST_SIDE.test(target) && existsSync(path.join(repoRoot, target)) ? target : undefined;
}

/** Why `file` (or what it imports on the test side) can spawn, or undefined when it cannot. */
function spawnPath(file: string, read: (file: string) => string, seen = new Map<string, string | undefined>()): string | undefined {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, undefined);
  let reason: string | undefined;
  for (const { from, names } of importsOf(read(file))) {
    if (SPAWNING_PACKAGES.has(from)) reason = `imports ${from}`;
    const local = resolveLocal(file, from);
    if (!reason && local) {
      const impure = names.filter((n) => !PURE.has(n));
      const inner = impure.length > 0 ? spawnPath(local, read, seen) : undefined;
      if (inner) reason = `imports ${impure.join(", ")} from ${local} (${inner})`;
    }
    if (reason) break;
  }
  seen.set(file, reason);
  return reason;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");

describe("unit tests spawn nothing", () => {
  it("the scan reads value imports, and follows a helper to the spawn it reaches", () => {
    expect(
      importsOf(`import { a, type B, c as d } from "./x.ts";\nimport type { E } from "./e.ts";\nimport f from "f";\nimport "side";`),
    ).toEqual([
      { from: "./x.ts", names: ["a", "c"] },
      { from: "f", names: ["*"] },
      { from: "side", names: ["*"] },
    ]);
    const sources: Record<string, string> = {
      "tests/a.unit.test.ts": `import { TEST_NOW, runCli } from "./helpers/run-cli.ts";`,
      "tests/b.unit.test.ts": `import { TEST_NOW } from "./helpers/run-cli.ts";`,
      "tests/helpers/run-cli.ts": `import { spawnSync } from "node:child_process";`,
    };
    expect(spawnPath("tests/a.unit.test.ts", (f) => sources[f])).toBe(
      "imports runCli from tests/helpers/run-cli.ts (imports node:child_process)",
    );
    expect(spawnPath("tests/b.unit.test.ts", (f) => sources[f])).toBeUndefined();
    expect(spawnPath("tests/helpers/run-cli.ts", (f) => sources[f])).toBe("imports node:child_process");
  });

  it("no *.unit.test.ts reaches node:child_process, Playwright or a spawning helper (rename it *.test.ts: it runs in integration)", () => {
    const units = sourceFiles("tests").filter((f) => f.endsWith(".unit.test.ts"));
    expect(units.length).toBeGreaterThan(40);
    const seen = new Map<string, string | undefined>();
    const spawning = units
      .map((file) => [file, spawnPath(file, read, seen)])
      .filter(([, reason]) => reason)
      .map(([file, reason]) => `${file}: ${reason}`);
    expect(spawning).toEqual([]);
  });
});
