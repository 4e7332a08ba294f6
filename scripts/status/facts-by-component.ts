// The records that concern each component (`concerns` in the model), indexed once per published
// model: component pages, component feeds and component calendars each asked every record
// about every component, 2,400 components × 10,000 records per output.
import { concerns, type IncidentFacts } from "../model/incident-facts.ts";
import type { PublishedModel } from "./published-model.ts";

const cache = new WeakMap<PublishedModel, Map<string, IncidentFacts[]>>();

/** The facts that concern `componentId`, in the model's order (empty when none do). */
export function factsConcerning(model: PublishedModel, componentId: string): readonly IncidentFacts[] {
  let index = cache.get(model);
  if (index === undefined) cache.set(model, (index = indexFacts(model.facts)));
  return index.get(componentId) ?? [];
}

function indexFacts(facts: readonly IncidentFacts[]): Map<string, IncidentFacts[]> {
  const index = new Map<string, IncidentFacts[]>();
  for (const fact of facts) {
    const ids = new Set([...fact.touched, ...fact.windows.map((w) => w.componentId)]);
    for (const id of ids) {
      if (!concerns(fact, id)) continue; // the model's definition stays the one that decides
      const list = index.get(id);
      if (list) list.push(fact);
      else index.set(id, [fact]);
    }
  }
  return index;
}
