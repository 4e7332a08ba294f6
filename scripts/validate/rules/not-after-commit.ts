// A time later than the commit that added it was written ahead of when it was known: almost
// always an offset mistake that not-in-future no longer sees once the time has passed (a record
// validated long after its merge). Runs only with the commit times (`validate --history`, CI's
// check of a change); times not committed yet are not-in-future's. Names the likely time.
import type { Finding } from "../../records/finding.ts";
import { formatDuration } from "../../model/duration.ts";
import { likelyMeant } from "../../model/offset-mistake.ts";
import { eachCheckedTime, timeName } from "../checked-times.ts";
import { timeKey } from "../commit-times.ts";
import { finding, ms, type Rule } from "../rule.ts";
import { CLOCK_SKEW_MS } from "./not-in-future.ts";

const iso = (at: number) => new Date(at).toISOString().replace(".000Z", "Z");

export const notAfterCommit: Rule = {
  id: "not-after-commit",
  severity: "error",
  description:
    "With `--history`: no incident update, timeline entry or milestone, and no postmortem `published_at`, is dated after the commit that added it (more than 5 minutes of clock skew).",
  needsConfig: true,
  check({ incidents, postmortems, config, now, commitTimes }) {
    if (!commitTimes) return [];
    const found: Finding[] = [];
    const zone = config.site.timezone ?? "UTC";
    eachCheckedTime(incidents, postmortems, ({ record, path, field, time }) => {
      const added = commitTimes.get(record.source.path)?.get(timeKey(field, time));
      // After now: not-in-future's error already names it.
      if (!added || !(ms(time) > added.ms + CLOCK_SKEW_MS) || ms(time) > now.getTime() + CLOCK_SKEW_MS) return;
      const ahead = formatDuration((ms(time) - added.ms) / 60_000);
      const meant = likelyMeant(time, added.ms, zone, CLOCK_SKEW_MS);
      const hint = meant
        ? `Did you mean ${meant.time} (${meant.time.slice(11, 16)} in ${zone}, ${formatDuration((added.ms - meant.ms) / 60_000)} before that commit)? ` +
          "A time needs the offset of the clock it was read from; `Z` is UTC."
        : "Check the date and the offset (`Z` is UTC); a time cannot be after the commit that records it.";
      found.push(
        finding(
          notAfterCommit,
          record,
          path,
          `${timeName(path)} (${time}) is ${ahead} after the commit that added it (${added.commit.slice(0, 7)}, ${iso(added.ms)}).`,
          hint,
        ),
      );
    });
    return found;
  },
};
