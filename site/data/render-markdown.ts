// Record Markdown → sanitized HTML, only through the project's renderer (rehype-sanitize).
export { renderMarkdown } from "../../scripts/publish/markdown.ts";
