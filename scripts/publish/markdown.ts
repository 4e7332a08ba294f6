// Record Markdown → safe HTML. Record bodies and update texts come from pull requests, so
// everything goes through rehype-sanitize with GitHub's schema: raw HTML is dropped, <script>,
// on*= handlers and javascript:/data: URLs never survive. Images from other sites are dropped
// (same-site-images.ts). One processor, frozen and reused (a text with footnotes gets its own).
//
// Nothing renders unbounded (docs/decisions/0175-markdown-render-budget.md): a text over the
// budget (markdown-budget.ts), or one remark fails on, is shown as escaped plain text; a build
// never dies on a record's Markdown. remark is loaded on first use: validate renders every text
// (rules/markdown-budget.ts) but nearly every text is plain and takes the fast path below.
import { createRequire } from "node:module";
import type { Processor } from "unified";
import { dropExternalImages, type HastNode } from "../model/same-site-images.ts";
import { overBudget } from "./markdown-budget.ts";

const require = createRequire(import.meta.url);

function sanitizeSchema() {
  const { defaultSchema } = require("rehype-sanitize") as typeof import("rehype-sanitize");
  return {
    ...defaultSchema,
    // remark-rehype already prefixes footnote ids with "user-content-" (and raw HTML, the only
    // other source of ids, is dropped), so the sanitizer must not prefix them a second time.
    clobberPrefix: "",
    protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
  };
}

/**
 * GFM task-list checkboxes become the characters ☑/☐: an unlabeled disabled <input> is an
 * accessibility violation (axe "label") and means nothing on a static page.
 */
function taskListMarkers() {
  const walk = (node: HastNode): void => {
    if (node.children === undefined) return;
    node.children = node.children.map((child) =>
      child.type === "element" && child.tagName === "input" && child.properties?.type === "checkbox"
        ? { type: "text", value: child.properties.checked === true ? "☑" : "☐" }
        : child,
    );
    node.children.forEach(walk);
  };
  return (tree: HastNode) => walk(tree);
}

/** `clobberPrefix` starts every id remark-rehype makes (footnotes: `<prefix>fn-1`, `<prefix>fnref-1`). */
function buildProcessor(clobberPrefix: string): Processor {
  const load = <T>(name: string) => (require(name) as { default: T }).default;
  const { unified } = require("unified") as typeof import("unified");
  return (
    unified()
      .use(load<typeof import("remark-parse").default>("remark-parse"))
      .use(load<typeof import("remark-gfm").default>("remark-gfm"))
      // allowDangerousHtml stays false: raw HTML in Markdown is dropped, not passed to the sanitizer.
      .use(load<typeof import("remark-rehype").default>("remark-rehype"), { clobberPrefix })
      .use(taskListMarkers)
      .use(prefixFootnoteLabel, clobberPrefix)
      .use(dropExternalImages)
      .use(load<typeof import("rehype-sanitize").default>("rehype-sanitize"), sanitizeSchema())
      .use(load<typeof import("rehype-stringify").default>("rehype-stringify"))
      .freeze() as unknown as Processor
  );
}

let processor: Processor | undefined;

/** Renders GitHub-flavoured Markdown to sanitized HTML; a text over the budget or that remark fails on as escaped text. */
export function renderMarkdown(markdown: string): string {
  const plain = renderPlainParagraphs(markdown);
  if (plain !== undefined) return plain;
  if (overBudget(markdown) !== undefined) return renderEscaped(markdown);
  try {
    return renderWithPipeline(markdown);
  } catch {
    // A stack overflow or a parser bug on some input the budget let through: the page still builds.
    return renderEscaped(markdown);
  }
}

/** The full pipeline alone, unguarded: the fast path's reference in the tests, and validate's timing. */
export function renderWithPipeline(markdown: string): string {
  return String(processorFor(markdown).processSync(markdown));
}

/** Text shown as it was written: escaped, paragraphs at blank lines, line breaks kept. Linear. */
export function renderEscaped(text: string): string {
  const paragraphs = trimNewlines(text.replace(/\r\n?/g, "\n"))
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== "");
  return paragraphs.map((p) => `<p>${escapeHtml(p).split("\n").join("<br>\n")}</p>`).join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Footnotes number from 1 in every text, and a page shows a description and many updates: ids
 * were `user-content-fn-1` in each, so back-links jumped to the wrong note. A text with a
 * footnote gets ids prefixed by a hash of itself: stable across builds, distinct per text.
 */
function processorFor(markdown: string): Processor {
  if (!markdown.includes("[^")) return (processor ??= buildProcessor("user-content-"));
  return buildProcessor(`user-content-${shortHash(markdown)}-`);
}

/** remark-rehype always names the footnotes' heading `footnote-label`; prefix it like the notes. */
function prefixFootnoteLabel(prefix: string) {
  const label = "footnote-label";
  const walk = (node: HastNode): void => {
    const properties = node.properties;
    if (properties?.id === label) properties.id = `${prefix}${label}`;
    if (Array.isArray(properties?.ariaDescribedBy))
      properties.ariaDescribedBy = properties.ariaDescribedBy.map((id) => (id === label ? `${prefix}${label}` : id));
    node.children?.forEach(walk);
  };
  return (tree: HastNode) => walk(tree);
}

/** FNV-1a, 32 bits, base 36: a short stable id, not a security measure. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

// Most status updates are plain sentences. Running them through the full pipeline cost a
// third of the site build beyond Astro's own floor (5,000 incidents, 25,000 texts), so text
// that cannot contain Markdown, HTML or a GFM autolink is rendered directly. The exclusions
// are deliberately broad; tests/publish/markdown-fast-path.unit.test.ts checks that the result is
// byte-identical to the full pipeline for every example text and a list of edge cases.
const MARKUP_CHARACTERS = /[\\`*_[\]<>#|~&@{}=+^$\r\t]|:\/\/|www\./i;
const LINE_START_MARKERS = /^(?:[ \u00a0]|[-+]|\d+[.)])/m;
const TRAILING_SPACE = /[ \u00a0]$/m;

/** True when `text` cannot contain Markdown, HTML or an autolink: the fast path below renders it. */
export function isPlainText(text: string): boolean {
  return !MARKUP_CHARACTERS.test(text) && !LINE_START_MARKERS.test(text) && !TRAILING_SPACE.test(text);
}

/** Paragraphs of plain text as the pipeline would render them, or undefined when not plain. */
export function renderPlainParagraphs(text: string): string | undefined {
  if (!isPlainText(text)) return undefined;
  const trimmed = trimNewlines(text);
  if (trimmed === "") return "";
  return trimmed
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join("\n");
}

/**
 * `text` without leading and trailing newlines, by index: the regular expression `/\n+$/` this
 * replaces retried at every newline of a run, 51 s for 250 kB of blank lines.
 */
function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "\n") start++;
  while (end > start && text[end - 1] === "\n") end--;
  return text.slice(start, end);
}

/** Plain text of Markdown for feeds summaries and titles: markup stripped, whitespace collapsed. */
export function markdownToText(markdown: string): string {
  return htmlToText(renderMarkdown(markdown));
}

/** Plain text of HTML this module rendered (tags dropped, entities decoded, whitespace collapsed). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

const NAMED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["amp", "&"],
  ["nbsp", "\u00a0"],
]);

/**
 * One pass over the text: each reference is replaced once and what it produces is never read
 * again. (Replacing kind by kind decoded twice: rehype writes "&" as "&#x26;", so a literal
 * "&amp;lt;" in an update became "&lt;" and then "<".)
 */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED.get(name) ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
