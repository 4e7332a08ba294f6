// Prints an edited front matter Document so that every top-level key the edit did not change
// keeps its original text byte for byte (comments after `key:`, unindented `- ` items, folded
// scalars, flow maps), and a list the edit only appended to keeps its original text with the new
// items added below. Only what changed goes through the yaml printer. Pure: text in, text out.
// Returns undefined when it cannot do better than printing the whole Document; the caller then
// does that (see editFrontMatter), so correctness never depends on this file.
import { isDeepStrictEqual } from "node:util";
import { isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Document, type Pair } from "yaml";

export interface PrintOptions {
  lineWidth: number;
  minContentWidth: number;
}

/**
 * One top-level key of the original text: `lead` is the comment and blank lines at column 0
 * directly above the key, `body` runs from the key line to its last line of content, `tail` is the
 * comment and blank lines after that (before the next key's lead). lead + body + tail is the chunk.
 */
export interface TopLevelChunk {
  lead: string;
  body: string;
  tail: string;
}

export interface TopLevelSplit {
  /** Text before the first chunk, kept verbatim. */
  preamble: string;
  chunks: TopLevelChunk[];
}

const isBlank = (line: string) => line.trim() === "";
const isComment = (line: string) => line.trimStart().startsWith("#");
const isLeadLine = (line: string) => isBlank(line) || line.startsWith("#");

/** Lines with their `\n` kept, so joining them gives the text back. */
export function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Splits YAML text at its top-level keys, given each key's offset in the text (in order).
 * Undefined when a key does not start a line (then the text is not a plain block mapping).
 */
export function splitTopLevel(yaml: string, keyOffsets: readonly number[]): TopLevelSplit | undefined {
  const lines = linesOf(yaml);
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length;
  }
  const keyLines: number[] = [];
  for (const keyOffset of keyOffsets) {
    const index = starts.indexOf(keyOffset);
    if (index === -1 || (keyLines.length > 0 && index <= keyLines[keyLines.length - 1])) return undefined;
    keyLines.push(index);
  }
  // Each chunk starts at its lead: the contiguous column-0 comments and blank lines above the key.
  const chunkStarts = keyLines.map((keyLine, i) => {
    const floor = i === 0 ? 0 : keyLines[i - 1] + 1;
    let start = keyLine;
    while (start > floor && isLeadLine(lines[start - 1])) start -= 1;
    return start;
  });
  const chunks = keyLines.map((keyLine, i) => {
    const end = i + 1 < chunkStarts.length ? chunkStarts[i + 1] : lines.length;
    let bodyEnd = end;
    while (bodyEnd > keyLine + 1 && (isBlank(lines[bodyEnd - 1]) || isComment(lines[bodyEnd - 1]))) bodyEnd -= 1;
    return {
      lead: lines.slice(chunkStarts[i], keyLine).join(""),
      body: lines.slice(keyLine, bodyEnd).join(""),
      tail: lines.slice(bodyEnd, end).join(""),
    };
  });
  return { preamble: lines.slice(0, chunkStarts[0] ?? lines.length).join(""), chunks };
}

/** The column of the `- ` of the block sequence item whose content starts at `offset`. */
export function dashColumn(yaml: string, offset: number): number | undefined {
  const lineStart = yaml.lastIndexOf("\n", offset - 1) + 1;
  const match = /^( *)- /.exec(yaml.slice(lineStart, offset + 1));
  return match ? match[1].length : undefined;
}

/** `body` (a chunk's body) with printed sequence items added below it, indented to `column`. */
export function appendItems(body: string, printedItems: string, column: number): string {
  const pad = " ".repeat(column);
  const items = linesOf(printedItems)
    .map((line) => (isBlank(line) ? line : pad + line))
    .join("");
  return (body.endsWith("\n") || body === "" ? body : `${body}\n`) + items;
}

/**
 * The printer moves `key:   # comment` (a comment after a key whose value is a collection) onto
 * its own line; when the original key line had it, the original key line comes back.
 */
