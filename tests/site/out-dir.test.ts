// SITREP_OUT_DIR outside the project (issue 13 item 7): the build used to die with "Cannot find
// package '@oslojs/encoding'"; it now stops before building, saying why and what to do.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../helpers/site-build.ts";
import { repoRoot } from "../helpers/run-cli.ts";
import { checkOutDir } from "../../site/data/out-dir.ts";

const outside = mkdtempSync(path.join(os.tmpdir(), "sitrep-out-outside-"));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

describe("SITREP_OUT_DIR", () => {
  it("inside the project is fine; outside it is refused with the fix", () => {
    expect(() => checkOutDir(path.join(repoRoot, "node_modules/.cache/sitrep-site/x/dist"))).not.toThrow();
    expect(() => checkOutDir(path.join(outside, "dist"))).toThrow(/is outside the project/);
  });

  it("the real build stops before building, with exit 2, the message and no stack trace", async () => {
    const build = await buildSite({ outDir: path.join(outside, "dist") });
    expect(build.code).toBe(2);
    expect(build.stderr).toMatch(/error: SITREP_OUT_DIR `[^`]+` is outside the project/);
    expect(build.stderr).toMatch(/hint: Build inside the project/);
    expect(build.stderr).not.toMatch(/oslojs|\n\s+at /);
  }, 120_000);
});
