// Help and suggestions: usage lines that name every option, --version in the top-level help, the
// authoring exit codes in each writing command's help, and one case rule for every enum flag.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { commands } from "../../scripts/commands/registry.ts";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { createGitRepo } from "../helpers/git-repo.ts";
import { repoRoot, runCli, runCliInProcess } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-help-"));
});
afterAll(() => cleanup());

test("every command's usage line names each of its options (aliases aside)", async () => {
  for (const entry of commands) {
    const { spec } = await entry.load();
    const missing = Object.entries(spec.options)
      .filter(([name, o]) => !o.aliasOf && !spec.usage.includes(`--${name}`))
      .map(([name]) => name);
    expect(missing, `${entry.name}: ${spec.usage}`).toEqual([]);
  }
});

test("a short flag means the same option in every command that has it", async () => {
  const meaning = new Map<string, string>();
  for (const entry of commands) {
    for (const [name, o] of Object.entries((await entry.load()).spec.options)) {
      if (!o.short) continue;
      expect(meaning.get(o.short) ?? name, `-${o.short} in ${entry.name}`).toBe(name);
      meaning.set(o.short, name);
    }
  }
  expect(meaning.get("s")).toBe("severity");
  expect(meaning.get("o")).toBe("output");
  const retired = await runCliInProcess(["runbook", "x", "-o", "me"], { cwd: dir });
  expect(retired.code).toBe(2);
  expect(retired.stderr).toMatch(
    /error: Unknown option '-o'\.\nhint: Short flags of `sitrep runbook`: -h \(--help\), -t \(--title\), -c \(--component\)\. Usage:/,
  );
});

test("--help shows --version and the exit codes; --version prints the package version", () => {
  const top = runCli(["--help"], { cwd: dir });
  expect(top.code).toBe(0);
  expect(top.stdout).toMatch(/^ {2}-v, --version {2}Print the sitrep version\.$/m);
  expect(top.stdout).toContain("Exit codes: 0 done (or nothing to do), 1 the records have problems, 2 the command could not run");
  const declare = runCli(["declare", "--help"], { cwd: dir });
  expect(declare.stdout).toContain(
    "Exit codes: 0 written, or nothing to do (a note says why; e.g. resolving a resolved incident); 1 nothing was written",
  );
  const version = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
  expect(runCli(["--version"], { cwd: dir }).stdout).toBe(`${version}\n`);
});

test("enum flags forgive case the same way everywhere", async () => {
  const repo = createGitRepo({ dir }); // metrics reads history
  repo.commit("records", "2026-11-22T11:00:00Z");
  for (const args of [
    ["validate", "--format", "JSON"],
    ["actions", "--status", "Done", "--no-history"],
    ["metrics", "--by", "Quarter", "--severity", "sev1"],
  ]) {
    const result = await runCliInProcess(args, { cwd: dir });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).not.toBe(2);
    expect(result.stderr).not.toMatch(/error:/);
  }
});