export function restoreKeyLineComment(originalBody: string, printed: string): string {
  const originalLine = linesOf(originalBody)[0] ?? "";
  const match = /^([^\s#][^\n]*?:)[ \t]+(#[^\n]*)\n?$/.exec(originalLine);
  if (!match) return printed;
  const lines = linesOf(printed);
  if (lines.length < 2 || lines[0] !== `${match[1]}\n` || lines[1].trim() !== match[2].trim()) return printed;
  return [originalLine.endsWith("\n") ? originalLine : `${originalLine}\n`, ...lines.slice(2)].join("");
}

/**
 * A one-line `key: value   # comment` whose value changed keeps its comment in the original
 * column (or one space after the value, when the new value is longer).
 */
export function restoreCommentColumn(originalBody: string, printed: string): string {
  const original = /^([^\s#][^\n#]*?)([ \t]+)(#[^\n]*)\n?$/.exec(originalBody);
  const now = /^([^\s#][^\n#]*?) (#[^\n]*)\n$/.exec(printed);
  if (!original || !now || original[3] !== now[2] || original[2].includes("\t")) return printed;
  const column = original[1].length + original[2].length;
  return `${now[1]}${" ".repeat(Math.max(1, column - now[1].length))}${now[2]}\n`;
}

/** Trailing comment and blank lines removed (the chunk's own tail is emitted instead). */
function withoutTrailingComments(printed: string): string {
  const lines = linesOf(printed);
  let end = lines.length;
  while (end > 1 && (isBlank(lines[end - 1]) || isComment(lines[end - 1]))) end -= 1;
  return lines.slice(0, end).join("");
}

const keyOf = (pair: Pair): string | undefined => (isScalar(pair.key) ? String(pair.key.value) : undefined);

/** One copy of `doc` (same schema) per Document, whose contents are swapped to print parts. */
const scratches = new WeakMap<Document, Document>();
function scratchFor(doc: Document): Document {
  let scratch = scratches.get(doc);
  if (!scratch) {
    scratch = doc.clone();
    scratch.commentBefore = null;
    scratch.comment = null;
    scratches.set(doc, scratch);
  }
  return scratch;
}

/**
 * Prints the pair at `index` of the Document's top-level map on its own; `tweak` changes a copy of
 * the pair first. Printing does not change nodes, so untweaked pairs are printed without copying.
 */
function printPair(doc: Document, index: number, options: PrintOptions, tweak?: (pair: Pair) => void): string {
  const scratch = scratchFor(doc);
  const source = (doc.contents as YAMLMap).items[index] as Pair;
  const pair = tweak ? (source.clone(scratch.schema) as Pair) : source;
  tweak?.(pair);
  const map = new YAMLMap(scratch.schema);
  map.items = [pair];
  scratch.contents = map;
  return scratch.toString(options);
}

/** Prints sequence items on their own, as a top-level block sequence (`- ` at column 0). */
function printItems(doc: Document, seq: YAMLSeq, from: number, options: PrintOptions, to?: number): string {
  const scratch = scratchFor(doc);
  const items = new YAMLSeq(scratch.schema);
  items.items = seq.items.slice(from, to);
  scratch.contents = items;
  return scratch.toString(options);
}

/** The value of the top-level pair at each index when both are block lists (not `[a, b]` flow lists), else undefined. */
/** One top-level pair before and after an edit, with the original's printed text. */
interface PairEdit {
  pristine: Document;
  pristineIndex: number;
  edited: Document;
  editedIndex: number;
  pristinePrinted: string;
  options: PrintOptions;
}

function blockLists({ pristine, pristineIndex, edited, editedIndex }: PairEdit): { before: YAMLSeq; after: YAMLSeq } | undefined {
  const before = (pristine.contents as YAMLMap).items[pristineIndex].value;
  const after = (edited.contents as YAMLMap).items[editedIndex].value;
  if (!isSeq(before) || !isSeq(after) || before.flow || after.flow) return undefined;
  return { before, after };
}

/** The number of original items when `edited` is `pristine` with items appended (same printed text), else undefined. */
function appendedFrom(listEdit: PairEdit): number | undefined {
  const { edited, editedIndex, pristinePrinted, options } = listEdit;
  const lists = blockLists(listEdit);
  if (lists === undefined) return undefined;
  const { before, after } = lists;
  const count = before.items.length;
  if (count === 0 || after.items.length <= count) return undefined;
  const truncated = printPair(edited, editedIndex, options, (pair) => {
    (pair.value as YAMLSeq).items = (pair.value as YAMLSeq).items.slice(0, count);
  });
  return truncated === pristinePrinted ? count : undefined;
}

/**
 * For a block list that only got new items (anywhere, e.g. a timeline entry inserted in time
 * order): per edited item, the index of the original item it is (printing the same), or -1 for a
 * new one. Undefined unless every original item survives unchanged, in order, and nothing else
 * about the list changed.
 */
function keptItems(listEdit: PairEdit): number[] | undefined {
  const { pristine, edited, editedIndex, pristinePrinted, options } = listEdit;
  const lists = blockLists(listEdit);
  if (lists === undefined || lists.before.items.length === 0) return undefined;
  const { before, after } = lists;
  const originals = before.items.map((_, k) => printItems(pristine, before, k, options, k + 1));
  const origin: number[] = [];
  let next = 0;
  for (let j = 0; j < after.items.length; j += 1) {
    if (next < originals.length && printItems(edited, after, j, options, j + 1) === originals[next]) origin.push(next++);
    else origin.push(-1);
  }
  if (next !== originals.length) return undefined;
  const withoutNew = printPair(edited, editedIndex, options, (pair) => {
    (pair.value as YAMLSeq).items = (pair.value as YAMLSeq).items.filter((_, j) => origin[j] !== -1);
  });
  return withoutNew === pristinePrinted ? origin : undefined;
}

/**
 * A chunk body cut at its list items: `head` (the key line and anything before the first item) and
 * each item's original text, from its `- ` line to the next one's. Undefined unless every item
 * starts its own line at the same column.
 */
export function itemTexts(
  original: string,
  bodyStart: number,
  body: string,
  itemOffsets: readonly number[],
): { head: string; items: string[]; column: number } | undefined {
  const bodyEnd = bodyStart + body.length;
  const starts: number[] = [];
  let column: number | undefined;
  for (const offset of itemOffsets) {
    const lineStart = original.lastIndexOf("\n", offset - 1) + 1;
    const dash = dashColumn(original, offset);
    if (
      dash === undefined ||
      (column !== undefined && dash !== column) ||
      lineStart < bodyStart ||
      lineStart >= bodyEnd ||
      lineStart <= (starts[starts.length - 1] ?? -1)
    )
      return undefined;
    column = dash;
    starts.push(lineStart);
  }
  if (column === undefined) return undefined;
  const items = starts.map((start, k) => {
    const text = original.slice(start, starts[k + 1] ?? bodyEnd);
    return text.endsWith("\n") ? text : `${text}\n`;
  });
  return { head: original.slice(bodyStart, starts[0]), items, column };
}

/**
 * The edited front matter with untouched top-level keys copied from `original`. `respace` gives
 * printed text back its original comment spacing. Undefined when this cannot be done safely
 * (the result is checked by parsing it back).
 */
export function printMinimal(
  original: string,
  pristine: Document,
  edited: Document,
  options: PrintOptions,
  respace: (printed: string) => string,
): string | undefined {
  if (!isMap(pristine.contents) || !isMap(edited.contents)) return undefined;
  const pristineMap = pristine.contents as YAMLMap;
  const editedMap = edited.contents as YAMLMap;
  const offsets: number[] = [];
  const indexByKey = new Map<string, number>();
  for (const [i, pair] of (pristineMap.items as Pair[]).entries()) {
    const key = keyOf(pair);
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (key === undefined || !range || indexByKey.has(key)) return undefined;
    indexByKey.set(key, i);
    offsets.push(range[0]);
  }
  const split = splitTopLevel(original, offsets);
  if (!split) return undefined;

  let out = split.preamble;
  for (const [editedIndex, pair] of (editedMap.items as Pair[]).entries()) {
    const key = keyOf(pair);
    const pristineIndex = key === undefined ? undefined : indexByKey.get(key);
    if (pristineIndex === undefined) {
      out += respace(printPair(edited, editedIndex, options));
      continue;
    }
    const chunk = split.chunks[pristineIndex];
    const before = printPair(pristine, pristineIndex, options);
    if (printPair(edited, editedIndex, options) === before) {
      out += chunk.lead + chunk.body + chunk.tail;
      continue;
    }
    const listEdit: PairEdit = { pristine, pristineIndex, edited, editedIndex, pristinePrinted: before, options };
    const kept = appendedFrom(listEdit);
    const firstItem =
      kept === undefined
        ? undefined
        : (((pristineMap.items[pristineIndex] as Pair).value as YAMLSeq).items[0] as { range?: [number, number, number] });
    const column = firstItem?.range ? dashColumn(original, firstItem.range[0]) : undefined;
    if (kept !== undefined && column !== undefined) {
      const seq = (editedMap.items[editedIndex] as Pair).value as YAMLSeq;
      out += chunk.lead + appendItems(chunk.body, respace(printItems(edited, seq, kept, options)), column) + chunk.tail;
      continue;
    }
    const origin = keptItems(listEdit);
    const pristineSeq = (pristineMap.items[pristineIndex] as Pair).value as YAMLSeq;
    const cut =
      origin &&
      itemTexts(
        original,
        offsets[pristineIndex],
        chunk.body,
        pristineSeq.items.map((item) => (item as { range?: [number, number, number] }).range?.[0] ?? -1),
      );
    if (origin && cut) {
      const seq = (editedMap.items[editedIndex] as Pair).value as YAMLSeq;
      const items = origin.map((k, j) =>
        k === -1 ? appendItems("", respace(printItems(edited, seq, j, options, j + 1)), cut.column) : cut.items[k],
      );
      out += chunk.lead + cut.head + items.join("") + chunk.tail;
      continue;
    }
    // Changed in some other way: print the pair, but keep its own lead and tail lines as written.
    const printed = printPair(edited, editedIndex, options, (p) => {
      if (isScalar(p.key)) {
        p.key.commentBefore = undefined;
        p.key.spaceBefore = false;
      }
    });
    out +=
      chunk.lead +
      restoreCommentColumn(chunk.body, restoreKeyLineComment(chunk.body, respace(withoutTrailingComments(printed)))) +
      chunk.tail;
  }

  const check = parseDocument(out);
  if (check.errors.length > 0 || !isDeepStrictEqual(check.toJS(), edited.toJS())) return undefined;
  return out;
}
