// Materialises the records as they were at a git revision (a PR's base) in a temp folder, with
// one `git archive` — so the base can be loaded by the same loader as the working tree.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RECORD_ROOT_ENTRIES } from "./record-paths.ts";
import { recordsPathPrefix } from "./git-context.ts";

export interface RecordsSnapshot {
  /** The records root inside the snapshot. */
  root: string;
  cleanup: () => void;
}

/** undefined when `ref` is empty, all zeros (a new branch's "before") or unknown to this clone. */
export function recordsAtRef(root: string, ref: string | undefined): RecordsSnapshot | undefined {
  if (!ref || /^0+$/.test(ref)) return undefined;
  const known = spawnSync("git", ["cat-file", "-e", `${ref}^{commit}`], { cwd: root });
  if (known.status !== 0) return undefined;
  const prefix = recordsPathPrefix(root);
  const listed = spawnSync("git", ["ls-tree", "--name-only", ref, "--", ...RECORD_ROOT_ENTRIES.map((e) => `${prefix}${e}`)], {
    cwd: root,
    encoding: "utf8",
  });
  // ls-tree prints paths relative to the current directory (the records root).
  const present =
    listed.status === 0
      ? listed.stdout
          .split("\n")
          .filter(Boolean)
          .map((p) => `${prefix}${path.basename(p)}`)
      : [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-base-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (present.length > 0) {
    const archive = spawnSync("git", ["archive", "--format=tar", ref, "--", ...present], { cwd: root, maxBuffer: 1024 * 1024 * 1024 });
    const untar = archive.status === 0 ? spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout }) : undefined;
    if (untar?.status !== 0) {
      cleanup();
      throw new Error(`could not read the records at ${ref}: ${archive.stderr?.toString() || untar?.stderr?.toString()}`);
    }
  }
  return { root: path.join(dir, prefix), cleanup };
}
