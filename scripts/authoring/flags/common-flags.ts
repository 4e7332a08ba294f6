// The values of the flags that several authoring commands share (cli/common-options.ts):
// --message (or --body), the times of --at, --started-at, --detected-at, and --tz, the zone those
// times are read in when they are a time of day (`22:12`, `yesterday 23:40`).
import type { OptionValues } from "../../cli/command.ts";
import type { Config } from "../../records/record-types.ts";
import { UsageError } from "../../errors.ts";
import { str } from "./flag-values.ts";
import { describeTime, parsePastTime } from "./time-input.ts";

/** The text of --message (or of --body), if given. */
export function messageFlag(values: OptionValues): string | undefined {
  return str(values.message) ?? str(values.body);
}

/** The zone typed times are read in: --tz, else site.timezone, else UTC. */
export function zoneFlag(values: OptionValues, config: Config): string {
  const given = str(values.tz);
  if (given === undefined) return config.site.timezone ?? "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: given });
  } catch {
    throw new UsageError(
      `--tz \`${given}\` is not a time zone.`,
      `Use an IANA name such as America/Chicago, Europe/Berlin or UTC (site.timezone is ${config.site.timezone ?? "not set, so UTC"}).`,
    );
  }
  return given;
}

/** The time a flag gives, if it is given; a time in the future is refused. */
export function pastTimeFlag(values: OptionValues, flag: string, now: Date, zone = "UTC"): string | undefined {
  const text = str(values[flag]);
  return text === undefined ? undefined : parsePastTime(text, now, `--${flag}`, zone);
}

/** The time of --at: when it happened, now unless given. */
export function atFlag(values: OptionValues, now: Date, zone = "UTC"): string {
  return pastTimeFlag(values, "at", now, zone) ?? parsePastTime("now", now, "--at");
}

/**
 * What each time flag given as something other than RFC 3339 was read as, with the zone, so a
 * wrong reading shows before the pull request: "--at 22:12 is 2026-11-22T04:12:00Z: 2026-11-21
 * 22:12 America/Chicago (-06:00), 7 h 48 min ago."
 */
export function timeNotes(values: OptionValues, flags: { flag: string; time: string | undefined }[], zone: string, now: Date): string[] {
  return flags.flatMap(({ flag, time }) => {
    const typed = str(values[flag]);
    if (typed === undefined || time === undefined || /^\d{4}-\d{2}-\d{2}[Tt ]/.test(typed.trim())) return [];
    return [`--${flag} ${typed} is ${time}: ${describeTime(time, zone, now)}.`];
  });
}
