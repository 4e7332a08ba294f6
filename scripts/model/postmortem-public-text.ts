// What of a postmortem's text the public page shows, and the people it names there. A line that
// ends in `<!-- internal -->` is left out, and so is every line between a line that is only
// `<!-- internal -->` and one that is only `<!-- /internal -->` (the internal build shows them).
// `sitrep postmortem` marks the lines it copies from the incident's internal timeline so, and
// the postmortem-handles rule and `sitrep publish-postmortem` read the public text from here, so
// the page, the rule and the preview cannot disagree about what is public (decision 0116). Pure.

export const INTERNAL_MARK = "<!-- internal -->";
export const INTERNAL_END = "<!-- /internal -->";

/** A line of the body the public page shows; `offset` is its 0-based line in the body. */
export interface PublicLine {
  offset: number;
  text: string;
}

export function publicLines(body: string): PublicLine[] {
  const lines: PublicLine[] = [];
  let inBlock = false;
  body.split(/\r?\n/).forEach((text, offset) => {
    const trimmed = text.trim();
    if (trimmed === INTERNAL_MARK) inBlock = true;
    else if (trimmed === INTERNAL_END) inBlock = false;
    else if (!inBlock && !text.includes(INTERNAL_MARK)) lines.push({ offset, text });
  });
  return lines;
}

/** The body without its internal lines: what the public page renders. */
export function publicBody(body: string): string {
  return publicLines(body)
    .map((l) => l.text)
    .join("\n");
}

/** A person named in the public text: `@handle`, or a known person's handle as a word. */
export interface Mention {
  offset: number;
  /** 1-based. */
  column: number;
  handle: string;
}

const AT_HANDLE = /(?<![\w@.-])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![\w-])/g;

export function mentions(lines: readonly PublicLine[], people: ReadonlySet<string>): Mention[] {
  const word = handlesPattern(people);
  const found: Mention[] = [];
  let fence = false;
  for (const { offset, text } of lines) {
    if (/^\s*(```|~~~)/.test(text)) fence = !fence;
    if (fence) continue;
    const taken = new Set<number>();
    for (const match of text.matchAll(AT_HANDLE)) {
      found.push({ offset, column: match.index + 1, handle: match[1] });
      taken.add(match.index + 1);
    }
    if (word) {
      for (const match of text.matchAll(word)) {
        if (!taken.has(match.index)) found.push({ offset, column: match.index + 1, handle: match[1] });
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset || a.column - b.column);
}

// One pattern per set of people, not one per text: validate asks for every published postmortem
// with the same set (1,000 postmortems: the sort and the compile of a pattern of every handle
// showed in the profile). Keyed by the set itself: a caller passes a set it no longer changes
// (knownPeople builds a new one per run). matchAll copies the pattern, so sharing its lastIndex is safe.
const patterns = new WeakMap<ReadonlySet<string>, RegExp | undefined>();

/** Any known handle as a whole word (longest first), or undefined when no one is known. */
function handlesPattern(people: ReadonlySet<string>): RegExp | undefined {
  if (patterns.has(people)) return patterns.get(people);
  const known = [...people].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  const word = known.length === 0 ? undefined : new RegExp(`(?<![\\w@/.-])(${known.map(escapeRegExp).join("|")})(?![\\w-])`, "gi");
  patterns.set(people, word);
  return word;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
