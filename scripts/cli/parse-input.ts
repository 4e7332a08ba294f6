// argv → CommandInput, with util.parseArgs (strict: unknown flags are usage errors).
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { closest } from "../records/closest.ts";
import type { CommandInput, CommandSpec } from "./command.ts";
import { nowFrom } from "../core/time.ts";

export interface Environment {
  cwd: string;
  env: Record<string, string | undefined>;
  interactive: boolean;
  color: boolean;
}

export function parseCommandInput(spec: CommandSpec, argv: string[], environment: Environment): CommandInput & { help: boolean } {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, ".");
    const unknown = /Unknown option '--([^']+)'/.exec(message)?.[1];
    const suggestion = unknown ? closest(unknown, Object.keys(options)) : undefined;
    // A short flag has one meaning in every command (ADR 0085); name the ones this command has.
    const unknownShort = /Unknown option '-[A-Za-z]'/.test(message);
    const shorts = Object.entries(options)
      .filter(([, o]) => o.short)
      .map(([name, o]) => `-${o.short} (--${name})`)
      .join(", ");
    throw new UsageError(
      message,
      `${suggestion ? `Did you mean \`--${suggestion}\`? ` : ""}${unknownShort ? `Short flags of \`sitrep ${spec.name}\`: ${shorts}. ` : ""}Usage: ${spec.usage}\nRun \`sitrep ${spec.name} --help\` for all options.`,
    );
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (!spec.positionals && parsed.positionals.length > 0 && !help) {
    throw new UsageError(`Unexpected argument \`${parsed.positionals[0]}\`.`, `Usage: ${spec.usage}`);
  }
  return { values, positionals: parsed.positionals, ...environment, now: nowFrom(environment.env), help: help === true };
}

/**
 * `--at -15m` means "15 minutes ago", but parseArgs reads a value starting with `-` as a flag.
 * No flag starts with a digit, so a string option followed by `-<digit>…` takes it as its value.
 */
function joinNegativeValues(argv: string[], options: Record<string, { type: "string" | "boolean"; short?: string }>): string[] {
  const takesValue = (arg: string) => {
    if (arg.startsWith("--") && !arg.includes("=")) return options[arg.slice(2)]?.type === "string";
    return /^-[A-Za-z]$/.test(arg) && Object.values(options).some((o) => o.short === arg[1] && o.type === "string");
  };
  const result: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (takesValue(argv[i]) && next !== undefined && /^-\d/.test(next)) {
      result.push(argv[i].startsWith("--") ? `${argv[i]}=${next}` : `${argv[i]}${next}`);
      i++;
    } else {
      result.push(argv[i]);
    }
  }
  return result;
}
