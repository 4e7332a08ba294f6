import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "../../scripts/publish/markdown.ts";

describe("renderMarkdown", () => {
  it("renders GitHub-flavoured Markdown", () => {
    expect(renderMarkdown("Hello **world**")).toBe("<p>Hello <strong>world</strong></p>");
    const table = renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |");
    expect(table).toContain("<table>");
    expect(table).toContain("<td>2</td>");
    expect(renderMarkdown("~~gone~~ https://example.com")).toBe(
      '<p><del>gone</del> <a href="https://example.com">https://example.com</a></p>',
    );
  });

  it("drops <script> elements", () => {
    const html = renderMarkdown("Before <script>alert(1)</script> after\n\n<script>\nalert(2)\n</script>");
    expect(html).not.toMatch(/<script/i);
  });

  it("drops event handler attributes and raw HTML", () => {
    for (const input of [
      '<img src="x" onerror="alert(1)">',
      '<a href="https://x" onclick="alert(1)">x</a>',
      '<div onmouseover="alert(1)">hi</div>',
      "<svg onload=alert(1)>",
    ]) {
      const html = renderMarkdown(input);
      expect(html, input).not.toMatch(/\bon[a-z]+\s*=/i);
      expect(html, input).not.toMatch(/<(img|svg|div)[^>]*on/i);
    }
  });

  it("never keeps a javascript:, vbscript: or data: URL", () => {
    const inputs = [
      "[click](javascript:alert(1))",
      "[click](JaVaScRiPt:alert(1))",
      "[click](javascript&#58;alert(1))",
      "[click](  javascript:alert(1))",
      "[x](vbscript:msgbox(1))",
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "![img](javascript:alert(1))",
      "<javascript:alert(1)>",
      '<a href="javascript:alert(1)">raw</a>',
      "[ref]\n\n[ref]: javascript:alert(1)",
    ];
    for (const input of inputs) {
      const html = renderMarkdown(input);
      // The text may still read "javascript:…" (harmless); no attribute may carry the URL.
      expect(html, input).not.toMatch(/=\s*"?[^">]*(javascript|vbscript|data):/i);
      expect(html, input).not.toMatch(/href="(?!https?:|mailto:|#)/i);
    }
  });

  it("keeps http(s) and mailto links", () => {
    expect(renderMarkdown("[a](https://x.example/a?b=1&c=2) [m](mailto:ops@x.example)")).toBe(
      '<p><a href="https://x.example/a?b=1&#x26;c=2">a</a> <a href="mailto:ops@x.example">m</a></p>',
    );
  });

  it("turns task-list checkboxes into text (an unlabeled <input> fails accessibility checks)", () => {
    const html = renderMarkdown("- [x] done\n- [ ] open");
    expect(html).not.toContain("<input");
    expect(html).toContain("☑ done");
    expect(html).toContain("☐ open");
  });

  it("keeps footnote links and their targets consistent", () => {
    const html = renderMarkdown("Text[^1]\n\n[^1]: Note");
    const href = /href="#([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    expect(html).toContain(`id="${href}"`);
  });

  it("gives the footnotes of each text their own ids, so a page with several never repeats one", () => {
    const texts = [
      "Description[^1]\n\n[^1]: First note",
      "Update one[^1]\n\n[^1]: Second note",
      "Update two[^a] and[^b]\n\n[^a]: A\n[^b]: B",
    ];
    const page = texts.map((t) => renderMarkdown(t)).join("\n");
    const ids = [...page.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ids).size).toBe(ids.length);
    // Every back-link and note link points at an id on the page, and the same text renders the same.
    for (const [, target] of page.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
    expect(renderMarkdown(texts[1])).toBe(renderMarkdown(texts[1]));
  });
});

describe("markdownToText", () => {
  it("strips markup and decodes entities", () => {
    expect(markdownToText("**A** & <b>B</b> < C [link](https://x)")).toBe("A & B < C link");
  });
});
