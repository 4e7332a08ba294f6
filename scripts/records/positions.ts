// Maps a JSON path in a record's front matter back to a line and column.
//
// Only files with findings are located, but on a corpus with 18,000 findings that is nearly every
// file: re-parsing them with the `yaml` document API took half of `validate`'s time. js-yaml's
// event stream (the first half of the fast parser, with offsets) is enough to find a node, so
// the locator re-reads events, not a document: several times cheaper, and no second parser.
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from "js-yaml";
import type { Node } from "yaml";
import { parseYamlWithPositions, yamlPackage, type PositionedDocument } from "./parse-yaml.ts";

export interface Position {
  line: number;
  column: number;
}

export interface PositionLocator {
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], at?: "key" | "value"): Position;
}

/** Builds a locator for one file's front matter (YAML lines are file lines; see front-matter.ts). */
export function createLocator(yamlText: string): PositionLocator {
  let tree: TreeNode | undefined | null;
  let lineStarts: number[] | undefined;
  let fallback: PositionedDocument | undefined;
  return {
    locate(path, at = "value") {
      if (tree === undefined) tree = eventTree(yamlText);
      if (tree === null) {
        // The event parser refused what the loader accepted (should not happen): use the document API.
        fallback ??= parseYamlWithPositions(yamlText);
        return locateInDocument(fallback, path, at);
      }
      lineStarts ??= startsOfLines(yamlText);
      return positionOf(lineStarts, locateOffset(yamlText, tree, path, at));
    },
  };
}

type ScalarNode = { kind: "scalar"; start: number; event: Parameters<typeof getScalarValue>[1] | undefined };
type Pair = [TreeNode, TreeNode | undefined];
/** `index`: the pairs by key text, built on the first lookup (the first pair of a key wins, as in a find). */
type MapNode = { kind: "map"; start: number; pairs: Pair[]; index?: Map<string, Pair> };
type SeqNode = { kind: "seq"; start: number; items: TreeNode[] };
type TreeNode = ScalarNode | MapNode | SeqNode;

/** The front matter's node tree with start offsets (-1: no text, e.g. an empty value); null when unparseable. */
function eventTree(text: string): TreeNode | undefined | null {
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(text, {});
  } catch {
    return null;
  }
  const stack: (MapNode | SeqNode)[] = [];
  let root: TreeNode | undefined;
  const add = (node: TreeNode) => {
    const parent = stack[stack.length - 1];
    if (!parent) root ??= node;
    else if (parent.kind === "seq") parent.items.push(node);
    else {
      const last = parent.pairs[parent.pairs.length - 1];
      if (last && last[1] === undefined) last[1] = node;
      else parent.pairs.push([node, undefined]);
    }
  };
  for (const event of events) {
    if (event.type === EVENT_ID.SCALAR) add({ kind: "scalar", start: scalarStart(text, event), event });
    else if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const node: MapNode | SeqNode =
        event.type === EVENT_ID.MAPPING ? { kind: "map", start: event.start, pairs: [] } : { kind: "seq", start: event.start, items: [] };
      add(node);
      stack.push(node);
    } else if (event.type === EVENT_ID.POP) stack.pop();
    else if (event.type === EVENT_ID.ALIAS) add({ kind: "scalar", start: event.anchorStart - 1, event: undefined });
  }
  return root;
}

/**
 * Where a scalar's text starts, as the `yaml` package counts it: at the opening quote of a quoted
 * scalar and at the `|` or `>` of a block scalar (js-yaml's offsets point inside them).
 */
function scalarStart(text: string, event: NonNullable<ScalarNode["event"]>): number {
  const start = event.valueStart;
  if (start < 0) return -1;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return start - 1;
  if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    return Math.max(text.lastIndexOf("|", start), text.lastIndexOf(">", start));
  }
  return start;
}

function locateOffset(text: string, root: TreeNode | undefined, path: readonly (string | number)[], at: "key" | "value"): number {
  let node = root;
  let position = root && root.start >= 0 ? root.start : -1;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    if (node.kind === "map") {
      // Indexed once per mapping: a search per finding made 40,000 unknown keys take 35 s.
      const pair = pairIndex(text, node).get(String(segment));
      if (!pair) return position;
      const keyStart = pair[0].start >= 0 ? pair[0].start : position;
      if (i === path.length - 1 && at === "key") return keyStart;
      node = pair[1];
      position = node && node.start >= 0 ? node.start : keyStart;
    } else if (node.kind === "seq" && typeof segment === "number") {
      node = node.items[segment];
      if (!node) return position;
      if (node.start >= 0) position = node.start;
    } else {
      return position;
    }
  }
  return position;
}

function pairIndex(text: string, node: MapNode): Map<string, Pair> {
  if (node.index) return node.index;
  const index = new Map<string, Pair>();
  for (const pair of node.pairs) {
    const [key] = pair;
    if (key.kind !== "scalar" || !key.event) continue;
    const name = getScalarValue(text, key.event);
    if (!index.has(name)) index.set(name, pair);
  }
  node.index = index;
  return index;
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset; an empty front matter (-1) points at its opening line. */
function positionOf(lineStarts: readonly number[], offset: number): Position {
  if (offset < 0) return { line: 1, column: 1 };
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

function locateInDocument(
  { document, lineCounter }: PositionedDocument,
  path: readonly (string | number)[],
  at: "key" | "value",
): Position {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = document.contents;
  let position = rangeStart(node as Node, lineCounter) ?? { line: 1, column: 1 };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return position;
      const keyPos = rangeStart(pair.key as Node, lineCounter) ?? position;
      if (i === path.length - 1 && at === "key") return keyPos;
      node = pair.value;
      position = rangeStart(node as Node, lineCounter) ?? keyPos;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) return position;
      position = rangeStart(node as Node, lineCounter) ?? position;
    } else {
      return position;
    }
  }
  return position;
}

function rangeStart(node: Node | null | undefined, lineCounter: PositionedDocument["lineCounter"]): Position | undefined {
  if (!node?.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}
