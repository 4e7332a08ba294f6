// An invalid record stops the site build with the validator's own diagnostics (file:line:col,
// rule, hint), before any page is written; SITREP_NOW and SITREP_SITE_URL are honoured.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { buildSite } from "../helpers/site-build.ts";

let example: { dir: string; cleanup: () => void };

beforeAll(() => {
  example = copyExampleRepo("sitrep-site-invalid-");
});
afterAll(() => example?.cleanup());

describe("site build with invalid records", () => {
  it("fails with exit code 1 and the validator's file:line:col diagnostics", async () => {
    const file = path.join(example.dir, "incidents/2026/2026-11-17-checkout-elevated-errors.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("status: resolved\n", "status: fixed\n"));
    const build = await buildSite({ recordsRoot: example.dir });
    try {
      expect(build.code).toBe(1);
      expect(build.stderr).toMatch(/incidents\/2026\/2026-11-17-checkout-elevated-errors\.md:4:\d+/);
      expect(build.stderr).toContain("error: The site was not built: 1 record error(s).");
      expect(build.stderr).toContain("(invalid-value)");
      expect(build.stderr).toContain("hint:");
      expect(build.stderr).not.toMatch(/\n\s+at .*\.(ts|js|mjs):\d+:\d+/); // no stack trace
      expect(existsSync(path.join(build.outDir, "index.html"))).toBe(false);
    } finally {
      build.cleanup();
    }
  });

  it("rejects a SITREP_NOW that is not a time, saying how to fix it", async () => {
    const build = await buildSite({ recordsRoot: example.dir, now: "yesterday" });
    try {
      expect(build.code).toBe(2);
      expect(build.stderr).toContain("SITREP_NOW is `yesterday`, not a time.");
    } finally {
      build.cleanup();
    }
  });
});
