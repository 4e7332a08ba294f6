// The hidden markers that tie a GitHub issue to an action item. sitrep owns only the text
// between the start marker and the end marker; anything outside (an adopted issue's original
// text) is kept as it is.

/** `<postmortem id>/<item id>`: an action item's global key. */
export type ItemKey = string;

export const itemKey = (postmortemId: string, itemId: string): ItemKey => `${postmortemId}/${itemId}`;

export const startMarker = (key: ItemKey) => `<!-- sitrep:action-item ${key} -->`;
export const END_MARKER = "<!-- /sitrep:action-item -->";
/** Records who the block named as owner, so an owner GitHub cannot assign is not retried every run. */
export const ownerMarker = (owner: string) => `<!-- sitrep:owner ${owner} -->`;

const START = /<!-- sitrep:action-item ([^\s/]+\/[^\s/]+) -->/;
const OWNER = /<!-- sitrep:owner ([A-Za-z0-9-]+) -->/;

/** The item key in an issue body, or undefined when it has no marker. */
export function findMarker(body: string | null | undefined): ItemKey | undefined {
  return body ? START.exec(body)?.[1] : undefined;
}

export interface BodyParts {
  /** Text before sitrep's block (an adopted issue's own text), without trailing blank lines. */
  before: string;
  /** sitrep's block, markers included, or undefined when the body has none. */
  block: string | undefined;
  after: string;
}

export function splitBody(body: string | null | undefined): BodyParts {
  const text = body ?? "";
  const start = START.exec(text);
  if (!start) return { before: text.trimEnd(), block: undefined, after: "" };
  const endAt = text.indexOf(END_MARKER, start.index);
  // A marker without an end (hand-edited): sitrep owns everything from the marker on.
  const blockEnd = endAt === -1 ? text.length : endAt + END_MARKER.length;
  return {
    before: text.slice(0, start.index).trimEnd(),
    block: text.slice(start.index, blockEnd),
    after: text.slice(blockEnd).trimStart(),
  };
}

/** The owner recorded in sitrep's block, if any. */
export function recordedOwner(block: string | undefined): string | undefined {
  return block ? OWNER.exec(block)?.[1] : undefined;
}
