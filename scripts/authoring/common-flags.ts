// The values of the flags that several authoring commands share (cli/common-options.ts):
// --message (or --body) and the times of --at, --started-at, --detected-at.
import type { OptionValues } from "../cli/command.ts";
import { str } from "./flag-values.ts";
import { parsePastTime } from "./time-input.ts";

/** The text of --message (or of --body), if given. */
export function messageFlag(values: OptionValues): string | undefined {
  return str(values.message) ?? str(values.body);
}

/** The time a flag gives, if it is given; a time in the future is refused. */
export function pastTimeFlag(values: OptionValues, flag: string, now: Date): string | undefined {
  const text = str(values[flag]);
  return text === undefined ? undefined : parsePastTime(text, now, `--${flag}`);
}

/** The time of --at: when it happened, now unless given. */
export function atFlag(values: OptionValues, now: Date): string {
  return pastTimeFlag(values, "at", now) ?? parsePastTime("now", now, "--at");
}
