// Bench inputs are generated once and kept under os.tmpdir() by name (bump the name's version
// when the generator changes). Written beside the final place and renamed, so an interrupted run
// never leaves half a corpus that a later run would measure.
import { existsSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function cachedCorpus(name: string, write: (dir: string) => void): string {
  const dir = path.join(os.tmpdir(), name);
  if (!existsSync(dir)) {
    const partial = `${dir}-partial-${process.pid}`;
    write(partial);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  return dir;
}

/** The status-page corpus of 10,000 incidents (bench/status-page-corpus.ts), shared by rows. */
export const STATUS_PAGE_CORPUS = "sitrep-bench-status-pages-v1";
