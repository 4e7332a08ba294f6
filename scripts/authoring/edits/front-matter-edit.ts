// Edits a record's YAML front matter through the `yaml` Document API, so comments, key order,
// quoting and the Markdown body stay as the author wrote them. Pure: text in, text out.
// Top-level keys the edit did not change are copied from the original text (print-minimal.ts).
// Only the front matter between the `---` lines is re-printed; everything after the closing
// `---` (the body) is copied byte for byte, and CRLF files stay CRLF.
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { SitrepError } from "../../errors.ts";
import { printMinimal } from "./print-minimal.ts";

/** How the yaml package prints: never fold long lines (it would rewrap hand-written text). */
export const PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

export interface FrontMatterParts {
  /** BOM (if any) and the opening `---` line with its line ending. */
  prefix: string;
  /** The YAML text with LF line endings. */
  yaml: string;
  /** From the closing `---` to the end of the file, untouched. */
  suffix: string;
  eol: "\n" | "\r\n";
}

export function splitForEdit(text: string, file: string): FrontMatterParts {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text.slice(bom.length);
  const opening = /^---[ \t]*\r?\n/.exec(rest);
  const afterOpening = opening ? rest.slice(opening[0].length) : "";
  const closing = opening ? /^---[ \t]*\r?$/m.exec(afterOpening) : null;
  if (!opening || !closing) {
    throw new SitrepError(`${file} has no front matter between two \`---\` lines, so sitrep cannot edit it.`, {
      hint: "Run `npx sitrep validate` and fix the file first.",
      exitCode: 1,
    });
  }
  const yaml = afterOpening.slice(0, closing.index);
  return {
    prefix: bom + opening[0],
    yaml: yaml.replace(/\r\n/g, "\n"),
    suffix: afterOpening.slice(closing.index),
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}

/** Applies `edit` to the front matter's Document and returns the whole new file text. */
export function editFrontMatter(text: string, file: string, edit: (doc: Document) => void): string {
  const parts = splitForEdit(text, file);
  const pristine = parseDocument(parts.yaml);
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new SitrepError(
      `${file} has front matter that is not a YAML mapping sitrep can edit: ${doc.errors[0]?.message ?? "not a mapping"}.`,
      {
        hint: "Run `npx sitrep validate` and fix the file first.",
        exitCode: 1,
      },
    );
  }
  edit(doc);
  // Untouched keys keep their original text; the whole Document is printed only as a fallback.
  const respace = (printed: string) => restoreCommentSpacing(parts.yaml, printed);
  let yaml = minimalOrUndefined(parts.yaml, pristine, doc, respace) ?? respace(doc.toString(PRINT_OPTIONS));
  if (parts.eol === "\r\n") yaml = yaml.replace(/\n/g, "\r\n");
  return parts.prefix + yaml + parts.suffix;
}

/** The minimal print, or undefined when it cannot be made (e.g. aliases that do not print alone). */
function minimalOrUndefined(
  original: string,
  pristine: Document,
  edited: Document,
  respace: (printed: string) => string,
): string | undefined {
  try {
    return printMinimal(original, pristine, edited, PRINT_OPTIONS, respace);
  } catch {
    return undefined;
  }
}

/**
 * The yaml package prints `key: value # comment` with one space before `#`; authors often align
 * trailing comments in columns. Lines that differ from an original line only in that spacing get
 * the original line back, so an edit never touches lines it did not change.
 */
export function restoreCommentSpacing(original: string, printed: string): string {
  const normal = (line: string) => line.replace(/[ \t]+#/, " #");
  const originals = new Map<string, string>();
  for (const line of original.split("\n")) {
    const key = normal(line);
    if (key !== line && !originals.has(key)) originals.set(key, line);
  }
  return printed
    .split("\n")
    .map((line) => originals.get(line) ?? line)
    .join("\n");
}

/** The top-level mapping of a front matter Document. */
export function rootMap(doc: Document): YAMLMap {
  return doc.contents as YAMLMap;
}

/**
 * Sets `key` to a scalar. An existing scalar keeps its node (and so its trailing comment and
 * position); a new key is inserted after the last present key that precedes it in `order`.
 */
export function setScalar(doc: Document, map: YAMLMap, key: string, value: string | number | boolean, order: readonly string[]): void {
  const existing = map.get(key, true);
  if (isScalar(existing)) {
    existing.value = value;
    return;
  }
  if (existing !== undefined) {
    map.set(key, doc.createNode(value));
    return;
  }
  insertInOrder(doc, map, key, doc.createNode(value), order);
}

/** Inserts a new key at its place in `order` (or at the end when nothing later is present). */
export function insertInOrder(doc: Document, map: YAMLMap, key: string, node: unknown, order: readonly string[]): void {
  const rank = order.indexOf(key);
  const keys = map.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  let index = keys.length;
  if (rank !== -1) {
    const next = keys.findIndex((k) => order.indexOf(k) > rank);
    if (next !== -1) index = next;
  }
  const pair = doc.createPair(key, node);
  // A comment written above the key that now follows belongs to that key, not to ours.
  map.items.splice(index, 0, pair);
}

/** The sequence at `key`, created (in `order`) when missing; an empty flow `[]` becomes a block list. */
export function ensureSeq(doc: Document, map: YAMLMap, key: string, order: readonly string[]): YAMLSeq {
  let seq: unknown = map.get(key, true);
  if (!isSeq(seq)) {
    if (seq !== undefined && !(isScalar(seq) && seq.value === null)) {
      throw new SitrepError(`\`${key}\` is not a list, so sitrep cannot add to it.`, {
        hint: "Run `npx sitrep validate` and fix the file first.",
        exitCode: 1,
      });
    }
    const created = doc.createNode([]) as YAMLSeq;
    if (seq === undefined) insertInOrder(doc, map, key, created, order);
    else map.set(key, created);
    seq = created;
  }
  const list = seq as YAMLSeq;
  if (list.flow && list.items.length === 0) list.flow = false;
  return list;
}

/** The mapping at `key`, created (in `order`) when missing. */
export function ensureMap(doc: Document, map: YAMLMap, key: string, order: readonly string[]): YAMLMap {
  const existing = map.get(key, true);
  if (isMap(existing)) {
    if (existing.flow && existing.items.length === 0) existing.flow = false;
    return existing;
  }
  const created = doc.createNode({}) as YAMLMap;
  if (existing === undefined) insertInOrder(doc, map, key, created, order);
  else map.set(key, created);
  return created;
}
