#!/usr/bin/env node
// The sitrep CLI: finds the command, parses its flags, runs it, prints what it returns.
// The one place that turns errors into messages and exit codes (0 ok, 1 problems, 2 failure).
import { readFileSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { fileURLToPath } from "node:url";
import { styleText } from "node:util";
import { InvalidRecordsError, RejectedChangeError, SitrepError, UsageError } from "./errors.ts";
import { formatPretty } from "./validate/format-pretty.ts";
import { closest } from "./records/closest.ts";
import { commands } from "./commands/registry.ts";
import { formatCommandHelp } from "./cli/help.ts";
import { parseCommandInput } from "./cli/parse-input.ts";
import { forActionsLog } from "./core/workflow-commands.ts";

// Node keeps compiled modules — TypeScript after type stripping included — in a cache between
// runs, so a repeated `sitrep` does not strip types again (about half of its start-up: ~0.3 s
// of `validate`). The launcher (sitrep.mjs, what `npx sitrep` runs) turns it on before this file
// loads; this call covers `node scripts/cli.ts`, where the commands, imported lazily, still hit it.
enableCompileCache?.();

function topLevelHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "sitrep — incident management as GitOps",
    "",
    "Usage: sitrep <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  -h, --help     Show this help (`sitrep <command> --help` for a command's options and examples).",
    "  -v, --version  Print the sitrep version.",
    "",
    "Exit codes: 0 done (or nothing to do), 1 the records have problems, 2 the command could not run",
    "(wrong flags, unreadable input), 130 cancelled. See docs/declaring-an-incident.md.",
  ].join("\n");
}

function version(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8"));
  return String(pkg.version);
}

/**
 * What a run reads and writes outside itself: the process's own (a real `sitrep`), or a test's,
 * which runs a command in its own process with its own folder, environment and output.
 */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdinIsTTY: boolean;
}

function processIo(): CliIo {
  // A getter: process.stdin is opened only by the commands that ask, as before.
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
  };
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${topLevelHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const suggestion = closest(
      name,
      commands.map((c) => c.name),
    );
    throw new UsageError(
      `Unknown command \`${name}\`.`,
      `${suggestion ? `Did you mean \`sitrep ${suggestion}\`? ` : ""}Commands: ${commands.map((c) => c.name).join(", ")}.`,
    );
  }
  const command = await entry.load();
  const environment = {
    cwd: io.cwd,
    env: io.env,
    interactive: Boolean(io.stdinIsTTY && io.stdout.isTTY),
    color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR,
  };
  const input = parseCommandInput(command.spec, rest, environment);
  if (input.help) {
    io.stdout.write(`${formatCommandHelp(command.spec)}\n`);
    return 0;
  }
  const output = command.present(await command.run(input), input);
  // Output quotes records and GitHub issue titles: on Actions no line of it may become a command.
  const safe = (text: string) => (output.workflowCommands ? text : forActionsLog(text, io.env));
  if (output.stdout) io.stdout.write(safe(output.stdout.endsWith("\n") ? output.stdout : `${output.stdout}\n`));
  if (output.stderr) io.stderr.write(safe(output.stderr.endsWith("\n") ? output.stderr : `${output.stderr}\n`));
  return output.exitCode;
}

function report(error: unknown, io: CliIo): number {
  const color = Boolean(io.stderr.isTTY) && !io.env.NO_COLOR;
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    color ? styleText(format, text, { validateStream: false }) : text;
  if (error instanceof SitrepError) {
    // Messages quote records (InvalidRecordsError holds the whole report): fenced on Actions.
    const hint = error.hint ? `${paint("dim", `hint: ${error.hint.replace(/\n/g, "\n      ")}`)}\n` : "";
    const withDiagnostics = error instanceof InvalidRecordsError || error instanceof RejectedChangeError;
    const report = withDiagnostics ? `\n\n${formatPretty(error.diagnostics, { color: false })}` : "";
    io.stderr.write(forActionsLog(`${paint("red", "error:")} ${error.message}${report}\n${hint}`, io.env));
    return error.exitCode;
  }
  // Anything else is a bug in sitrep, not in the records: say so, and keep the stack for the report.
  io.stderr.write(forActionsLog(`${paint("red", "internal error:")} ${(error as Error)?.message ?? String(error)}\n`, io.env));
  io.stderr.write(`This is a bug in sitrep. Please report it with the output of \`SITREP_DEBUG=1 sitrep …\`.\n`);
  if (io.env.SITREP_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
  return 2;
}

/** Runs the CLI and turns any error into its message and exit code (used by scripts/sitrep.mjs too). */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    return report(error, io);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === (await import("node:fs")).realpathSync(process.argv[1])) {
  process.exitCode = await run(process.argv.slice(2));
}
