// Which incident and which update of the previous site is "the same" as one of this build's —
// by what the reader saw, not by ids that depend on how a record is stored. Statuspage ids hash
// the record's file name and each update's time as written (decision 0021), so renaming a file
// gives every update a new id, and rewriting `11:52Z` as `12:52+01:00` gives one a new id
// although it is the same instant. Notify matches instead (decision 0170):
// - an incident by its id, else — a renamed file — by a previous incident no longer in this build
//   that shares an update (same instant, status and text) or its start instant and title;
// - an update by its instant, status and text; then, among those left, by status and text (its
//   time was corrected) and by instant (its text was edited). What is left in this build is new,
//   so an update inserted beside one of the same time is new, and an edited one is not.
// Pure.
import { toMillis } from "../core/time.ts";
import type { ApiIncident, ApiUpdate } from "./published-site.ts";

const instant = (time: string): number => toMillis(time) ?? Number.NaN;
const exactKey = (u: ApiUpdate) => `${instant(u.created_at)}|${u.status}|${u.body}`;
const textKey = (u: ApiUpdate) => `${u.status}|${u.body}`;
const timeKey = (u: ApiUpdate) => String(instant(u.created_at));

/** For each incident of `now`, its counterpart in `before`, if it has one. */
export function matchIncidents(before: readonly ApiIncident[], now: readonly ApiIncident[]): Map<ApiIncident, ApiIncident> {
  const byId = new Map(before.map((i) => [i.id, i]));
  const matched = new Map<ApiIncident, ApiIncident>();
  const nowIds = new Set(now.map((i) => i.id));
  // Only incidents that left the build can have been renamed into a new one.
  const gone = new Set(before.filter((i) => !nowIds.has(i.id)));
  for (const incident of now) {
    const same = byId.get(incident.id);
    if (same) {
      matched.set(incident, same);
      continue;
    }
    const keys = new Set(incident.incident_updates.map(exactKey));
    let best: ApiIncident | undefined;
    let bestScore = 0;
    for (const candidate of gone) {
      const shared = candidate.incident_updates.filter((u) => keys.has(exactKey(u))).length;
      const sameStart = instant(candidate.created_at) === instant(incident.created_at) && candidate.name === incident.name;
      const score = shared + (sameStart ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (best) {
      matched.set(incident, best);
      gone.delete(best);
    }
  }
  return matched;
}

/** The updates of `now` that have no counterpart in `before`, in `now`'s order. */
export function unmatchedUpdates(before: readonly ApiUpdate[], now: readonly ApiUpdate[]): ApiUpdate[] {
  const left = new Set(now);
  const pool = [...before];
  for (const key of [exactKey, textKey, timeKey]) {
    for (const update of [...left]) {
      const k = key(update);
      const at = pool.findIndex((p) => key(p) === k);
      if (at === -1) continue;
      pool.splice(at, 1);
      left.delete(update);
    }
  }
  return now.filter((u) => left.has(u));
}
