// Inputs under the 1 MiB record limit that crashed, froze or misled sitrep (a red-team pass):
// Markdown that overflows remark's stack or runs for seconds, times validate accepted but the
// code misread, control characters in titles, slow paths in sitrep's own code, a review interval
// that overflowed Date. Each is generated here and must end in the right diagnostic at its line,
// or in a safe render. No time is asserted: bench/rows/hostile-inputs.ts times every input.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";
import { buildRepo, pick } from "./corpus.ts";
import { renderMarkdown } from "../../scripts/publish/markdown.ts";
import { formatPretty } from "../../scripts/validate/format-pretty.ts";
import { problemText } from "../../scripts/core/problem-output.ts";
import { hostile } from "../../testkit/hostile-inputs.ts";

const now = new Date(TEST_NOW);
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});

function validateWith(files: Record<string, string>) {
  const repo = buildRepo([], "sitrep-bounded-");
  cleanups.push(repo.cleanup);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), content);
  return validateRepository(repo.dir, { now }).diagnostics.filter((d) => d.rule !== "update-cadence");
}

const MAINTENANCE = "incidents/2026/2026-12-01-billing-upgrade.md";
const INCIDENT = "incidents/2026/2026-11-15-hostile.md";
const incident = (fields: string, body = "Body.\n") =>
  `---\ntitle: Hostile\nseverity: SEV3\nstatus: resolved\nstarted_at: 2026-11-15T10:00:00Z\nresolved_at: 2026-11-15T11:00:00Z\n${fields}updates:\n  - at: 2026-11-15T10:05:00Z\n    status: resolved\n    body: Fixed.\n---\n\n${body}`;

describe("F6: Markdown that would not render is an error at its line, and renders as text", () => {
  it("an update dated ahead whose body nests 12,000 `>` (the build died once it was due)", () => {
    // Maintenance updates may be written ahead; this one is 3 hours after now.
    const text = `---\ntitle: Billing database upgrade\ntype: maintenance\nstatus: scheduled\nscheduled_start: 2026-12-01T02:00:00Z\nscheduled_end: 2026-12-01T04:00:00Z\nupdates:\n  - at: 2026-11-21T09:00:00Z\n    status: scheduled\n    body: Billing will be read-only.\n  - at: 2026-11-22T15:00:00Z\n    status: scheduled\n    body: "${hostile.nestedQuotes(12_000)}"\n---\n`;
    const diagnostics = validateWith({ [MAINTENANCE]: text });
    expect(diagnostics.map(pick)).toEqual([{ file: MAINTENANCE, line: 13, column: 11, rule: "markdown-budget", severity: "error" }]);
    expect(diagnostics[0].message).toMatch(/^Blocks nest 12,000 deep on this line .* The page would show it as plain text\.$/);
    expect(diagnostics[0].hint).toMatch(/fenced code block/);
  });

  it.each([
    ["10 kB of nested `-`", hostile.nestedDashes(5_000), 13, 65, /Blocks nest 5,000 deep/],
    // Line 33 of the list opens its 33rd level, at its marker.
    ["200 lines of lists nested by indentation", hostile.indentedLists(200), 13 + 32, 65, /Blocks nest 33 deep/],
    ["100 kB of `[`", hostile.brackets(99_000), 13, 10_001, /over 10,000 emphasis, code and link characters/],
    ["more than 100,000 characters", `${"word ".repeat(21_000)}*x*`, 13, 1, /105,004 characters long/],
  ])("a body of %s", (_label, body, line, column, message) => {
    const diagnostics = validateWith({ [INCIDENT]: incident("", body) });
    expect(diagnostics.map(pick)).toEqual([{ file: INCIDENT, line, column, rule: "markdown-budget", severity: "error" }]);
    expect(diagnostics[0].message).toMatch(message);
  });

  it.each([
    ["12,000 nested `>`", hostile.nestedQuotes(12_000)],
    ["10 kB of nested `-`", hostile.nestedDashes(5_000)],
    ["1,000 lists nested by indentation", hostile.indentedLists(1_000)],
    ["100 kB of `[`", hostile.brackets(100_000)],
    ["a fence that closes inside a quote, then 12,000 `>`", `> \`\`\`\n\n${hostile.nestedQuotes(12_000)}`],
  ])("renders %s as escaped text instead of failing the build", (_label, text) => {
    const html = renderMarkdown(text);
    expect(html.startsWith("<p>")).toBe(true);
    expect(html).not.toContain("<blockquote>");
    expect(html).toContain(text.includes(">") ? "&gt;&gt;&gt;" : text.slice(-20).replace(/\n/g, "<br>\n").slice(-10));
  });

  it("lists nested in a fenced code block are code, not nesting", () => {
    const body = `\`\`\`yaml\n${Array.from({ length: 60 }, (_, i) => `${" ".repeat(i * 2)}- item`).join("\n")}\n\`\`\`\n`;
    expect(validateWith({ [INCIDENT]: incident("", body) })).toEqual([]);
    expect(renderMarkdown(body)).toMatch(/^<pre><code class="language-yaml">/);
  });
});

