// Which component map is in force when. A record's `components` holds from its start; each
// update's `components` REPLACES the whole map from the update's `at` (the schema says so): a
// component left out of the new map, or set to `operational`, is no longer affected. Every
// reader of component impact (impact windows, the API's component changes, authoring) takes
// the maps from here, so none of them can merge where another replaces.
import type { IncidentData } from "../records/record-types.ts";
import { toMillis } from "../core/time.ts";

export type ComponentMap = Record<string, string>;

/** A map that takes effect at `from` (ms since the epoch). */
export interface MapStep {
  from: number;
  map: ComponentMap;
}

type MapSource = Pick<IncidentData, "components" | "updates">;

/**
 * The record's map from `start`, then each update's map from its time (never before `start`),
 * ordered by time; updates keep their file order at equal times (the sort is stable).
 */
export function mapSteps(data: MapSource, start: number): MapStep[] {
  const steps: MapStep[] = [{ from: start, map: data.components ?? {} }];
  for (const update of data.updates ?? []) {
    const at = toMillis(update.at);
    if (update.components === undefined || at === undefined) continue;
    steps.push({ from: Math.max(at, start), map: update.components });
  }
  return steps.sort((a, b) => a.from - b.from);
}

/** The map after the last update in file order: what a new update starts from. */
export function latestComponentMap(data: MapSource): ComponentMap {
  let map: ComponentMap = data.components ?? {};
  for (const update of data.updates ?? []) if (update.components !== undefined) map = update.components;
  return { ...map };
}

/** Every component the record names, in its map or in any update's map, first mention first. */
export function componentsTouched(data: MapSource): string[] {
  const ids = new Set(Object.keys(data.components ?? {}));
  for (const update of data.updates ?? []) for (const id of Object.keys(update.components ?? {})) ids.add(id);
  return [...ids];
}
