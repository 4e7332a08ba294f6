// Positions (JSON path → line:column) and front-matter splitting on the inputs that trip up
// hand-written splitters: bodies containing `---`, CRLF, a BOM, trailing blanks, no final newline.
import { describe, expect, it } from "vitest";
import { createLocator } from "../../scripts/records/positions.ts";
import { splitFrontMatter } from "../../scripts/records/front-matter.ts";
import { parseRecord } from "../../scripts/records/read-record.ts";

const file = "incidents/2026/2026-11-15-x.md";

describe("createLocator", () => {
  // Front-matter YAML as splitFrontMatter returns it: line 1 is the opening `---` line.
  const yaml = [
    "", // 1  ---
    "title: Checkout errors", // 2
    "resolved_at:", // 3
    "roles:", // 4
    "  commander: &lead ada", // 5
    "  scribe: *lead", // 6
    'components: {api: major_outage, "web": partial_outage}', // 7
    "updates:", // 8
    "  - at: 2026-11-15T10:00:00Z", // 9
    "    status: investigating", // 10
    "  - at: 2026-11-15T10:30:00Z", // 11
    "    components:", // 12
    "      '404': partial_outage", // 13
    "      7: major_outage", // 14
    "runbooks: []", // 15
    "timeline:", // 16
    "- at: 2026-11-15T10:05:00Z", // 17
    "  event: paged", // 18
    "",
  ].join("\n");
  const locator = createLocator(yaml);
  const at = (path: (string | number)[], where: "key" | "value" = "value") => locator.locate(path, where);

  it("points at a value, or at its key when asked", () => {
    expect(at(["title"])).toEqual({ line: 2, column: 8 });
    expect(at(["title"], "key")).toEqual({ line: 2, column: 1 });
    expect(at(["updates", 1, "at"])).toEqual({ line: 11, column: 9 });
    expect(at(["updates", 1, "at"], "key")).toEqual({ line: 11, column: 5 });
  });

  it("handles empty values, anchors, aliases and flow mappings with quoted keys", () => {
    expect(at(["resolved_at"], "key")).toEqual({ line: 3, column: 1 });
    expect(at(["resolved_at"]).line).toBe(3);
    expect(at(["roles", "commander"])).toEqual({ line: 5, column: 20 });
    expect(at(["roles", "scribe"])).toEqual({ line: 6, column: 11 });
    expect(at(["components", "api"])).toEqual({ line: 7, column: 19 });
    expect(at(["components", "web"], "key")).toEqual({ line: 7, column: 33 });
  });

  it("finds keys that look like numbers, quoted or not", () => {
    expect(at(["updates", 1, "components", "404"], "key")).toEqual({ line: 13, column: 7 });
    expect(at(["updates", 1, "components", "7"], "key")).toEqual({ line: 14, column: 7 });
  });

  it("indexes sequences, including ones at the parent's indentation", () => {
    expect(at(["updates", 0])).toEqual({ line: 9, column: 5 });
    expect(at(["timeline", 0, "event"])).toEqual({ line: 18, column: 10 });
  });

  it("falls back to the nearest existing ancestor", () => {
    expect(at(["updates", 9, "at"])).toEqual({ line: 9, column: 3 });
    expect(at(["runbooks", 0])).toEqual({ line: 15, column: 11 });
    expect(at(["title", "deeper"])).toEqual({ line: 2, column: 8 });
    expect(at(["no_such_field"], "key")).toEqual({ line: 2, column: 1 });
    expect(at([])).toEqual({ line: 2, column: 1 });
  });

  it("puts anything in empty front matter on line 1", () => {
    expect(createLocator("").locate(["title"])).toEqual({ line: 1, column: 1 });
    expect(createLocator("\n").locate([])).toEqual({ line: 1, column: 1 });
    expect(createLocator("\n# only a comment\n").locate(["title"], "key")).toEqual({ line: 1, column: 1 });
  });

  it("counts CRLF lines like LF lines", () => {
    const crlf = createLocator("\r\ntitle: x\r\nstatus: resolved\r\nupdates:\r\n  - at: t\r\n");
    expect(crlf.locate(["status"])).toEqual({ line: 3, column: 9 });
    expect(crlf.locate(["updates", 0, "at"])).toEqual({ line: 5, column: 9 });
  });
});

