// The line-based three-way merge, from git itself (`git merge-file`): for a record's Markdown body,
// and for a whole file that is not a record sitrep can merge by meaning. The I/O edge of merging.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import type { TextMerge } from "./merge-record.ts";

export interface Labels {
  ours: string;
  base: string;
  theirs: string;
}

/** Merges three texts by lines; conflicts are left between git's markers. */
export function gitMergeText(base: string, ours: string, theirs: string, labels: Labels): TextMerge {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-merge-"));
  try {
    const [b, o, t] = ["base", "ours", "theirs"].map((name, i) => {
      const file = path.join(dir, name);
      writeFileSync(file, [base, ours, theirs][i]);
      return file;
    });
    const result = spawnSync("git", ["merge-file", "--stdout", "-L", labels.ours, "-L", labels.base, "-L", labels.theirs, o, b, t], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    // Exit status: the number of conflicts (capped at 127); above that, git failed.
    if (result.error || result.status === null || result.status > 127) {
      throw new SitrepError(`git merge-file could not merge the files: ${result.error?.message ?? result.stderr.trim()}`, {
        hint: "Check that git is installed and on PATH, or resolve the conflict by hand.",
      });
    }
    return { text: result.stdout, conflicts: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
