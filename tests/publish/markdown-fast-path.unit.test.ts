// The plain-text fast path of renderMarkdown must give exactly what the production pipeline
// gives (with its plugins: task-list markers, the protocol allow-list, the sanitizer schema).
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderPlainParagraphs, renderWithPipeline } from "../../scripts/publish/markdown.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";

const examples = validateRepository(exampleOrgRoot, { now: new Date("2026-11-22T12:00:00Z") }).repository;
const exampleTexts = [
  ...examples.incidents.flatMap((i) => [i.body, ...i.data.updates.map((u) => u.body)]),
  ...examples.postmortems.map((p) => p.body),
];

const edgeCases = [
  "",
  "\n",
  "We are investigating.",
  "Line one\nline two",
  "Para one.\n\nPara two.",
  "x\n\n\n\ny\n",
  "\n\nlead blank",
  'Quote "x" it\'s',
  "a  \nb",
  "Trailing space ",
  "  indented",
  "    code block",
  "\tTab",
  "- item",
  "+ item",
  "* item",
  "1. first",
  "2) second",
  "Title\n===",
  "Title\n---",
  "---",
  "roll-back done; 50% of (requests) fail: ok?",
  "see https://example.com",
  "see www.example.com",
  "mail ops@example.com",
  "a < b",
  "a & b",
  "AT&T",
  "x > y",
  "# heading",
  "a | table",
  "~~strike~~",
  "under_score",
  "snake_case_name",
  "`code`",
  "[link](x)",
  "![img](x)",
  "<script>alert(1)</script>",
  "line\\\nbreak",
  "a\r\nb",
  "ellipsis… and “quotes” — dashes",
  "émoji 🚀 ok",
  "nbsp\u00a0inside",
  "nbsp at end\u00a0",
  "3.5 percent",
  "Version 2.1.0 released.",
  "10) not a list?",
  "Done!",
  "Ok! [x]",
  "price $5",
  "x = y",
  "a^b",
  "{braces}",
];

describe("renderMarkdown's plain-text fast path", () => {
  it.each([...edgeCases, ...exampleTexts].map((t) => [JSON.stringify(t).slice(0, 60), t]))("%s", (_, text) => {
    const pipeline = renderWithPipeline(text);
    const fast = renderPlainParagraphs(text);
    if (fast !== undefined) expect(fast).toBe(pipeline);
    expect(renderMarkdown(text)).toBe(pipeline);
  });

  it("is compared with a pipeline that has the production plugins", () => {
    expect(renderWithPipeline("- [x] done\n- [ ] open")).toContain("☑");
    expect(renderWithPipeline("[x](javascript:alert(1))")).not.toContain("javascript:");
  });

  it("takes the fast path for ordinary update sentences and not for markup", () => {
    expect(renderPlainParagraphs("We are investigating elevated error rates. Next update in 15 minutes.")).toBe(
      "<p>We are investigating elevated error rates. Next update in 15 minutes.</p>",
    );
    for (const text of ["**bold**", "- item", "see https://x.example", "<b>x</b>", "a & b"])
      expect(renderPlainParagraphs(text)).toBeUndefined();
    const plainShare = exampleTexts.filter((t) => renderPlainParagraphs(t) !== undefined).length / exampleTexts.length;
    expect(plainShare).toBeGreaterThan(0.3);
  });
});
