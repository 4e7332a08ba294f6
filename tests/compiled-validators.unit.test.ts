// The ahead-of-time compiled validators are exactly what the schemas compile to today.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiledValidatorsPath, createAjv, generateValidators, SCHEMA_KINDS } from "../scripts/records/generate-validators.ts";
import * as compiled from "../scripts/records/compiled-validators.js";

describe("scripts/records/compiled-validators.js", () => {
  it("matches a fresh compile of schema/ (run `npm run gen` after editing a schema)", () => {
    expect(readFileSync(compiledValidatorsPath, "utf8")).toBe(generateValidators());
  });

  it("accepts and rejects the same data as ajv compiling at run time", () => {
    const ajv = createAjv({ source: false });
    const samples: Record<string, unknown[]> = {
      incident: [
        { title: "t", status: "resolved" },
        { title: "t", status: "nope" },
        { title: "", status: "resolved", extra: 1 },
        { title: "t", status: "investigating", started_at: "2026-11-20T14:02:00" },
        { title: "t", status: "investigating", started_at: "2026-11-20T14:02:00+01:00" },
      ],
      postmortem: [
        { incident: "x", status: "draft" },
        { incident: "x", status: "draft", action_items: [{ id: "Bad Id" }] },
      ],
      runbook: [
        { title: "r", owner: "o", last_reviewed: "2026-02-30" },
        { title: "r", owner: "o", last_reviewed: "2026-02-28" },
      ],
      config: [
        { site: { title: "t", url: "not a url" }, components: [] },
        { site: { title: "t", url: "https://x.example/" }, components: [{ id: "a", name: "A" }] },
      ],
      oncall: [
        { name: "n", timezone: "Europe/Berlin", layers: [{ name: "l", members: ["a"], start: "2026-10-05T09:00", rotation: "1w" }] },
        {
          name: "n",
          timezone: "Europe/Berlin",
          layers: [{ name: "l", members: [], start: "2026-10-05 09:00", rotation: "weekly" }],
          overrides: [{ who: "a", from: "2026-10-05T09:00" }],
        },
      ],
    };
    for (const kind of SCHEMA_KINDS) {
      const runtime = ajv.getSchema(kind)!;
      for (const sample of samples[kind]) {
        const fast = compiled[kind];
        expect(fast(sample), `${kind} ${JSON.stringify(sample)}`).toBe(runtime(sample));
        expect(fast.errors?.map((e) => [e.instancePath, e.keyword]) ?? null).toEqual(
          runtime.errors?.map((e) => [e.instancePath, e.keyword]) ?? null,
        );
      }
    }
  });
});