describe("F17: text that renders to nothing", () => {
  it.each([
    ["`<!-- -->` before the message", "<!-- note --> We are investigating."],
    ["a `<div>` block", "<div>\nWe are investigating.\n</div>"],
  ])("an update starting with %s is an error at its body", (_label, body) => {
    const text = incident("").replace("body: Fixed.", `body: ${JSON.stringify(body)}`);
    const diagnostics = validateWith({ [INCIDENT]: text });
    expect(diagnostics.map(pick)).toEqual([{ file: INCIDENT, line: 10, column: 11, rule: "markdown-renders-empty", severity: "error" }]);
    expect(diagnostics[0].message).toBe("This update renders empty: the page shows it with no message.");
  });

  it("a body of raw HTML is an error at its first line; one of comments only (the scaffold's guidance) is not", () => {
    expect(validateWith({ [INCIDENT]: incident("", "<div>Customers could not log in.</div>\n") }).map(pick)).toEqual([
      { file: INCIDENT, line: 13, column: 1, rule: "markdown-renders-empty", severity: "error" },
    ]);
    expect(validateWith({ [INCIDENT]: incident("", "<!-- Public description: what customers experienced. -->\n") })).toEqual([]);
  });
});

describe("F12: slow paths in sitrep's own code end in the same diagnostics", () => {
  it("a postmortem heading of 5,000 spaces is read as an empty section", () => {
    const file = "postmortems/2026-11-10-api-errors.md";
    const text = `---\nincident: 2026-11-10-api-errors\nstatus: published\nvisibility: public\npublished_at: 2026-11-12T09:00:00Z\nauthors:\n  - ada\n---\n\n${hostile.spacedHeading(5_000)}\n\n## Summary\n\nA bad deploy.\n`;
    const diagnostics = validateWith({ [file]: text });
    expect(diagnostics.map(pick)).toEqual([{ file, line: 10, column: 1, rule: "postmortem-placeholders", severity: "warning" }]);
    expect(diagnostics[0].message).toBe('Section "x" is empty in a published postmortem.');
  });

  it("250 kB of blank lines between two words render as two paragraphs", () => {
    expect(renderMarkdown(hostile.blankLines(250_000))).toBe("<p>a</p>\n<p>b</p>");
  });

  it("40,000 unknown keys: the first 20 at their own lines, the 20th counting the rest", () => {
    const diagnostics = validateWith({ [INCIDENT]: incident(hostile.unknownKeys(40_000)) });
    expect(diagnostics.map(pick)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ file: INCIDENT, line: 7 + i, column: 1, rule: "unknown-field", severity: "error" })),
    );
    expect(diagnostics[0].message).toBe("Unknown field `k0`.");
    expect(diagnostics[19].message).toBe("Unknown field `k19` (and 39,980 more unknown fields here).");
  });

  it("one unknown key past the locator's index is still placed at its line", () => {
    const keys = hostile.unknownKeys(5).replace("k4: 1", "titel: 1");
    const diagnostics = validateWith({ [INCIDENT]: incident(keys) });
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [7, "Unknown field `k0`."],
      [8, "Unknown field `k1`."],
      [9, "Unknown field `k2`."],
      [10, "Unknown field `k3`."],
      [11, "Unknown field `titel`."],
    ]);
    expect(diagnostics[4].hint).toMatch(/Did you mean `title`\?/);
  });

  it.each([
    ["`[`", "["],
    ["`{`", "{"],
  ])("100,000 nested YAML %s are one error where the nesting passes 100 levels", (_label, open) => {
    const diagnostics = validateWith({ [INCIDENT]: incident(`components: ${hostile.flowNesting(open, 100_000)}\n`) });
    // js-yaml stops at the 100th bracket (column 13 is the first).
    expect(diagnostics.map(pick)).toEqual([{ file: INCIDENT, line: 7, column: 13 + 99, rule: "yaml-syntax", severity: "error" }]);
    expect(diagnostics[0].message).toBe("YAML: nesting deeper than 100 levels.");
  });
});

