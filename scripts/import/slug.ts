// Names → kebab-case slugs for component ids and file names ("Checkout API (EU)" →
// "checkout-api-eu"), the same way `sitrep declare` makes them. Pure.
const MAX_SLUG = 60;

export function slug(text: string, fallback: string): string {
  const words = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (words.length <= MAX_SLUG) return words || fallback;
  const cut = words.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG)).replace(/-+$/, "") || fallback;
}

/** `base`, or `base-2`, `base-3`… the first not in `taken` (which it then joins). */
export function unique(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}
