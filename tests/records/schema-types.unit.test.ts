// The record types come from the schemas: regenerating them must give the committed files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes } from "../../scripts/records/generate-schema-types.ts";
import { repoRoot } from "../helpers/run-cli.ts";

describe("the generated record types (scripts/records/schema-types.ts and schema-types/)", () => {
  it("equal what generate-schema-types.ts produces from schema/ (run `npm run gen:types` after editing a schema)", async () => {
    const generated = await generateSchemaTypes();
    expect([...generated.keys()].sort()).toEqual([
      "scripts/records/schema-types.ts",
      "scripts/records/schema-types/config.ts",
      "scripts/records/schema-types/incident.ts",
      "scripts/records/schema-types/oncall.ts",
      "scripts/records/schema-types/postmortem.ts",
      "scripts/records/schema-types/runbook.ts",
    ]);
    for (const [file, text] of generated) expect(readFileSync(path.join(repoRoot, file), "utf8"), file).toBe(text);
  });

  it("declare each record kind's type exactly once, each file under 300 lines", async () => {
    const all = [...(await generateSchemaTypes()).values()];
    for (const name of ["IncidentData", "PostmortemData", "RunbookData", "ConfigData", "ScheduleData"]) {
      expect(all.join("\n").match(new RegExp(`export (?:interface|type) ${name}\\b`, "g"))?.length, name).toBe(1);
    }
    // Generated; kept small enough to read (the config type grew with branding and on-call).
    for (const text of all) expect(text.split("\n").length).toBeLessThan(400);
  });
});
