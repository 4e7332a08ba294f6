// Record Markdown → sanitized HTML, only through the project's renderer (rehype-sanitize).
export { renderMarkdown } from "../../scripts/publish/markdown.ts";
// A record's or update's own text, rendered once per build and shared with the feeds.
export { bodyHtml } from "../../scripts/publish/rendered-text.ts";
