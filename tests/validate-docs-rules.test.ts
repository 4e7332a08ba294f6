// The rule table in docs/validation.md lists every rule the validator can report.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../scripts/validate/rules/index.ts";
import { repoRoot } from "./helpers/run-cli.ts";

describe("docs/validation.md", () => {
  const doc = readFileSync(path.join(repoRoot, "docs/validation.md"), "utf8");
  it.each(rules.map((r) => [r.id, r.severity]))("documents %s as %s", (id, severity) => {
    expect(doc).toMatch(new RegExp(`\\| \`${id}\` \\| ${severity} \\|`));
  });
  it("documents every rule id produced outside the rules folder", () => {
    const sources = ["scripts/records/decode-source.ts", "scripts/records/front-matter.ts", "scripts/records/parse-yaml.ts", "scripts/records/refuse-yaml-aliases.ts", "scripts/records/regular-file.ts",
      "scripts/records/read-config.ts", "scripts/records/schema-check.ts", "scripts/records/config-ids.ts", "scripts/records/config-site.ts"]
      .map((f) => readFileSync(path.join(repoRoot, f), "utf8")).join("\n");
    const ids = new Set([...sources.matchAll(/rule: "([a-z-]+)"/g)].map((m) => m[1]));
    ids.add("line-endings").add("file-not-regular").add("file-unreadable").add("file-empty").add("file-encoding").add("file-too-large").add("front-matter-missing").add("front-matter-unclosed");
    expect(ids.size).toBeGreaterThan(10);
    for (const id of ids) expect(doc, id).toContain(`\`${id}\``);
  });
});
