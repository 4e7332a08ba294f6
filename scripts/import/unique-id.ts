// Ids an import makes for new components and records: `base`, or `base-2`, `base-3`… the first one
// not taken yet. The base is a slug made the way `sitrep declare` makes them (authoring's slugify).
export { slugify as slug } from "../authoring/edits/slug.ts";

/** `base`, or `base-2`, `base-3`… the first not in `taken` (which it then joins). */
export function unique(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}
