// How long a build stays current: the moment after which a newer build should have replaced it.
// The deploy workflow runs every DEPLOY_EVERY_MINUTES but rebuilds only when the site would
// change (publish-due.ts): while something is open that is every run; on a quiet day it is the
// next moment the clock alone changes the site (local midnight, or a time in a record). An open
// page compares the clock with this, not with a fixed age, before it calls itself out of date
// (decision 0121). Pure: records and `now` in.
import type { Repository } from "../records/record-types.ts";
import { publishDue } from "./publish-due.ts";

/** The schedule of .github/workflows/deploy.yml (`*\/15 * * * *`; tests/github/workflows.unit.test.ts pins it). */
export const DEPLOY_EVERY_MINUTES = 15;

/** The next build that changes anything is due by this moment (ms since the epoch). */
export function freshUntil(repository: Repository, now: Date): number {
  const decision = publishDue({ repository, now, last: { builtAt: now } });
  // Due at once, with the stamp of this very build: something is open, so every scheduled run rebuilds.
  if (decision.due || decision.next === null) return now.getTime() + DEPLOY_EVERY_MINUTES * 60_000;
  return decision.next.getTime() + DEPLOY_EVERY_MINUTES * 60_000;
}
