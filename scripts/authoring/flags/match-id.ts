// Ids are long (`2026-12-07-label-printing-fails-for-some-customers`); at 2 a.m. people type
// `label-printing` or `2026-12-07-label`. A query selects a record when it is the id, a unique
// prefix of an id, or a unique run of whole words of a slug (the id without its date). Pure: the
// known ids in, the match (or the candidates to suggest) out. ADR 0112.

export type IdMatch =
  | { kind: "exact"; id: string }
  | { kind: "short"; id: string }
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "none" };

const DATE = /^\d{4}-\d{2}-\d{2}-/;

/** How a query names an id: 0 not at all, 1 as a prefix or a run of whole slug words. */
function names(query: string, id: string): boolean {
  if (id.startsWith(query)) return true;
  const slug = id.replace(DATE, "");
  return `-${slug}-`.includes(`-${query}-`) || slug.startsWith(query);
}

/**
 * Resolves `query` among `ids`. `preferred` (e.g. the open incidents) breaks a tie: when exactly
 * one of several matches is preferred, it is the one meant.
 */
export function matchId(query: string, ids: readonly string[], preferred: ReadonlySet<string> = new Set()): IdMatch {
  const wanted = query.trim().toLowerCase().replace(/\.md$/, "").split("/").pop() ?? "";
  if (wanted === "") return { kind: "none" };
  if (ids.includes(wanted)) return { kind: "exact", id: wanted };
  const matches = ids.filter((id) => names(wanted, id));
  if (matches.length === 1) return { kind: "short", id: matches[0] };
  if (matches.length === 0) return { kind: "none" };
  const open = matches.filter((id) => preferred.has(id));
  if (open.length === 1) return { kind: "short", id: open[0] };
  // Open ones first, then the most recent: the likeliest meant.
  const rank = (id: string) => (preferred.has(id) ? 0 : 1);
  return { kind: "ambiguous", candidates: [...matches].sort((a, b) => rank(a) - rank(b) || b.localeCompare(a)) };
}
