// Parses a JSON document from a file or an HTTP answer, and picks out the list a Statuspage
// endpoint wraps (`{"incidents": [...]}`) or a bare list (Manage API exports). A truncated or
// malformed document is a sourceError naming it, never a stack trace. Pure.
import { sourceError } from "./source-error.ts";

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((error as Error).message);
    throw sourceError(
      where,
      `is not valid JSON${truncated ? " (it ends too early: truncated?)" : ""}: ${(error as Error).message}.`,
      truncated
        ? "Download or export it again; the copy is incomplete."
        : "Export it again, or fix the JSON (a linter such as `node -e 'JSON.parse(require(\"fs\").readFileSync(0))' < file` shows where).",
    );
  }
}

/** The list under `key`, or the document itself when it is a list. */
export function listOf(document: unknown, key: string, where: string): unknown[] {
  if (Array.isArray(document)) return document;
  const list = (document as Record<string, unknown> | null)?.[key];
  if (Array.isArray(list)) return list;
  throw sourceError(
    where,
    `has no \`${key}\` list.`,
    `Statuspage answers \`{"${key}": [...]}\`; check that this is the right file or URL.`,
  );
}
