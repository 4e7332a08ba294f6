// The real CLI in a real pseudo-terminal (util-linux `script`), answering each prompt when it
// appears: for the prompts `sitrep` shows only when stdin and stdout are terminals.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cliPath, TEST_NOW } from "./run-cli.ts";

export const SCRIPT = "/usr/bin/script";
export const hasTerminal = existsSync(SCRIPT);

/**
 * Runs `sitrep <args>` in a pseudo-terminal in `cwd`. `answers` are [pattern, keys]: once the
 * output (ANSI codes stripped) matches the next pattern, its keys are typed, and
 * `[answered N]` is appended to the output so later patterns can wait for what follows.
 */
export function runInTerminal(
  args: string[],
  answers: [RegExp, string][],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    // A pseudo-terminal starts 0 columns wide; give it a real size so prompts print on one line.
    const child = spawn(SCRIPT, ["-qec", `stty cols 200 rows 50; ${command}`, "/dev/null"], {
      cwd,
      env: { ...process.env, SITREP_NOW: TEST_NOW, NO_COLOR: "1", COLUMNS: "200", ...env },
    });
    let output = "";
    let next = 0;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out; output so far:\n${output}`));
    }, 45_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8").replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
      while (next < answers.length && answers[next][0].test(output)) {
        child.stdin.write(answers[next][1]);
        output += `\n[answered ${next}]\n`;
        next++;
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
