// A reader for the plain block YAML that record front matter almost always is — `key: value`
// lines, nested mappings and `- ` lists, plain or simply quoted scalars — so the history reader
// need not run the general parser on every past revision (tens of thousands of blobs; js-yaml
// was most of the history worker's time). Pure.
//
// It is exact or it declines: for any text it accepts, the data is what js-yaml (CORE_SCHEMA,
// as records/parse-yaml.ts loads it) gives, plain scalars resolved by js-yaml's own core tags.
// Anything outside the subset — comments after values, block scalars, flow collections, anchors,
// tags, multi-line scalars, escapes, tabs, CR, unusual characters, duplicate keys, odd
// indentation — returns undefined and the caller parses the text with js-yaml as before.
// tests/history/simple-yaml.unit.test.ts holds the two side by side.
import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag } from "js-yaml";

type Value = unknown;

/** Characters outside printable ASCII other than ordinary printable Unicode (no NEL, line separators, BOM, surrogates). */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
/** A plain key (no quotes, no spaces, not too long to be an implicit key), before `:` or `: value`. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/;
/** A plain scalar may not start with an indicator (YAML 1.2 c-indicator); these we also never accept. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const CORE_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
/** The core tags that may resolve a scalar starting with a given character, as js-yaml picks them. */
const TAGS_BY_FIRST_CHAR = new Map<string, typeof CORE_TAGS>();
for (const tag of CORE_TAGS)
  for (const first of tag.implicitFirstChars ?? []) TAGS_BY_FIRST_CHAR.set(first, [...(TAGS_BY_FIRST_CHAR.get(first) ?? []), tag]);
const TAGS_FOR_ANY_CHAR = CORE_TAGS.filter((tag) => !tag.implicitFirstChars);
const MAX_DEPTH = 32;

class Decline extends Error {}
const DECLINE = new Decline();

interface Line {
  indent: number;
  content: string;
}

/** The front matter's data, or undefined when the text is outside the subset (parse it with js-yaml). */
export function parseSimpleYaml(text: string): Record<string, Value> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let indent = start;
    while (text.charCodeAt(indent) === 32) indent++;
    let last = end;
    while (last > indent && text.charCodeAt(last - 1) === 32) last--;
    // Blank lines and whole-line comments say nothing.
    if (last > indent && text.charCodeAt(indent) !== 35 /* # */) lines.push({ indent: indent - start, content: text.slice(indent, last) });
    start = end + 1;
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const data = reader.mapping(0, undefined, 0);
    return reader.position === lines.length ? data : undefined;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

const isListEntry = (content: string) => content.startsWith("- ") || content === "-";

class Reader {
  position = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  /** A block mapping whose keys sit at `indent`; `first` is the rest of a `- key: …` line already begun. */
  mapping(indent: number, first: string | undefined, depth: number): Record<string, Value> {
    if (depth > MAX_DEPTH) throw DECLINE;
    const data: Record<string, Value> = {};
    for (let content = first; ; content = undefined) {
      const line = this.lines[this.position];
      if (content === undefined) {
        if (!line || line.indent < indent) break;
        if (line.indent > indent) throw DECLINE; // a continuation line, or a misplaced key
        content = line.content;
      }
      const entry = splitEntry(content);
      // js-yaml resolves a key like any scalar and uses String() of it (`Null:` and `null:` collide).
      const key = String(plainScalar(entry.key));
      if (Object.hasOwn(data, key) || key === "__proto__") throw DECLINE;
      this.position++;
      if (entry.value !== "") {
        data[key] = scalar(entry.value);
        continue;
      }
      const next = this.lines[this.position];
      if (next && next.indent > indent) data[key] = this.node(next.indent, depth + 1);
      else if (next && next.indent === indent && isListEntry(next.content)) data[key] = this.sequence(indent, depth + 1);
      else data[key] = null;
    }
    return data;
  }

  node(indent: number, depth: number): Value {
    const line = this.lines[this.position];
    return isListEntry(line.content) ? this.sequence(indent, depth) : this.mapping(indent, undefined, depth);
  }

  /** A block sequence whose `- ` sits at `indent`. */
  sequence(indent: number, depth: number): Value[] {
    if (depth > MAX_DEPTH) throw DECLINE;
    const items: Value[] = [];
    for (;;) {
      const line = this.lines[this.position];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw DECLINE;
      if (!isListEntry(line.content)) break; // the parent mapping's next key (a list written flush with it)
      const rest = line.content.slice(2);
      if (rest === "" || rest.charCodeAt(0) === 32 || isListEntry(rest)) throw DECLINE;
      if (isEntry(rest)) items.push(this.mapping(indent + 2, rest, depth + 1));
      else {
        items.push(scalar(rest));
        this.position++;
      }
    }
    return items;
  }
}

/** `key:` or `key: value` (value "" for the first); declines anything else. */
function splitEntry(content: string): { key: string; value: string } {
  const colon = content.indexOf(":");
  if (colon < 0) throw DECLINE;
  const key = content.slice(0, colon);
  if (!KEY.test(key)) throw DECLINE;
  if (colon === content.length - 1) return { key, value: "" };
  if (content.charCodeAt(colon + 1) !== 32) throw DECLINE;
  let start = colon + 2;
  while (content.charCodeAt(start) === 32) start++;
  return { key, value: content.slice(start) };
}

function isEntry(content: string): boolean {
  const colon = content.indexOf(":");
  return colon > 0 && KEY.test(content.slice(0, colon)) && (colon === content.length - 1 || content.charCodeAt(colon + 1) === 32);
}

/** A one-line scalar after `key: ` or `- ` (trailing blanks already gone). */
function scalar(text: string): Value {
  const first = text.charCodeAt(0);
  if (first === 39 /* ' */) {
    const quoted = SINGLE_QUOTED.exec(text);
    if (!quoted) throw DECLINE;
    return quoted[1].replaceAll("''", "'");
  }
  if (first === 34 /* " */) {
    const quoted = DOUBLE_QUOTED.exec(text);
    if (!quoted) throw DECLINE;
    return quoted[1];
  }
  // `: ` or a final `:` would be a nested key, ` #` a comment: leave those to the parser.
  if (INDICATOR.test(text) || text.includes(": ") || text.endsWith(":") || text.includes(" #")) throw DECLINE;
  return plainScalar(text);
}

/** A plain scalar's value under the core schema: null, a boolean, a number, or the text. */
function plainScalar(text: string): Value {
  for (const tag of TAGS_BY_FIRST_CHAR.get(text.charAt(0)) ?? TAGS_FOR_ANY_CHAR) {
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return text;
}
