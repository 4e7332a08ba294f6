// Runs `sitrep …` as a subprocess without blocking the event loop, so a GitHub test server in
// the same process can answer it (spawnSync would deadlock against an in-process server).
// The server itself and the environment that points sync at it: testkit/.
import { spawn } from "node:child_process";
import { cliPath, TEST_NOW } from "./run-cli.ts";
import type { CliResult } from "./run-cli.ts";

export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult & { wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", SITREP_NOW: TEST_NOW, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, wallMs: performance.now() - started }));
  });
}
