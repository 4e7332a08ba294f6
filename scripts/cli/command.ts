// The contract between the CLI layer and a command: commands return data; the CLI prints.

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  description: string;
  /** Shown in help: `--status <status>`. */
  valueName?: string;
  /** Another name for this option (`--body` for `--message`): left out of the usage line. */
  aliasOf?: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** e.g. `sitrep validate [paths…] [--format pretty|json|github]`: every option but aliases (a test checks). */
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  examples: string[];
  /** What each exit code means for this command, printed in --help. */
  exitCodes?: string;
  /** Whether positional arguments are accepted (they always are, for ids and paths, if true). */
  positionals?: boolean;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  values: OptionValues;
  positionals: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** The clock: SITREP_NOW when set (tests, reproducible reports), else the real time. */
  now: Date;
  /** True when stdin and stdout are terminals, so prompting is allowed. */
  interactive: boolean;
  /** Whether stdout supports colour. */
  color: boolean;
}

export interface CommandOutput {
  stdout?: string;
  stderr?: string;
  exitCode: number;
  /**
   * The output holds workflow commands on purpose and already escapes or fences what is untrusted
   * (validate --format github). Otherwise, on GitHub Actions the CLI fences all output
   * (scripts/core/workflow-commands.ts), as it may quote records or GitHub issue titles.
   */
  workflowCommands?: boolean;
}

export interface Command<Result = unknown> {
  spec: CommandSpec;
  run(input: CommandInput): Promise<Result>;
  present(result: Result, input: CommandInput): CommandOutput;
}