describe("splitFrontMatter", () => {
  const split = (text: string) => {
    const result = splitFrontMatter(file, text);
    if (!result.ok) throw new Error(`expected a split, got ${result.finding.rule}`);
    return result.value;
  };

  it("keeps YAML line N on file line N", () => {
    const { yaml, body, bodyLine } = split("---\ntitle: x\nstatus: resolved\n---\n\nBody.\n");
    expect(yaml.split("\n")[1]).toBe("title: x");
    expect(createLocator(yaml).locate(["status"])).toEqual({ line: 3, column: 9 });
    expect(body).toBe("\nBody.\n");
    expect(bodyLine).toBe(5);
  });

  it("ends the front matter at the first `---` line; later ones belong to the body", () => {
    const { yaml, body, bodyLine } = split("---\ntitle: x\n---\nIntro\n\n---\n\nAfter a thematic break.\n---\n");
    expect(yaml).toBe("\ntitle: x\n");
    expect(body).toBe("Intro\n\n---\n\nAfter a thematic break.\n---\n");
    expect(bodyLine).toBe(4);
  });

  it("does not end at an indented `---` inside a block scalar, nor at `----` or `---x`", () => {
    expect(split("---\nbody: |\n  ---\n---\nB").yaml).toBe("\nbody: |\n  ---\n");
    expect(split("---\na: 1\n---x\n---\nB").body).toBe("B");
    expect(split("---\na: 1\n----\n---\nB").bodyLine).toBe(5);
  });

  it("accepts delimiters with trailing blanks and a closing line without a newline", () => {
    expect(split("--- \ntitle: x\n---\t\nBody").body).toBe("Body");
    const atEnd = split("---\ntitle: x\n---");
    expect(atEnd.yaml).toBe("\ntitle: x\n");
    expect(atEnd.body).toBe("");
  });

  it("splits CRLF files with the same line numbers", () => {
    const { yaml, body, bodyLine } = split("---\r\ntitle: x\r\nstatus: resolved\r\n---\r\n\r\nBody\r\n---\r\nmore\r\n");
    expect(createLocator(yaml).locate(["status"])).toEqual({ line: 3, column: 9 });
    expect(body).toBe("\r\nBody\r\n---\r\nmore\r\n");
    expect(bodyLine).toBe(5);
  });

  it("reports missing and unclosed front matter on line 1", () => {
    for (const [text, rule] of [
      ["# Title\n\ntitle: x\n", "front-matter-missing"],
      ["\n---\ntitle: x\n---\n", "front-matter-missing"],
      ["---title: x\n---\n", "front-matter-missing"],
      ["---\ntitle: x\n", "front-matter-unclosed"],
      ["---\ntitle: x\n  ---\n", "front-matter-unclosed"],
    ] as const) {
      const result = splitFrontMatter(file, text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect([result.finding.rule, result.finding.line, result.finding.column]).toEqual([rule, 1, 1]);
    }
  });
});

describe("parseRecord (bytes → data)", () => {
  const record = { kind: "incident" as const, path: file, id: "2026-11-15-x" };
  const bytes = (text: string, bom = false) => new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)]);

  it("strips a BOM and reads CRLF, with the body starting on the right line", () => {
    const { record: parsed, findings } = parseRecord(record, bytes("---\r\ntitle: x\r\nstatus: resolved\r\n---\r\nBody\r\n", true));
    expect(findings).toEqual([]);
    expect(parsed.data).toEqual({ title: "x", status: "resolved" });
    expect(parsed.source.text.startsWith("---")).toBe(true);
    expect(parsed.body).toBe("Body\r\n");
    expect(parsed.source.bodyLine).toBe(5);
    expect(createLocator(parsed.source.frontMatter).locate(["status"])).toEqual({ line: 3, column: 9 });
  });

  it("keeps CR out of values", () => {
    const { record: parsed } = parseRecord(record, bytes("---\r\ntitle: x\r\nbody: |\r\n  a\r\n  b\r\n---\r\n"));
    expect(parsed.data).toEqual({ title: "x", body: "a\nb\n" });
  });

  it("turns undecodable bytes into a finding, never an exception", () => {
    const { findings } = parseRecord(record, new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a]));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([["file-encoding", 2, 4]]);
  });

  it("reports a truncated multi-byte character at the end of the file", () => {
    const { findings } = parseRecord(record, bytes("---\ntitle: caf\u00e9").slice(0, -1));
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([["file-encoding", 2, 11]]);
  });
});
