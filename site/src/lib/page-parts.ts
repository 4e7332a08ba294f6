// What the small parts every page repeats compute, shared by the components in src/components/
// (exported to records repositories, docs/customising.md) and the pages that write the same
// markup inline. An Astro component instance costs Astro's setup on every use (its Astro global,
// render instance, async iteration): written inline on 10,000 incident pages these parts are
// plain template expressions instead (docs/decisions/0189). The HTML is the same either way.
import type { SearchFacets } from "./sitrep.ts";

/** Scheduled workflow runs start late on busy days; allow that much before calling a build overdue. */
export const REFRESH_GRACE_MS = 30 * 60_000;

/** A page's search metadata and filters as [name, value] pairs, in the order they are written. */
export function facetPairs(facets: SearchFacets): { meta: [string, string][]; filters: [string, string][] } {
  const meta = Object.entries(facets.meta).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const filters = Object.entries(facets.filters).flatMap(([name, values]) => values.map((value): [string, string] => [name, value]));
  return { meta, filters };
}

/** A link preview's description: the page's own, led by the overall status unless it says it already. */
export function shareSummary(description: string, indicatorDescription: string): string {
  return description.includes(indicatorDescription) ? description : `${indicatorDescription}. ${description}`;
}
