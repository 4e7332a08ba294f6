// Runs the real CLI as a subprocess (Node 24, type stripping), as a user would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What `npx sitrep` runs: the launcher, which turns on the compile cache before the CLI loads. */
export const cliPath = path.join(repoRoot, "scripts/sitrep.mjs");
/** The fixed clock of every test, so policy rules and relative times are reproducible. */
export const TEST_NOW = "2026-11-22T12:00:00Z";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The test process's environment, copied once (tests never write it; see git-repo.ts's GIT_ENV for why). */
const PROCESS_ENV: Record<string, string | undefined> = { ...process.env };

/** The environment of a test's CLI run: the test process's, no colour, the fixed clock, then the test's own. */
function cliEnv(env: Record<string, string | undefined> = {}): Record<string, string> {
  const merged: Record<string, string | undefined> = { ...PROCESS_ENV, NO_COLOR: "1", SITREP_NOW: TEST_NOW, ...env };
  // As a child process sees it: a variable set to undefined is not set.
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: cliEnv(options.env),
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Commands that set process-wide state (the site build writes process.env): only as a subprocess. */
const SUBPROCESS_ONLY = new Set(["build", "dev", "preview"]);

/**
 * The same CLI run (scripts/cli.ts `run`, the code behind the launcher) inside the test's process,
 * with the test's folder, environment and output: no Node start-up, which costs ~0.3 s of CPU a
 * run. For tests about what a command decides and prints; stdin is not a terminal and is empty.
 * Each command behaviour keeps one runCli test in the suite (the launcher, exit codes, streams as
 * a user sees them); see docs/decisions/0104 and 0191.
 */
export async function runCliInProcess(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  if (SUBPROCESS_ONLY.has(args[0])) throw new Error(`runCliInProcess: \`sitrep ${args[0]}\` sets process-wide state; use runCli`);
  const { run } = await import("../../scripts/cli.ts");
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    cwd: options.cwd,
    env: cliEnv(options.env),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}
