// The `sitrep` launcher (scripts/sitrep.mjs): before `npm ci`, or on a Node older than 24, one line
// that says to run `npm ci`, exit 2, never a stack trace; otherwise the real CLI.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { repoRoot } from "../helpers/run-cli.ts";

const launcher = path.join(repoRoot, "scripts/sitrep.mjs");
const run = (node: string, args: string[], script = launcher) =>
  spawnSync(node, [...args, script, "--version"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

const expectOneFriendlyLine = (result: ReturnType<typeof run>, why: RegExp) => {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(why);
  expect(lines[0]).toContain("Run `npm ci`");
  expect(result.stderr).not.toMatch(/\n\s+at |ERR_/);
};

describe("the launcher", () => {
  test("package.json's bin is the launcher, and the launcher is plain JavaScript", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.bin.sitrep).toBe("scripts/sitrep.mjs");
    // No type annotations: an old Node must be able to parse it to print its one line.
    const check = spawnSync(process.execPath, ["--check", launcher], { encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
  });

  test("on Node 24 with dependencies installed it runs the CLI", () => {
    const result = run(process.execPath, []);
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).version);
    expect(result.status).toBe(0);
  });

  test("on an older Node it prints one line naming the version and `npm ci`", () => {
    // Node 24 posing as Node 20: process.versions.node is configurable, and the launcher reads only it.
    const pose = "data:text/javascript,Object.defineProperty(process.versions,'node',{value:'20.20.2'})";
    expectOneFriendlyLine(run(process.execPath, ["--import", pose]), /needs Node 24 and this is Node 20\.20\.2/);
  });

  const systemNode = ["/usr/bin/node", "/usr/local/bin/node"].find((candidate) => {
    const version = spawnSync(candidate, ["--version"], { encoding: "utf8" }).stdout?.trim();
    return version && Number(version.slice(1).split(".")[0]) < 24;
  });
  test.runIf(systemNode)("on the system's real older Node too", () => {
    expectOneFriendlyLine(run(systemNode!, []), /needs Node 24 and this is Node /);
  });

  const fresh = mkdtempSync(path.join(os.tmpdir(), "sitrep-fresh-clone-"));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));
  test("in a fresh clone before `npm ci` it prints one line, even on Node 24", () => {
    cpSync(path.join(repoRoot, "scripts"), path.join(fresh, "scripts"), { recursive: true });
    cpSync(path.join(repoRoot, "package.json"), path.join(fresh, "package.json"));
    expectOneFriendlyLine(run(process.execPath, [], path.join(fresh, "scripts/sitrep.mjs")), /dependencies are not installed/);
  });
});
