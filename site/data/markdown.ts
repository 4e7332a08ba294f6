// Record Markdown → sanitized HTML, only through the project's renderer.
// TEMPORARY until scripts/publish/markdown.ts lands: escapes everything (safe, no formatting).
export function renderMarkdown(markdown: string): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return markdown.trim().split(/\n{2,}/).filter(Boolean).map((p) => `<p>${escape(p)}</p>`).join("\n");
}
