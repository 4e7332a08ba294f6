// Images in record Markdown must come from the status site itself (issue 13 item 6).
//
// `![x](http://tracker.example/p.gif)` in an update made every visitor's browser request the
// tracker — the site promises "no third-party requests" (docs/site.md) — and `http:` is mixed
// content. The renderer drops such images (keeping their alt text), and validate warns at the
// line (rules/external-image.ts), public and internal alike. Same-site means a relative URL:
// `/images/map.png` or `images/map.png`, served from the site's own `site/public/`. It lives in
// model/ because validate and publish both read it: one fact about a record's Markdown.
import { createRequire } from "node:module";
import type { Processor } from "unified";

/** Relative, and not protocol-relative (`//host`), nor `/\host` or `\\host`, which browsers read as `//host`. */
export function isSameSiteImage(src: string): boolean {
  const url = src.trim();
  return url !== "" && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[/\\]{2}/.test(url) && !url.includes("\\");
}

/** The few hast fields the rehype plugins here read and write. */
export interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  value?: string;
  children?: HastNode[];
}

/** Rehype plugin: an image from elsewhere becomes its alt text (nothing when it has none). */
export function dropExternalImages() {
  const walk = (node: HastNode): void => {
    if (node.children === undefined) return;
    node.children = node.children.flatMap((child): HastNode[] => {
      if (child.type !== "element" || child.tagName !== "img" || isSameSiteImage(String(child.properties?.src ?? ""))) return [child];
      const alt = String(child.properties?.alt ?? "");
      return alt ? [{ type: "text", value: alt }] : [];
    });
    node.children.forEach(walk);
  };
  return (tree: HastNode) => walk(tree);
}

export interface ExternalImage {
  url: string;
  /** 1-based, within the text. */
  line: number;
  column: number;
}

const require = createRequire(import.meta.url);
let parser: Processor | undefined;

/**
 * remark, loaded on first use. `validate` runs this rule on every record, but nearly no record
 * has an image, and remark with GFM is ~200 modules (~90 ms) that every CLI run would load.
 * Node 24 requires ES modules synchronously, and rules are synchronous.
 */
function markdownParser(): Processor {
  if (parser === undefined) {
    const { unified } = require("unified") as typeof import("unified");
    const remarkParse = (require("remark-parse") as typeof import("remark-parse")).default;
    const remarkGfm = (require("remark-gfm") as typeof import("remark-gfm")).default;
    parser = unified().use(remarkParse).use(remarkGfm).freeze() as unknown as Processor;
  }
  return parser;
}

interface MdastNode {
  type: string;
  url?: string;
  identifier?: string;
  position?: { start: { line: number; column: number } };
  children?: MdastNode[];
}

/** Images in Markdown text that the renderer drops; inline and reference-style. */
export function externalImages(markdown: string): ExternalImage[] {
  // Nearly every text has no image at all: no parse for those.
  if (!markdown.includes("![")) return [];
  const tree = markdownParser().parse(markdown) as MdastNode;
  const definitions = new Map<string, string>();
  const images: { node: MdastNode; url: () => string | undefined }[] = [];
  const walk = (node: MdastNode): void => {
    if (node.type === "definition" && node.identifier) definitions.set(node.identifier, node.url ?? "");
    if (node.type === "image") images.push({ node, url: () => node.url });
    if (node.type === "imageReference") images.push({ node, url: () => definitions.get(node.identifier ?? "") });
    node.children?.forEach(walk);
  };
  walk(tree);
  return images.flatMap(({ node, url }) => {
    const src = url();
    if (src === undefined || isSameSiteImage(src)) return [];
    const start = node.position?.start ?? { line: 1, column: 1 };
    return [{ url: src, line: start.line, column: start.column }];
  });
}
