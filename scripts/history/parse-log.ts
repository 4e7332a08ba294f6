// Parses `git log --raw -z --no-abbrev --format=%x01%H %ct %P` output. Pure.
//
// With -z every field ends in NUL: a commit header, then for each changed file
// ":<old mode> <new mode> <old blob> <new blob> <status>" followed by its path, or by two paths
// (old, new) for renames and copies. The header is followed by a newline before the first entry.
import type { CommitInfo } from "./revision.ts";

export const LOG_FORMAT = "%x01%H %ct %P";

export interface RawChange {
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: string;
  oldBlob: string;
  newBlob: string;
  /** Path from the repository's top level (the new path for renames and copies). */
  path: string;
  oldPath?: string;
}

export interface LogCommit {
  info: CommitInfo;
  changes: RawChange[];
}

const ZERO = /^0+$/;

/** Commits in the order git printed them (newest first). */
export function parseLog(output: string): LogCommit[] {
  const commits: LogCommit[] = [];
  const tokens = output.split("\0");
  let current: LogCommit | undefined;
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i];
    if (token.length === 0) continue;
    if (token.charCodeAt(0) === 1) {
      const [id, seconds, ...parents] = token.slice(1).trim().split(" ");
      current = {
        info: { id, at: new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z"), parents: parents.filter(Boolean).length },
        changes: [],
      };
      commits.push(current);
      continue;
    }
    if (token.charCodeAt(0) === 10) token = token.slice(1);
    if (token.charCodeAt(0) !== 58 /* : */ || !current)
      throw new Error(`Unexpected git log output near ${JSON.stringify(token.slice(0, 80))}`);
    // ":<old mode> <new mode> <old blob> <new blob> <status>", read from the end (no split: one
    // entry per changed file per commit, tens of thousands of them).
    const statusAt = token.lastIndexOf(" ") + 1;
    const newBlobAt = token.lastIndexOf(" ", statusAt - 2) + 1;
    const oldBlobAt = token.lastIndexOf(" ", newBlobAt - 2) + 1;
    if (oldBlobAt <= 1 || statusAt === token.length)
      throw new Error(`Unexpected git log output near ${JSON.stringify(token.slice(0, 80))}`);
    const oldBlob = token.slice(oldBlobAt, newBlobAt - 1);
    const newBlob = token.slice(newBlobAt, statusAt - 1);
    const status = token[statusAt];
    if (status === "R" || status === "C") {
      current.changes.push({ status, oldBlob, newBlob, oldPath: tokens[++i], path: tokens[++i] });
    } else {
      current.changes.push({ status, oldBlob, newBlob, path: tokens[++i] });
    }
  }
  return commits;
}

export function isNullBlob(blob: string): boolean {
  return ZERO.test(blob);
}
