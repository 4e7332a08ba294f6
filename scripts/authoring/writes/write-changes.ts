// Applies checked changes to the records root. Each file is written to a temp name beside it
// and renamed into place, so an interrupted command never leaves half a file.
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileChange } from "./file-change.ts";

export function writeChanges(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    const target = path.join(root, change.path);
    if (change.text === null) {
      if (existsSync(target)) unlinkSync(target);
      removeEmptyParents(root, path.dirname(target));
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.sitrep-${process.pid}.tmp`;
    writeFileSync(temp, change.text);
    renameSync(temp, target);
  }
}

/** Removes folders left empty by a deletion (e.g. incidents/2026/), never a top-level record folder. */
function removeEmptyParents(root: string, dir: string): void {
  let current = dir;
  while (path.relative(root, current).split(path.sep).length > 1 && existsSync(current) && readdirSync(current).length === 0) {
    rmdirSync(current);
    current = path.dirname(current);
  }
}
