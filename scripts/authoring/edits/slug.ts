// Titles → kebab-case slugs for file names ("Checkout errors (EU)" → "checkout-errors-eu"). Pure.

const MAX_SLUG = 60;

export function slugify(title: string, fallback = "incident"): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // drop the accents NFKD split off: "Zahlungsausfälle" → "zahlungsausfalle"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= MAX_SLUG) return words || fallback;
  // Cut at a word boundary so the slug stays readable.
  const cut = words.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > 20 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG)).replace(/-+$/, "") || fallback;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
