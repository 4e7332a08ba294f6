// The installed engine's stripped-TypeScript cache (scripts/typescript-in-package.mjs, decision
// 0187): what it keys on, where it lives, and that a cache it cannot write costs only time.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { strippedCacheDir, stripWithCache } from "../../scripts/typescript-in-package.mjs";

const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-strip-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = "export const answer: number = 42;\nexport function twice(n: number): number { return n * 2; }\n";
const keyOf = (text: string) => createHash("sha256").update(process.version).update("\0").update(text).digest("hex");

describe("stripWithCache", () => {
  test("strips as Node does and keeps the result under a key of the Node version and the source", () => {
    const dir = path.join(scratch, "fresh/");
    expect(stripWithCache(source, dir)).toBe(stripTypeScriptTypes(source));
    expect(readdirSync(dir)).toEqual([`${keyOf(source)}.js`]);
    expect(readFileSync(path.join(dir, `${keyOf(source)}.js`), "utf8")).toBe(stripTypeScriptTypes(source));
  });

  test("a second run reads the kept text; an edited source gets its own entry, never the old one", () => {
    const dir = path.join(scratch, "kept/");
    stripWithCache(source, dir);
    // What is in the cache is what is served: mark the entry to see that it is read.
    writeFileSync(path.join(dir, `${keyOf(source)}.js`), "export const answer = 'from the cache';\n");
    expect(stripWithCache(source, dir)).toBe("export const answer = 'from the cache';\n");
    const edited = source.replace("42", "43");
    expect(stripWithCache(edited, dir)).toBe(stripTypeScriptTypes(edited));
    expect(readdirSync(dir).sort()).toEqual([`${keyOf(source)}.js`, `${keyOf(edited)}.js`].sort());
  });

  test("a cache folder that cannot be made (a file is in the way) still strips, and throws nothing", () => {
    const blocker = path.join(scratch, "a-file");
    writeFileSync(blocker, "");
    expect(stripWithCache(source, `${blocker}/cache/`)).toBe(stripTypeScriptTypes(source));
  });

  test("no cache folder: strips every time", () => {
    expect(stripWithCache(source, undefined)).toBe(stripTypeScriptTypes(source));
  });
});

describe("strippedCacheDir", () => {
  test("is .cache/sitrep-stripped in the node_modules the package was installed into", () => {
    expect(strippedCacheDir("file:///srv/acme-status/node_modules/sitrep/")).toBe("/srv/acme-status/node_modules/.cache/sitrep-stripped/");
  });

  test("is undefined for a checkout (not under node_modules)", () => {
    expect(strippedCacheDir("file:///work/sitrep/")).toBeUndefined();
  });
});
