// The rule table in docs/validation.md lists every rule the validator can report: the
// cross-record rules (rules/index.ts) and the file rules (rule-ids.ts), with their severity.
// The broken-record corpus, which has a case for every finding, reports no unregistered id.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../scripts/validate/rules/index.ts";
import { FILE_RULES } from "../scripts/validate/rule-ids.ts";
import { ONCALL_RULES } from "../scripts/oncall/check-schedules.ts";
import { repoRoot } from "./helpers/run-cli.ts";
import { corpus } from "./validate/corpus.ts";

const registry = [...FILE_RULES, ...ONCALL_RULES, ...rules.map((r) => ({ id: r.id, severity: r.severity }))];

describe("docs/validation.md", () => {
  const doc = readFileSync(path.join(repoRoot, "docs/validation.md"), "utf8");
  it.each(registry.map((r) => [r.id, r.severity]))("documents %s as %s", (id, severity) => {
    expect(doc).toMatch(new RegExp(`\\| \`${id}\` \\| ${severity} \\|`));
  });

  it("documents no rule the validator does not have", () => {
    const documented = [...doc.matchAll(/^\| `([a-z-]+)` \| (?:error|warning) \|/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(30);
    expect(documented.filter((id) => !registry.some((r) => r.id === id))).toEqual([]);
  });
});

describe("the rule registry", () => {
  it("holds every rule id the broken-record corpus produces, with its severity", () => {
    const produced = corpus.flatMap((c) => c.expected.map((e) => `${e.rule} ${e.severity}`));
    expect(new Set(produced).size).toBeGreaterThan(25);
    const known = new Set(registry.map((r) => `${r.id} ${r.severity}`));
    expect([...new Set(produced)].filter((p) => !known.has(p))).toEqual([]);
  });
});
