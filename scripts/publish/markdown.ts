// Record Markdown → safe HTML. Record bodies and update texts come from pull requests, so
// everything goes through rehype-sanitize with GitHub's schema: raw HTML is dropped, <script>,
// on*= handlers and javascript:/data: URLs never survive. Images from other sites are dropped
// (same-site-images.ts). One processor, frozen and reused (a text with footnotes gets its own).
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { dropExternalImages, type HastNode } from "../model/same-site-images.ts";

const schema = {
  ...defaultSchema,
  // remark-rehype already prefixes footnote ids with "user-content-" (and raw HTML, the only
  // other source of ids, is dropped), so the sanitizer must not prefix them a second time.
  clobberPrefix: "",
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

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
function buildProcessor(clobberPrefix: string) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    // allowDangerousHtml stays false: raw HTML in Markdown is dropped, not passed to the sanitizer.
    .use(remarkRehype, { clobberPrefix })
    .use(taskListMarkers)
    .use(prefixFootnoteLabel, clobberPrefix)
    .use(dropExternalImages)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify)
    .freeze();
}

const processor = buildProcessor("user-content-");

/** Renders GitHub-flavoured Markdown to sanitized HTML. */
export function renderMarkdown(markdown: string): string {
  return renderPlainParagraphs(markdown) ?? renderWithPipeline(markdown);
}

/** The full pipeline alone, without the fast path below (its reference in the tests). */
export function renderWithPipeline(markdown: string): string {
  return String(processorFor(markdown).processSync(markdown));
}

/**
 * Footnotes number from 1 in every text, and a page shows a description and many updates: ids
 * were `user-content-fn-1` in each, so back-links jumped to the wrong note. A text with a
 * footnote gets ids prefixed by a hash of itself: stable across builds, distinct per text.
 */
function processorFor(markdown: string) {
  if (!markdown.includes("[^")) return processor;
  return buildProcessor(`user-content-${shortHash(markdown)}-`);
}

/** remark-rehype always names the footnotes' heading `footnote-label`; prefix it like the notes. */
function prefixFootnoteLabel(prefix: string) {
  const label = "footnote-label";
  const walk = (node: HastNode): void => {
    const properties = node.properties;
    if (properties?.id === label) properties.id = `${prefix}${label}`;
    if (Array.isArray(properties?.ariaDescribedBy)) properties.ariaDescribedBy = properties.ariaDescribedBy.map((id) => (id === label ? `${prefix}${label}` : id));
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

/** Paragraphs of plain text as the pipeline would render them, or undefined when not plain. */
export function renderPlainParagraphs(text: string): string | undefined {
  if (MARKUP_CHARACTERS.test(text) || LINE_START_MARKERS.test(text) || TRAILING_SPACE.test(text)) return undefined;
  const trimmed = text.replace(/^\n+|\n+$/g, "");
  if (trimmed === "") return "";
  return trimmed.split(/\n{2,}/).map((paragraph) => `<p>${paragraph}</p>`).join("\n");
}

/** Plain text of Markdown for feeds summaries and titles: markup stripped, whitespace collapsed. */
export function markdownToText(markdown: string): string {
  return htmlToText(renderMarkdown(markdown));
}

/** Plain text of HTML this module rendered (tags dropped, entities decoded, whitespace collapsed). */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
