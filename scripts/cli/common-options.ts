// Options that many commands have, each command saying in its own words (shown in --help) what
// the value is for; the flag's name, short flag and value name are the same everywhere.
import type { OptionSpec } from "./command.ts";

/** --message, and --body, its other name (the word Statuspage and GitHub use). */
export function messageOptions(description: string): Record<"message" | "body", OptionSpec> {
  return {
    message: { type: "string", short: "m", valueName: "text", description },
    body: { type: "string", valueName: "text", aliasOf: "message", description: "Same as --message." },
  };
}

/** A flag that takes a time: RFC 3339 with an offset, `now`, or relative (-15m, +2d). */
export function timeOption(description: string): OptionSpec {
  return { type: "string", valueName: "time", description };
}

/** --json: print the result as JSON instead of text. */
export function jsonOption(description: string): OptionSpec {
  return { type: "boolean", description };
}
