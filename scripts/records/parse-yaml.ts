// Two YAML parsers with one meaning.
//
// The fast path (js-yaml, YAML 1.2 core schema) reads every file; it is ~5× faster than the
// `yaml` package. The `yaml` document API keeps source positions, so it parses only the files
// that have problems, to place diagnostics and to report every syntax error with its position.
// tests/parse-yaml-equivalence.unit.test.ts checks that both give the same data for every example
// and fixture, so the fast path can never accept what the slow one would read differently.
import { createRequire } from "node:module";
import { constructFromEvents, load, parseEvents, CORE_SCHEMA } from "js-yaml";
import type { Document, LineCounter } from "yaml";
import type { Finding } from "./finding.ts";
import { hasRefusedNode, refusedNodes, refusedYamlFindings } from "./refuse-yaml-aliases.ts";

export type FastParseResult = { ok: true; data: unknown } | { ok: false };

/** A line with something other than blanks or a comment: js-yaml 5 throws on text without one. */
const HAS_CONTENT = /^[ \t]*[^\s#]/m;

export function parseYamlFast(text: string): FastParseResult {
  // Empty (or comment-only) YAML is null to the `yaml` package; js-yaml 5 throws "expected a
  // document, but the input is empty", which turned `---\n---` into a bogus syntax error.
  if (!HAS_CONTENT.test(text)) return { ok: true, data: null };
  try {
    // js-yaml's load() is these two steps; between them, anchors, aliases and tags are refused
    // before any alias is expanded (refuse-yaml-aliases.ts).
    const events = parseEvents(text, {});
    if (hasRefusedNode(events)) return { ok: false };
    const documents = constructFromEvents(events, { schema: CORE_SCHEMA, source: text });
    if (documents.length !== 1) return { ok: false };
    return { ok: true, data: documents[0] ?? null };
  } catch {
    return { ok: false };
  }
}

export interface PositionedDocument {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

// The `yaml` package is loaded on first use: a clean run never needs it (saves ~20 ms a run).
let yamlModule: typeof import("yaml") | undefined;
export function yamlPackage(): typeof import("yaml") {
  yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yamlModule;
}

export function parseYamlWithPositions(text: string): PositionedDocument {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    // Only the core schema's tags, like js-yaml's CORE_SCHEMA: no !!timestamp, !!binary, !!set.
    resolveKnownTags: false,
  });
  return { document, lineCounter };
}

/** Outside YAML's c-printable set (the pattern js-yaml uses). */
const NON_PRINTABLE =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** The data as the position-keeping parser reads it (used by the equivalence test). */
export function parseYamlSlow(text: string): FastParseResult {
  const { document } = parseYamlWithPositions(text);
  // A warning is an unresolved tag (!foo, !!timestamp): js-yaml rejects those, so must this.
  if (document.errors.length > 0 || document.warnings.length > 0) return { ok: false };
  // Anchors, aliases and tags are refused (refuse-yaml-aliases.ts), by both parsers alike.
  if (refusedNodes(text).length > 0) return { ok: false };
  // YAML streams may hold only printable characters; the yaml package lets a bell or a NUL through.
  if (NON_PRINTABLE.test(text)) return { ok: false };
  try {
    return { ok: true, data: document.toJS() ?? null };
  } catch {
    // toJS throws for what parseDocument lets through, e.g. an alias to an undefined anchor.
    return { ok: false };
  }
}

const syntaxRules: Record<string, { rule: string; hint: string }> = {
  DUPLICATE_KEY: { rule: "yaml-duplicate-key", hint: "Each field may appear once; merge the two entries or remove one." },
  TAB_AS_INDENT: { rule: "yaml-tab-indent", hint: "YAML indentation must use spaces; replace the tab with spaces (2 per level)." },
  BLOCK_AS_IMPLICIT_KEY: {
    rule: "yaml-syntax",
    hint: 'This value contains `: `, which YAML reads as a nested key. Quote the whole value ("…") or use a `|` block.',
  },
  MULTILINE_IMPLICIT_KEY: {
    rule: "yaml-syntax",
    hint: 'A value contains `: ` or a key spans lines. Quote the value ("…") or use a `|` block for multi-line text.',
  },
};

/** Every syntax error of a file the fast parser rejected, with positions. */
export function yamlSyntaxFindings(file: string, text: string): Finding[] {
  // Refused before anything else: the position-keeping parse of an alias bomb is what must not run.
  const refused = refusedNodes(text);
  if (refused.length > 0) return refusedYamlFindings(file, text, refused);
  // So is the position-keeping parse of deep nesting: it recurses once per level (100,000 `[`
  // took seconds and hundreds of MB to end in a stack overflow). js-yaml stops at 100 levels.
  const deep = nestingTooDeep(text);
  if (deep) {
    return [
      {
        file,
        rule: "yaml-syntax",
        severity: "error",
        line: deep.line,
        column: deep.column,
        message: `YAML: nesting deeper than ${YAML_MAX_DEPTH} levels.`,
        hint: "Records nest a few levels (a list of updates, each a mapping); close the brackets `[ ]` and braces `{ }` you opened, or write the value as a quoted string.",
      },
    ];
  }
  const { document, lineCounter } = parseYamlWithPositions(text);
  // One mistake can trip the parser more than once on a line (`a: b: c: d`); report it once.
  const seen = new Set<string>();
  const errors = document.errors.filter((error) => {
    const key = `${error.code}@${lineCounter.linePos(error.pos[0]).line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const findings = errors.map((error): Finding => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const known = syntaxRules[error.code];
    return {
      file,
      rule: known?.rule ?? "yaml-syntax",
      severity: "error",
      message: `YAML: ${firstLine(error.message)}`,
      hint:
        known?.hint ??
        "Fix the YAML syntax here: check indentation, colons after keys, and quote values that contain `: ` or start with a special character.",
      line,
      column: col,
    };
  });
  if (findings.length === 0) {
    // The fast parser failed where the slow one did not (an alias to an undefined anchor, a
    // tag like !!binary): never guess; report js-yaml's reason at its position when it has one.
    const mark = fastParseError(text);
    findings.push({
      file,
      rule: "yaml-syntax",
      severity: "error",
      line: mark?.line ?? 1,
      column: mark?.column ?? 1,
      message: mark ? `YAML: ${mark.reason}` : "YAML front matter could not be parsed.",
      hint:
        mark && /non-printable|null byte/.test(mark.reason)
          ? "Delete the invisible control character at this position (often pasted from a terminal or a PDF)."
          : "Simplify the YAML (plain keys, 2-space indentation, quoted strings; no anchors or tags) and report this file to the sitrep maintainers if it looks right.",
    });
  }
  return findings;
}

/** How deeply js-yaml lets collections nest (its `maxDepth` default): no record comes near it. */
const YAML_MAX_DEPTH = 100;

/** Where the nesting of `text` passes YAML_MAX_DEPTH, found by js-yaml's event parser (linear, iterative). */
function nestingTooDeep(text: string): { line: number; column: number } | undefined {
  try {
    parseEvents(text, { maxDepth: YAML_MAX_DEPTH });
    return undefined;
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    return reason?.includes("maxDepth") && mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
  }
}

/** js-yaml's reason and 1-based position for text it rejects. */
function fastParseError(text: string): { reason: string; line: number; column: number } | undefined {
  try {
    load(text, { schema: CORE_SCHEMA });
    return undefined;
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line: number; column: number } };
    return reason && mark ? { reason, line: mark.line + 1, column: mark.column + 1 } : undefined;
  }
}

function firstLine(message: string): string {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
