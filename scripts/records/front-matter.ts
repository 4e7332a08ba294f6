// Splits a record into YAML front matter and Markdown body, keeping line numbers.
// (Not gray-matter: see docs/decisions/0003-yaml-fast-path.md — its engine hook cannot keep
// positions, and its split cost ~10% of the validate budget on 10,000 files.)
import type { Finding } from "./finding.ts";

export interface SplitRecord {
  /** YAML text; its line 1 is the file's line 1 (the opening `---`), so YAML lines are file lines. */
  yaml: string;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type SplitResult = { ok: true; value: SplitRecord } | { ok: false; finding: Finding };

const closingDelimiter = /^---[ \t]*\r?$/m;

export function splitFrontMatter(file: string, text: string): SplitResult {
  if (!/^---[ \t]*\r?\n/.test(text)) {
    // Only looked at when the split fails, so it costs clean files nothing.
    if (/^---[ \t]*\r(?!\n)/.test(text)) {
      return fail(
        file,
        "line-endings",
        1,
        "File uses CR-only line endings (classic Mac OS); sitrep reads LF or CRLF.",
        "Convert the file to LF line endings: set your editor's line endings to LF (\"Unix\"), or run `perl -pi -e 's/\\r\\n?/\\n/g' FILE`.",
      );
    }
    return fail(
      file,
      "front-matter-missing",
      1,
      "File does not start with YAML front matter.",
      "Begin the file with a line `---`, the fields (see the folder's _template.md), and another `---` line.",
    );
  }
  // The YAML text starts at the opening line's newline, so YAML line N is file line N.
  const openingEnd = text.indexOf("\n");
  const closing = closingDelimiter.exec(text.slice(openingEnd + 1));
  if (!closing) {
    return fail(
      file,
      "front-matter-unclosed",
      1,
      "Front matter is opened with `---` but never closed.",
      "Add a line with only `---` after the last field, before the Markdown body.",
    );
  }
  const closingStart = openingEnd + 1 + closing.index;
  const yaml = text.slice(openingEnd, closingStart);
  const closingLineEnd = text.indexOf("\n", closingStart);
  const bodyStart = closingLineEnd === -1 ? text.length : closingLineEnd + 1;
  return { ok: true, value: { yaml, body: text.slice(bodyStart), bodyLine: countLines(text, bodyStart) } };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function fail(file: string, rule: string, line: number, message: string, hint: string): SplitResult {
  return { ok: false, finding: { file, rule, severity: "error", message, hint, line, column: 1 } };
}
