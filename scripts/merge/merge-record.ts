// Merges three versions of a record file (base, ours, theirs) into one text: the front matter by
// meaning (merge-front-matter.ts), applied to ours' YAML Document so every line ours wrote stays
// as it was and theirs' new items are printed at their place (ADR 0053's minimal print); the
// Markdown body by lines, with the merger the caller passes (git's). A key the two sides changed
// in ways that cannot both hold is left between conflict markers, once resolved ours' way and once
// theirs', with every other key merged. Pure: text in, text out. Undefined when a version is not
// a record with a YAML mapping as front matter; the caller then merges the file by lines.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from "yaml";
import { editFrontMatter, insertInOrder, rootMap, splitForEdit, type FrontMatterParts } from "../authoring/edits/front-matter-edit.ts";
import { splitTopLevel } from "../authoring/edits/print-minimal.ts";
import { mergeFrontMatter, type KeyMerge, type KeyResolution } from "./merge-front-matter.ts";

export interface TextMerge {
  text: string;
  /** How many regions were left between conflict markers. */
  conflicts: number;
}

/** A line-based three-way merge (git merge-file), for the Markdown body. */
export type LineMerger = (base: string, ours: string, theirs: string) => TextMerge;

export interface RecordMerge {
  text: string;
  /** One sentence per conflict left in the file, e.g. "both sides changed `severity`: …". */
  conflicts: string[];
}

interface Version {
  parts: FrontMatterParts;
  doc: Document;
  data: Record<string, unknown>;
}

function read(text: string, file: string): Version | undefined {
  let parts: FrontMatterParts;
  try {
    parts = splitForEdit(text, file);
  } catch {
    return undefined;
  }
  const doc = parseDocument(parts.yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  return { parts, doc, data: doc.toJS() as Record<string, unknown> };
}

export function mergeRecordText(
  base: string,
  ours: string,
  theirs: string,
  file: string,
  mergeLines: LineMerger,
  labels = { ours: "ours", theirs: "theirs" },
): RecordMerge | undefined {
  const mine = read(ours, file);
  const other = read(theirs, file);
  // An empty base: the file was added on both sides.
  const common = base.trim() === "" ? { parts: { prefix: "", yaml: "", suffix: "", eol: "\n" as const }, data: {} } : read(base, file);
  if (!mine || !other || !common) return undefined;

  const merges = mergeFrontMatter(common.data, mine.data, other.data);
  const conflicted = merges.filter((m) => m.conflicts.length > 0);
  const print = (way: "ours" | "theirs") =>
    editFrontMatter(ours, file, (doc) => {
      for (const merge of merges) apply(doc, merge.key, merge[way], other.doc);
    });
  const oursWay = splitForEdit(print("ours"), file);
  let yaml = oursWay.yaml;
  if (conflicted.length > 0) yaml = withMarkers(oursWay.yaml, splitForEdit(print("theirs"), file).yaml, conflicted, labels);

  const body = mergeBody(common.parts.suffix, mine.parts.suffix, other.parts.suffix, mergeLines);
  const eolYaml = mine.parts.eol === "\r\n" ? yaml.replace(/\n/g, "\r\n") : yaml;
  const conflicts = conflicted.flatMap((m) => m.conflicts);
  if (body.conflicts > 0)
    conflicts.push(`both sides changed the same lines of the Markdown body (${body.conflicts} place${body.conflicts === 1 ? "" : "s"})`);
  return { text: mine.parts.prefix + eolYaml + body.text, conflicts };
}

function mergeBody(base: string, ours: string, theirs: string, mergeLines: LineMerger): TextMerge {
  if (ours === theirs || base === theirs) return { text: ours, conflicts: 0 };
  if (base === ours) return { text: theirs, conflicts: 0 };
  return mergeLines(base, ours, theirs);
}

/** Makes `key` in ours' Document what the resolution says, reusing theirs' nodes where it takes them. */
function apply(doc: Document, key: string, resolution: KeyResolution, theirs: Document): void {
  const map = rootMap(doc);
  const theirsMap = rootMap(theirs);
  const theirsKeys = theirsMap.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  const put = (node: unknown) => {
    if (map.has(key)) map.set(key, node);
    else insertInOrder(doc, map, key, node, theirsKeys);
  };
  switch (resolution.kind) {
    case "ours":
      return;
    case "delete":
      map.delete(key);
      return;
    case "theirs":
      put(clone(theirsMap.get(key, true)));
      return;
    case "value": {
      const existing = map.get(key, true);
      if (isMap(existing) && isFlatMap(resolution.value)) setMapInPlace(doc, existing, resolution.value);
      else put(doc.createNode(resolution.value, { aliasDuplicateObjects: false }));
      return;
    }
    case "items": {
      const oursSeq = map.get(key, true);
      const theirsSeq = theirsMap.get(key, true);
      if (!isSeq(oursSeq) || !isSeq(theirsSeq)) return;
      const oursItems = [...oursSeq.items];
      oursSeq.items = resolution.items.map((ref) => (ref.side === "ours" ? oursItems[ref.index] : clone(theirsSeq.items[ref.index])));
      return;
    }
  }
}

const clone = (node: unknown): unknown => (node && typeof (node as Node).clone === "function" ? (node as Node).clone() : node);
const isFlatMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v !== "object" || v === null);

