// The record types come from the schemas: regenerating them must give the committed file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchemaTypes, generatedTypesPath } from "../../scripts/records/generate-schema-types.ts";

describe("scripts/records/schema-types.ts", () => {
  it("equals what generate-schema-types.ts produces from schema/ (run `npm run gen:types` after editing a schema)", async () => {
    const generated = await generateSchemaTypes();
    const committed = readFileSync(generatedTypesPath, "utf8");
    expect(committed).toBe(generated);
  });

  it("declares each record kind's type exactly once", async () => {
    const generated = await generateSchemaTypes();
    for (const name of ["IncidentData", "PostmortemData", "RunbookData", "ConfigData"]) {
      expect(generated.match(new RegExp(`export (?:interface|type) ${name}\\b`, "g"))?.length, name).toBe(1);
    }
  });
});
