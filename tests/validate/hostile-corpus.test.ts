// Hostile input (issue 13): files built to crash, hang or mislead sitrep. Each must end in a
// diagnostic that names the file and place, quickly, and never in a crash, a hang or a pass.
// Beside the broken-record corpus (honest mistakes); these cases are generated here because
// most cannot be committed (symlinks out of the tree, FIFOs, multi-megabyte bombs).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { TEST_NOW, runCli } from "../helpers/run-cli.ts";
import { buildRepo, pick } from "./corpus.ts";

const now = new Date(TEST_NOW);
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function repoWith(files: Record<string, string | Buffer>): string {
  const repo = buildRepo([], "sitrep-hostile-");
  cleanups.push(repo.cleanup);
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), content);
  return repo.dir;
}

const incident = (extra: string) =>
  `---\ntitle: Hostile\nseverity: SEV3\nstatus: investigating\nstarted_at: 2026-11-15T10:00:00Z\n${extra}---\n\nBody.\n`;

/** `updates: [&u {…20 kB…}, *u, *u, …]` padded to `bytes`: expands to (bytes / 4) × 20 kB. */
function aliasBomb(bytes: number): string {
  const head = `updates: [&u {at: 2026-11-15T10:05:00Z, status: investigating, body: "${"x".repeat(20_000)}"}`;
  const aliases = ", *u".repeat(Math.floor((bytes - head.length - 200) / 4));
  return incident(`${head}${aliases}]\n`);
}

describe("YAML anchors, aliases and tags are refused at their position", () => {
  it.each([["110 kB", 110_000], ["950 kB", 950_000]])("the %s alias bomb fails fast with a diagnostic", (_label, bytes) => {
    const file = "incidents/2026/2026-11-15-bomb.md";
    const text = aliasBomb(bytes);
    expect(Buffer.byteLength(text)).toBeGreaterThan(bytes - 300);
    const dir = repoWith({ [file]: text });
    const started = performance.now();
    const { diagnostics } = validateRepository(dir, { now });
    const seconds = (performance.now() - started) / 1000;
    // Before: 110 kB passed validate and crashed the build; 950 kB ran ~6 minutes and passed.
    expect(seconds).toBeLessThan(5);
    expect(diagnostics.map(pick)).toEqual([
      { file, line: 6, column: 11, rule: "yaml-alias", severity: "error" },
      { file, line: 6, column: text.split("\n")[5].indexOf("*u") + 1, rule: "yaml-alias", severity: "error" },
    ]);
    expect(diagnostics[0].message).toBe("YAML anchor `&u` is not allowed.");
    expect(diagnostics[1].message).toMatch(/^YAML alias `\*u` is not allowed \(and \d{4,} more in this file\)\.$/);
    expect(diagnostics[1].hint).toMatch(/write the value out/);
  });

  it("the real CLI refuses the 950 kB bomb in seconds and exits 1", () => {
    const dir = repoWith({ "incidents/2026/2026-11-15-bomb.md": aliasBomb(950_000) });
    const started = performance.now();
    const result = runCli(["validate"], { cwd: dir });
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/6:11 +error +YAML anchor `&u` is not allowed\. +yaml-alias/);
  });

  it("a tag on a record value and an anchor in the configuration are refused too", () => {
    const dir = repoWith({
      "incidents/2026/2026-11-15-tag.md": incident("drill: !!bool false\n"),
      "sitrep.config.yaml": "site:\n  title: &t Acme\n  url: https://status.acme.example\ncomponents:\n  - {id: api, name: *t}\n",
    });
    const { diagnostics } = validateRepository(dir, { now });
    expect(diagnostics.map(pick)).toEqual([
      { file: "incidents/2026/2026-11-15-tag.md", line: 6, column: 8, rule: "yaml-tag", severity: "error" },
      { file: "sitrep.config.yaml", line: 2, column: 10, rule: "yaml-alias", severity: "error" },
      { file: "sitrep.config.yaml", line: 5, column: 21, rule: "yaml-alias", severity: "error" },
    ]);
    expect(diagnostics[0].message).toBe("YAML tag `!!bool` is not allowed.");
  });

  it("`&`, `*` and `!` inside values are text, not refused", () => {
    const dir = repoWith({ "incidents/2026/2026-11-15-text.md": incident("updates:\n  - at: 2026-11-15T10:05:00Z\n    status: investigating\n    body: R&D *really* down! & more\n") });
    expect(validateRepository(dir, { now }).diagnostics).toEqual([]);
  });
});
