// Splits a record into YAML front matter and Markdown body (gray-matter), keeping line numbers.
import matter from "gray-matter";
import type { Finding } from "../validate/diagnostic.ts";

export interface SplitRecord {
  /** YAML text; its line 1 is the file's line 1 (the opening `---`), so YAML lines are file lines. */
  yaml: string;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type SplitResult = { ok: true; value: SplitRecord } | { ok: false; finding: Finding };

// gray-matter's YAML engine is replaced by the identity: parsing happens in parse-yaml.ts,
// where the fast path and the position-keeping path live side by side.
const keepRaw = { yaml: (text: string) => ({ text }) as object };
const closingDelimiter = /^---[ \t]*\r?$/m;

export function splitFrontMatter(file: string, text: string): SplitResult {
  if (!/^---[ \t]*\r?\n/.test(text)) {
    return fail(file, "front-matter-missing", 1, "File does not start with YAML front matter.",
      "Begin the file with a line `---`, the fields (see the folder's _template.md), and another `---` line.");
  }
  const afterOpening = text.indexOf("\n") + 1;
  if (!closingDelimiter.test(text.slice(afterOpening))) {
    return fail(file, "front-matter-unclosed", 1, "Front matter is opened with `---` but never closed.",
      "Add a line with only `---` after the last field, before the Markdown body.");
  }
  const parsed = matter(text, { engines: keepRaw, language: "yaml" });
  const yaml = parsed.matter ?? "";
  const bodyOffset = text.length - parsed.content.length;
  return { ok: true, value: { yaml, body: parsed.content, bodyLine: countLines(text, bodyOffset) } };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function fail(file: string, rule: string, line: number, message: string, hint: string): SplitResult {
  return { ok: false, finding: { file, rule, severity: "error", message, hint, line, column: 1 } };
}
