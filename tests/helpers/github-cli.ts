// Runs `sitrep …` as a subprocess without blocking the event loop, so a GitHub test server in
// the same process can answer it (spawnSync would deadlock against an in-process server).
import { spawn } from "node:child_process";
import { cliPath, TEST_NOW } from "./run-cli.ts";
import type { CliResult } from "./run-cli.ts";

export function runCliAsync(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult & { wallMs: number }> {
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

/** The environment that points sync at a local server (and drops any real GitHub settings). */
export function githubEnv(serverUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_API_URL: serverUrl,
    GITHUB_TOKEN: "test",
    GITHUB_REPOSITORY: "o/r",
    GITHUB_SERVER_URL: "https://github.test",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_ACTIONS: undefined,
    SITREP_GITHUB_WRITE_INTERVAL_MS: "0",
    ...extra,
  };
}