/** A map's scalars changed in place, so its comments and its untouched entries stay as written. */
function setMapInPlace(doc: Document, map: YAMLMap, value: Record<string, unknown>): void {
  for (const pair of [...map.items]) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (!(name in value)) map.delete(name);
  }
  for (const [name, next] of Object.entries(value)) {
    const node = map.get(name, true);
    if (isScalar(node)) {
      if (node.value !== next) node.value = next;
    } else {
      map.set(name, doc.createNode(next));
    }
  }
}

/**
 * The ours-way front matter with each conflicting key's text replaced by git-style conflict
 * markers around its ours-way and theirs-way text (every other key is merged in both, so the
 * two texts differ only in the conflicting keys).
 */
function withMarkers(oursYaml: string, theirsYaml: string, conflicted: KeyMerge[], labels: { ours: string; theirs: string }): string {
  const a = chunksByKey(oursYaml);
  const b = chunksByKey(theirsYaml);
  if (!a || !b) return `<<<<<<< ${labels.ours}\n${oursYaml}=======\n${theirsYaml}>>>>>>> ${labels.theirs}\n`;
  const keys = new Set(conflicted.map((m) => m.key));
  let out = a.preamble;
  for (const chunk of a.chunks) {
    if (!keys.has(chunk.key)) {
      out += chunk.lead + chunk.body + chunk.tail;
      continue;
    }
    const theirsBody = b.chunks.find((c) => c.key === chunk.key)?.body ?? "";
    out += `${chunk.lead}<<<<<<< ${labels.ours}\n${chunk.body}=======\n${theirsBody}>>>>>>> ${labels.theirs}\n${chunk.tail}`;
    keys.delete(chunk.key);
  }
  for (const key of keys) {
    const theirsBody = b.chunks.find((c) => c.key === key)?.body ?? "";
    out += `<<<<<<< ${labels.ours}\n=======\n${theirsBody}>>>>>>> ${labels.theirs}\n`;
  }
  return out;
}

function chunksByKey(yaml: string) {
  const doc = parseDocument(yaml);
  if (!isMap(doc.contents)) return undefined;
  const pairs = doc.contents.items;
  const offsets = pairs.map((pair) => (isScalar(pair.key) ? (pair.key.range?.[0] ?? -1) : -1));
  const split = splitTopLevel(yaml, offsets);
  if (!split) return undefined;
  return {
    preamble: split.preamble,
    chunks: split.chunks.map((chunk, i) => ({
      ...chunk,
      key: String(isScalar(pairs[i].key) ? pairs[i].key.value : ""),
      body: chunk.body.endsWith("\n") ? chunk.body : `${chunk.body}\n`,
    })),
  };
}
