// A repository still in an older record format is a warning (`record-format-old`, decision 0151),
// never a reason to refuse the 2 a.m. path: `declare` writes the incident and the warning stays
// for `sitrep validate` and `sitrep migrate`. An error in the config still stops every command,
// and says what it is.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function repoWithConfig(edit: (config: string) => string): string {
  const repo = copyExampleRepo("sitrep-older-format-");
  cleanup = repo.cleanup;
  const file = path.join(repo.dir, "sitrep.config.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return repo.dir;
}

const declare = ["declare", "--title", "Checkout errors", "--severity", "SEV2", "--component", "checkout-api=partial_outage", "--json"];

test("a repository in record format 1 can still declare", async () => {
  const dir = repoWithConfig((config) => config.replace(/^format: 2\n/m, ""));
  const result = await runCliInProcess(declare, { cwd: dir, env: { SITREP_NOW: TEST_NOW } });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout).id).toBe("2026-11-22-checkout-errors");
});

test("an error in the config stops declare, and the refusal names it", async () => {
  const dir = repoWithConfig((config) => config.replace(/^format: 2\n/m, "format: 2\nsurprise_key: true\n"));
  const result = await runCliInProcess(declare, { cwd: dir, env: { SITREP_NOW: TEST_NOW } });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("sitrep.config.yaml has errors");
  expect(result.stderr).toContain("surprise_key");
});
