// "Is this already declared?" Two responders paged by the same alert both run `declare`; the
// second should hear about the first before a duplicate incident reaches the status page. Pure.
import { editDistance } from "../../records/closest.ts";
import { slugify } from "./slug.ts";

export interface OpenIncidentSummary {
  id: string;
  title: string;
  /** started_at (or detected_at) of the open incident, RFC 3339. */
  startedAt: string | undefined;
}

/** How close in time two declarations must be to count as the same event. */
export const SIMILAR_WITHIN_MS = 24 * 3_600_000;

/**
 * Same or very similar titles: the same slug, a slug a couple of typos away, or the same words
 * for the most part, filler words aside ("Checkout errors" / "Checkout errors for merchants"
 * share 2 of 3 words: no; "Checkout API errors" / "Errors on the checkout API" share 3 of 3: yes).
 */
export function similarTitles(a: string, b: string): boolean {
  const slugA = slugify(a);
  const slugB = slugify(b);
  if (slugA === slugB) return true;
  if (editDistance(slugA, slugB) <= Math.max(2, Math.floor(Math.min(slugA.length, slugB.length) / 8))) return true;
  const wordsA = words(slugA);
  const wordsB = words(slugB);
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / new Set([...wordsA, ...wordsB]).size >= 0.75;
}

/** Words that carry no meaning in a headline ("Checkout is down" ≈ "Checkout down"). */
const FILLER = new Set(["a", "an", "the", "is", "are", "was", "of", "for", "on", "in", "at", "to", "with", "some", "and"]);

function words(slug: string): Set<string> {
  const all = slug.split("-");
  const meaningful = all.filter((w) => !FILLER.has(w));
  return new Set(meaningful.length > 0 ? meaningful : all);
}

/** The first (oldest) open incident with a similar title that started within a day of `startedAt`. */
export function similarOpenIncident(
  open: readonly OpenIncidentSummary[],
  title: string,
  startedAt: string,
): OpenIncidentSummary | undefined {
  const time = Date.parse(startedAt);
  return open
    .filter(
      (o) => o.startedAt !== undefined && Math.abs(Date.parse(o.startedAt) - time) <= SIMILAR_WITHIN_MS && similarTitles(o.title, title),
    )
    .sort((a, b) => Date.parse(a.startedAt!) - Date.parse(b.startedAt!) || a.id.localeCompare(b.id))[0];
}
