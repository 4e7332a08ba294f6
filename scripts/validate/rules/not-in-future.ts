// A time in a record that is after now is almost always an offset mistake (22:30 local typed as
// `22:30Z`): the update sits in the file but the page, built as of now, leaves it out and keeps
// the old status; a future `published_at` hides a postmortem. An error, naming the likely time in
// the site's zone (model/offset-mistake.ts). Maintenance is not checked: its window is meant to
// be in the future, and its progress updates may be written ahead (ADR 0111).
import type { Finding } from "../../records/finding.ts";
import { formatDuration } from "../../model/duration.ts";
import { likelyMeant } from "../../model/offset-mistake.ts";
import { eachCheckedTime, timeName } from "../checked-times.ts";
import { finding, ms, type Rule } from "../rule.ts";

/** Clocks disagree a little; an update stamped a few minutes ahead is not a mistake worth stopping for. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export const notInFuture: Rule = {
  id: "not-in-future",
  severity: "error",
  description:
    "No incident update, timeline entry or milestone, and no postmortem `published_at`, is dated after now (more than 5 minutes of clock skew).",
  needsConfig: true,
  check({ incidents, postmortems, config, now }) {
    const found: Finding[] = [];
    const zone = config.site.timezone ?? "UTC";
    const limit = now.getTime() + CLOCK_SKEW_MS;
    const afterLimit = (time: string) => ms(time) > limit;
    eachCheckedTime(
      incidents,
      postmortems,
      ({ record, path, time }) => {
        const ahead = formatDuration((ms(time) - now.getTime()) / 60_000);
        const meant = likelyMeant(time, now.getTime(), zone, CLOCK_SKEW_MS);
        const hint = meant
          ? `Did you mean ${meant.time} (${meant.time.slice(11, 16)} in ${zone}, ${formatDuration((now.getTime() - meant.ms) / 60_000)} ago)? ` +
            "A time needs the offset of the clock it was read from; `Z` is UTC."
          : "Check the date and the offset (`Z` is UTC); a time cannot be after the change that records it.";
        found.push(
          finding(
            notInFuture,
            record,
            path,
            `${timeName(path)} (${time}) is ${ahead} after now (${now.toISOString().replace(".000Z", "Z")}).`,
            hint,
          ),
        );
      },
      afterLimit,
    );
    return found;
  },
};
