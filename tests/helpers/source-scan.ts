// Static scans of the project's own sources (tests that guard a convention): the files under a
// folder, and the lines that match a named pattern, as `file:line: name: text`.
import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./run-cli.ts";

/** Script sources under `dir` (relative to the repository), fixtures left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name) && !e.parentPath.includes(`${path.sep}fixtures`))
    .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name)));
}

export interface NamedPattern {
  name: string;
  pattern: RegExp;
}

/** Every line of `text` that a pattern matches, one entry per pattern. */
export function matchingLines(file: string, text: string, patterns: readonly NamedPattern[]): string[] {
  return text
    .split("\n")
    .flatMap((line, i) => patterns.filter((p) => p.pattern.test(line)).map((p) => `${file}:${i + 1}: ${p.name}: ${line.trim()}`));
}
