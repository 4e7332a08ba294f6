// Whether the public site would look different now than at the last deploy. The site is computed
// at build time from the records and the clock, so with no new commit it changes only when time
// crosses something in the records (a maintenance window opens or closes, a future-dated update
// becomes due), when a new day begins (the 90-day bars roll over), or while something is open (its
// impact and today's uptime grow by the minute). The scheduled deploy asks this and skips the build
// otherwise. Pure: records, clock and stamp in, decision out. See docs/decisions/0066.
import { toMillis } from "../core/time.ts";
import type { Repository } from "../records/record-types.ts";
import { activeIncidents, activeMaintenance } from "../status/current-status.ts";
import { publishedModel } from "../status/published-model.ts";
import { incidentsFor, postmortemsFor } from "../status/audience.ts";
import { addDaysToDate, localDate, startOfLocalDay } from "../status/time-zone.ts";

/** What the last deploy published: written by deploy.yml as deployed.json next to the site. */
export interface DeployStamp {
  builtAt: Date;
  /** The commit the site was built from, when known. */
  commit?: string;
}

export interface DueInput {
  repository: Repository;
  now: Date;
  /** undefined: no record of a deploy (first deploy, or the stamp could not be read). */
  last: DeployStamp | undefined;
  /** The commit this run would build (GITHUB_SHA, or git HEAD). */
  head?: string;
  /** Rebuild anyway when the last deploy is this old, so "As of" on the page is never older. */
  maxAgeMinutes?: number;
}

export interface DueDecision {
  due: boolean;
  /** One line: why (not). */
  reason: string;
  /** The next moment the clock alone changes the site (a record time or local midnight). */
  next: Date | null;
}

/** A time in a record that the site compares with the clock. */
interface RecordTime {
  at: number;
  what: string;
}

export function publishDue(input: DueInput): DueDecision {
  const { repository, now, last, head } = input;
  const nowMs = now.getTime();
  const timeZone = repository.config.site.timezone ?? "UTC";
  const incidents = incidentsFor(repository, "public");
  const times: RecordTime[] = [];
  for (const record of [...incidents, ...postmortemsFor(repository, "public")]) recordTimes(record.raw, record.id, times);
  const midnight = startOfLocalDay(addDaysToDate(localDate(nowMs, timeZone), 1), timeZone);
  const upcoming = times.filter((t) => t.at > nowMs).map((t) => t.at);
  const next = new Date(Math.min(midnight, ...upcoming));
  const decide = (due: boolean, reason: string): DueDecision => ({ due, reason, next });

  if (!last) return decide(true, "there is no record of the last deploy (first deploy, or its deployed.json could not be read)");
  const sinceMs = last.builtAt.getTime();
  const since = last.builtAt.toISOString();
  if (sinceMs > nowMs)
    return decide(true, `the last deploy says it was built at ${since}, after now (${now.toISOString()}): a clock is wrong, so rebuild`);
  if (head && last.commit && head !== last.commit)
    return decide(true, `the site shows commit ${last.commit.slice(0, 12)}, this run is at ${head.slice(0, 12)}`);

  const { facts } = publishedModel(repository, "public", now);
  const open = [...activeIncidents(facts), ...activeMaintenance(facts)];
  if (open.length > 0) return decide(true, `${open[0].id} is open: its impact and today's uptime change by the minute`);
  const passed = times.filter((t) => t.at > sinceMs && t.at <= nowMs).sort((a, b) => a.at - b.at);
  if (passed.length > 0)
    return decide(true, `${passed[0].what} (${new Date(passed[0].at).toISOString()}) passed since the last deploy at ${since}`);
  if (localDate(sinceMs, timeZone) !== localDate(nowMs, timeZone))
    return decide(true, `a new day began in ${timeZone} since the last deploy at ${since} (the 90-day bars roll over)`);
  if (input.maxAgeMinutes !== undefined && nowMs - sinceMs >= input.maxAgeMinutes * 60_000) {
    return decide(true, `the last deploy at ${since} is older than --max-age ${input.maxAgeMinutes} minutes`);
  }
  return decide(
    false,
    `nothing in the records changes the public site between the last deploy at ${since} and now; next change by the clock at ${next.toISOString()}`,
  );
}

/**
 * Every date-time in a record's front matter, named by its path (`<id>: updates[2].at`). The walk
 * keeps the path as a stack and names only what is a time: a build asks this of every record
 * (freshUntil), and naming every value on the way cost more than the walk itself.
 */
function recordTimes(value: unknown, id: string, out: RecordTime[]): void {
  const segments: (string | number)[] = [];
  const walk = (node: unknown): void => {
    if (node instanceof Date) out.push({ at: node.getTime(), what: pathName(id, segments) });
    else if (typeof node === "string") {
      const at = toMillis(node);
      if (at !== undefined) out.push({ at, what: pathName(id, segments) });
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        segments.push(i);
        walk(node[i]);
        segments.pop();
      }
    } else if (node && typeof node === "object") {
      for (const key of Object.keys(node)) {
        segments.push(key);
        walk((node as Record<string, unknown>)[key]);
        segments.pop();
      }
    }
  };
  walk(value);
}

/** `<id>: updates[2].at`: the first key after the id follows ": ", later ones ".", indexes `[i]`. */
function pathName(id: string, segments: readonly (string | number)[]): string {
  let name = id;
  for (const segment of segments) {
    if (typeof segment === "number") name += `[${segment}]`;
    else name += `${name.includes(":") ? "." : ": "}${segment}`;
  }
  return name;
}