describe("F11: times are read by one parser, so validate accepts exactly what the site reads", () => {
  it.each([
    [
      "`+01` (published as 1970, a maintenance that never ended)",
      "2026-11-15T10:00:00+01",
      "invalid-format",
      /the offset `\+01` is not written in full/,
      /`2026-11-15T10:00:00\+01:00`/,
    ],
    [
      "a space for `T` (the page stayed stale for hours)",
      "2026-11-15 10:00:00Z",
      "invalid-format",
      /written with a space/,
      /`2026-11-15T10:00:00Z`/,
    ],
    ["`+0100`", "2026-11-15T10:00:00+0100", "invalid-format", /`\+0100` is not written in full/, /`2026-11-15T10:00:00\+01:00`/],
    ["no seconds", "2026-11-15T10:00Z", "invalid-format", /without seconds/, /`2026-11-15T10:00:00Z`/],
    ["a leap second", "2026-11-15T23:59:60Z", "invalid-format", /out of range/, /no leap second/],
    ["no offset", "2026-11-15T10:00:00", "time-without-offset", /without an offset/, /`2026-11-15T10:00:00Z`/],
  ])("%s is refused at its line with the time written right", (_label, time, rule, message, hint) => {
    const diagnostics = validateWith({ [INCIDENT]: incident("").replace("started_at: 2026-11-15T10:00:00Z", `started_at: "${time}"`) });
    expect(diagnostics.map(pick)).toEqual([{ file: INCIDENT, line: 5, column: 13, rule, severity: "error" }]);
    expect(diagnostics[0].message).toMatch(message);
    expect(diagnostics[0].hint).toMatch(hint);
  });
});

describe("F15: control characters in titles and names", () => {
  it.each([
    ["ESC", "\\e[2J"],
    ["NUL", "\\0"],
    ["a right-to-left override", "\\u202e"],
  ])("%s in a title is an error at the title", (_label, escaped) => {
    const text = incident("").replace("title: Hostile", `title: "Hostile ${escaped}evil"`);
    const diagnostics = validateWith({ [INCIDENT]: text });
    expect(diagnostics.map(pick)).toEqual([{ file: INCIDENT, line: 2, column: 8, rule: "text-control-character", severity: "error" }]);
    expect(diagnostics[0].message).toMatch(/^`title` holds U\+[0-9A-F]{4}, a control or text-direction character, at character 9\.$/);
  });

  it("in a component name, in the configuration", () => {
    const config = `format: 2\nsite:\n  title: Acme Status\n  url: https://status.acme.example\ncomponents:\n  - id: api\n    name: "API\\e]0;pwned\\a"\n  - id: web\n    name: Web app\n  - id: billing\n    name: Billing\n`;
    const diagnostics = validateWith({ "sitrep.config.yaml": config });
    expect(diagnostics.map(pick)).toEqual([
      { file: "sitrep.config.yaml", line: 7, column: 11, rule: "text-control-character", severity: "error" },
    ]);
  });

  it("are escaped by the terminal printers whatever their source", () => {
    const problem = {
      severity: "error" as const,
      file: "x.md",
      line: 1,
      column: 1,
      rule: "r",
      message: "Title `\u001b[2J\u202e` is bad.",
      hint: "Fix \u0000 it.",
    };
    expect(problemText(problem)).toBe("error: x.md:1:1: Title `\\u{1b}[2J\\u{202e}` is bad.\nhint: Fix \\u{0} it.");
    expect(formatPretty([problem], { color: false })).not.toMatch(/[\u0000\u001b\u202e]/);
  });
});

describe("F16: a huge review interval", () => {
  it("is a schema error at its line, not a crash", () => {
    const file = "runbooks/api-restart.md";
    const text = "---\ntitle: Restart the API\nowner: ada\nlast_reviewed: 2026-10-01\nreview_every_days: 99999999999\n---\n\n## Symptoms\n";
    const diagnostics = validateWith({ [file]: text });
    expect(diagnostics.map(pick)).toEqual([{ file, line: 5, column: 20, rule: "invalid-value", severity: "error" }]);
    expect(diagnostics[0].message).toBe("`review_every_days` must be <= 100000.");
  });
});
