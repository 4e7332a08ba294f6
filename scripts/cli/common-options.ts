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

/** --tz: the zone typed times of day are read in (authoring/flags/common-flags.ts zoneFlag). */
export function tzOption(): OptionSpec {
  return {
    type: "string",
    valueName: "zone",
    description: "Time zone for times of day such as 22:12 or `yesterday 23:40` (default: site.timezone).",
  };
}

/** --json: print the result as JSON instead of text. */
export function jsonOption(description: string): OptionSpec {
  return { type: "boolean", description };
}
