// The fast parser (js-yaml) reads every record; the position-keeping one (yaml) only files with
// problems. They must mean the same thing: for every example record, every fixture, every
// configuration and every _template.md, both give deep-equal data or both fail.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseYamlFast, parseYamlSlow } from "../../scripts/records/parse-yaml.ts";
import { splitFrontMatter } from "../../scripts/records/front-matter.ts";
import { repoRoot } from "../helpers/run-cli.ts";

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The YAML of a file, or undefined when it has none to compare (not UTF-8, no front matter). */
function yamlOf(file: string): string | undefined {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch {
    return undefined;
  }
  if (file.endsWith(".yaml") || file.endsWith(".yml")) return text;
  const split = splitFrontMatter(file, text);
  return split.ok ? split.value.yaml : undefined;
}

// The example organisation lives among the fixtures (tests/fixtures/example-org).
const sources = walk(path.join(repoRoot, "tests/fixtures"))
  .filter((file) => /\.(md|ya?ml)$/.test(file) && !file.endsWith("README.md"))
  .map((file) => ({ file: path.relative(repoRoot, file), yaml: yamlOf(file) }))
  .filter((s): s is { file: string; yaml: string } => s.yaml !== undefined);

function compare(yaml: string) {
  const fast = parseYamlFast(yaml);
  const slow = parseYamlSlow(yaml);
  return { fast, slow, same: fast.ok === slow.ok && (!fast.ok || (slow.ok && isDeepStrictEqual(fast.data, slow.data))) };
}

describe("parseYamlFast and parseYamlSlow read every file alike", () => {
  it("covers the examples, the templates, the configuration and the fixtures", () => {
    const files = sources.map((s) => s.file);
    const org = "tests/fixtures/example-org/";
    expect(files.filter((f) => f.startsWith(`${org}incidents/`) && !f.endsWith("_template.md")).length).toBeGreaterThanOrEqual(15);
    for (const template of ["incidents/_template.md", "postmortems/_template.md", "runbooks/_template.md", "sitrep.config.yaml"]) {
      expect(files).toContain(org + template);
    }
    expect(files.filter((f) => f.startsWith("tests/fixtures/broken/")).length).toBeGreaterThanOrEqual(40);
    expect(files).toContain("tests/fixtures/valid/yaml-features/incidents/2026/2026-11-16-yaml-features.md");
  });

  it.each(sources.map((s) => [s.file, s.yaml] as const))("%s", (_file, yaml) => {
    const { fast, slow, same } = compare(yaml);
    expect(same, `fast: ${JSON.stringify(fast)}\nslow: ${JSON.stringify(slow)}`).toBe(true);
  });
});

describe("the fast parser never accepts what the slow one reads differently", () => {
  // Scalars people actually type. YAML 1.1 habits (yes/no, 010 octal, dates) must stay plain
  // strings or the same numbers in both parsers.
  const snippets = [
    "a: yes",
    "a: No",
    "a: on",
    "a: OFF",
    "a: y",
    "a: True",
    "a: FALSE",
    "a: ~",
    "a: Null",
    "a: null",
    "a:",
    "a: 010",
    "a: 0o17",
    "a: 0x1F",
    "a: 1_000",
    "a: +12",
    "a: -0",
    "a: 1.",
    "a: .5",
    "a: 1e3",
    "a: 1.5E-3",
    "a: .inf",
    "a: -.Inf",
    "a: 1.10",
    "a: 1.2.3",
    "a: 08",
    "a: 12:30",
    "a: 1:20:30",
    "a: 2026-11-20",
    "a: 2026-11-20T10:00:00Z",
    "a: 2026-11-20 10:00:00Z",
    "a: 2026-11-20T10:00:00",
    "a: 123456789012345678901234567890",
    "a: '0123'",
    'a: "\\u00e9\\t\\x41"',
    "a: 'it''s'",
    "a: plain\n  continued",
    "a: |\n  x\n  y\n",
    "a: >-\n  x\n\n  y\n",
    "a: |+\n  x\n\n",
    "a: &x [1, 2]\nb: *x",
    "a: {b: [c, {d: e}]}",
    "'a b': 1\n\"c\": 2",
    "1: one\n2: two",
    "a: x # comment",
    "a: x#not-comment",
    "a: 'x' # comment\n# trailing",
    "<<: {a: 1}\nb: 2",
    "a: b\n---\nc: d",
    "- a\n- b",
    "",
  ];
  it.each(snippets)("%j", (yaml) => {
    const { fast, slow } = compare(yaml);
    if (fast.ok) {
      expect(slow.ok).toBe(true);
      expect(slow.ok && slow.data).toStrictEqual(fast.data);
    }
  });

  it("empty and comment-only YAML is null to both (not a parse failure)", () => {
    for (const yaml of ["", "\n", "# only a comment\n", "\r\n  # indented comment\r\n"]) {
      expect(parseYamlFast(yaml)).toEqual({ ok: true, data: null });
      expect(parseYamlSlow(yaml)).toEqual({ ok: true, data: null });
    }
  });

  it("both reject duplicate keys, tabs as indentation and a value with an unquoted `: `", () => {
    for (const yaml of ["a: 1\na: 2", "a:\n\tb: 1", "title: Error: down", "a: [1, 2"]) {
      expect(parseYamlFast(yaml).ok, yaml).toBe(false);
      expect(parseYamlSlow(yaml).ok, yaml).toBe(false);
    }
  });
});
