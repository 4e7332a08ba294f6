// The history adapter: every revision of every record file on the main line, in one pass.
//
//   1. one `git log --first-parent --raw -z --no-abbrev -M` over incidents/, postmortems/ and
//      runbooks/ (dates are when a change reached the main line: a merge's first-parent diff
//      counts on the day it was merged);
//   2. one `git cat-file --batch` fed every distinct blob id, parsed as it streams in, with the
//      loader's own parseRecord's answer (blob-snapshot.ts; same blob id → same content → parsed once).
//
// `startHistory` starts step 1 at once, into a file (log-file.ts), so git walks the history
// while the caller does its synchronous work (loading the records); read() does the rest.
import { IGNORED_NAMES, RECORD_FOLDERS } from "../records/discover.ts";
import type { RecordKind, Repository } from "../records/record-types.ts";
import { knownSnapshots } from "./known-snapshots.ts";
import { openBlobReader } from "./cat-file.ts";
import { locateGitRepository, type GitLocation } from "./git-repository.ts";
import { startLogFile, type LogFile } from "./log-file.ts";
import { LOG_FORMAT, isNullBlob, parseLog, type LogCommit, type RawChange } from "./parse-log.ts";
import type { History, Revision, Snapshot } from "./revision.ts";
import { snapshotOfBlob } from "./blob-snapshot.ts";
import { textInterner, type Intern } from "./interned-text.ts";

const FOLDERS = Object.entries(RECORD_FOLDERS) as [RecordKind, { folder: string; recursive: boolean }][];

/** Called for every changed path of every commit: index arithmetic, not split (tens of thousands of calls). */
export function recordKindOf(relativePath: string): RecordKind | undefined {
  if (!relativePath.endsWith(".md")) return undefined;
  const firstSlash = relativePath.indexOf("/");
  if (firstSlash < 0) return undefined;
  const lastSlash = relativePath.lastIndexOf("/");
  if (IGNORED_NAMES.has(relativePath.slice(lastSlash + 1))) return undefined;
  for (const [kind, { folder, recursive }] of FOLDERS) {
    // The folder is the first segment; a non-recursive folder holds records only at its top.
    if (firstSlash === folder.length && relativePath.startsWith(folder) && (recursive || lastSlash === firstSlash)) return kind;
  }
  return undefined;
}

export function logArguments(): string[] {
  return [
    "-c",
    "log.showSignature=false",
    "log",
    "--first-parent",
    "--diff-merges=first-parent",
    "--raw",
    "-z",
    "--no-abbrev",
    "-M",
    // Immune to user config that would change the output: colour, external diff tools, and
    // diff.relative (paths relative to the cwd instead of the top level).
    "--no-color",
    "--no-ext-diff",
    "--no-relative",
    `--format=${LOG_FORMAT}`,
  ];
}

export interface PendingHistory {
  location: GitLocation;
  /**
   * Reads the history (log, blobs, parses) and returns it. Given the records just loaded,
   * blobs identical to today's files are not fetched or parsed again.
   */
  read(repository?: Repository): Promise<History>;
  /** Stops reading (the caller failed and will not call read()), so the process can exit at once. */
  cancel(): void;
}

/**
 * Checks the repository at once (throws SitrepError: no git, no commits, shallow) and starts
 * `git log` into a file, so git walks the history on the other core while the caller does its
 * own work (loading and validating the records); read() then takes what git has written so far
 * and follows the rest as it comes.
 */
export function startHistory(root: string): PendingHistory {
  const location = locateGitRepository(root);
  const log = startLogFile(root, logArguments());
  return {
    location,
    read: (repository) => {
      const intern = textInterner();
      return readFromLog(root, location, log, repository ? knownSnapshots(repository, intern) : new Map(), intern);
    },
    cancel: () => log.cancel(),
  };
}

export async function readHistory(root: string): Promise<History> {
  return startHistory(root).read();
}

/** Blob ids are sent to cat-file in batches: one write per id costs more than the read. */
const BLOB_BATCH = 2048;

/**
 * The history, read in one pass over the log. `known` holds snapshots of today's files by blob
 * id: the newest version of each path, usually today's file, is taken from there when it
 * matches, and fetched otherwise.
 */
async function readFromLog(
  root: string,
  location: GitLocation,
  log: LogFile,
  known: ReadonlyMap<string, Snapshot>,
  intern: Intern,
): Promise<History> {
  const seenPaths = new Set<string>();
  let reused = 0;
  // Newest commit first, each commit's revisions in git's order.
  const newestFirst: Revision[] = [];
  let commitCount = 0;
  const wanted = new Set<string>();
  // Parse each distinct blob once, as it streams in; `null` marks content that did not parse.
  const parsed = new Map<string, Snapshot | null>();
  const kindAndPath = new Map<string, { kind: RecordKind; path: string }>();
  const blobs = openBlobReader(root, (id, bytes) => {
    const { kind, path: file } = kindAndPath.get(id) as { kind: RecordKind; path: string };
    kindAndPath.delete(id);
    parsed.set(id, snapshotOfBlob({ kind, path: file, id: file.slice(file.lastIndexOf("/") + 1, -3) }, bytes, intern));
  });
  let ids: string[] = [];
  const onCommits = (commits: LogCommit[]) => {
    for (const { info, changes } of commits) {
      const first = newestFirst.length;
      for (const change of changes) toRevisions(change, location.prefix, info, newestFirst);
      if (newestFirst.length === first) continue; // no record touched (code, config, docs)
      commitCount++;
      for (let i = first; i < newestFirst.length; i++) {
        const r = newestFirst[i];
        const newest = !seenPaths.has(r.path);
        seenPaths.add(r.path);
        if (!r.blob || r.kind === "runbook" || wanted.has(r.blob)) continue;
        wanted.add(r.blob);
        const today = newest ? known.get(r.blob) : undefined;
        if (today) {
          parsed.set(r.blob, today);
          reused++;
          continue;
        }
        kindAndPath.set(r.blob, { kind: r.kind, path: r.path });
        ids.push(r.blob);
      }
    }
    if (ids.length >= BLOB_BATCH) {
      blobs.request(ids);
      ids = [];
    }
  };
  let rest = "";
  try {
    await log.read((text, final) => {
      rest += text;
      // Whole commits only: one ends where the next header (\x01) begins.
      const cut = final ? rest.length : rest.lastIndexOf("\x01");
      if (cut <= 0) return;
      const complete = rest.slice(0, cut);
      rest = rest.slice(cut);
      onCommits(parseLog(complete));
    });
    blobs.request(ids);
    await blobs.finish();
  } catch (error) {
    blobs.abort();
    throw error;
  }

  const revisions: Revision[] = [];
  let unparseableCount = 0;
  // Oldest commit first: walk the commits from the end, each one's revisions forwards.
  for (let end = newestFirst.length; end > 0; ) {
    let start = end - 1;
    while (start > 0 && newestFirst[start - 1].commit === newestFirst[start].commit) start--;
    for (let i = start; i < end; i++) {
      const revision = newestFirst[i];
      revisions.push(revision);
      if (!revision.blob) continue;
      if (revision.kind === "runbook") {
        revision.snapshot = { kind: "runbook" };
        continue;
      }
      const snapshot = parsed.get(revision.blob);
      if (snapshot) revision.snapshot = snapshot;
      else {
        revision.unparseable = true;
        unparseableCount++;
      }
    }
    end = start;
  }
  return {
    revisions,
    commitCount,
    blobCount: wanted.size,
    reusedBlobCount: reused,
    unparseableCount,
    head: location.head,
  };
}

const strip = (p: string | undefined, prefix: string) => (p?.startsWith(prefix) ? p.slice(prefix.length) : undefined);

/** A raw change → revisions of record files, appended to `out` (a rename out of or into record folders is a delete or an add). */
function toRevisions(change: RawChange, prefix: string, commit: Revision["commit"], out: Revision[]): void {
  const newPath = strip(change.path, prefix);
  const oldPath = strip(change.oldPath, prefix);
  const newKind = newPath !== undefined ? recordKindOf(newPath) : undefined;
  const oldKind = oldPath !== undefined ? recordKindOf(oldPath) : undefined;
  if (change.status === "D") {
    if (newKind) out.push({ commit, kind: newKind, path: newPath as string, change: "deleted" });
    return;
  }
  if (change.status === "R") {
    if (oldKind && newKind === oldKind) {
      out.push({ commit, kind: newKind, path: newPath as string, previousPath: oldPath, change: "renamed", blob: change.newBlob });
      return;
    }
    if (oldKind) out.push({ commit, kind: oldKind, path: oldPath as string, change: "deleted" });
    if (newKind) out.push({ commit, kind: newKind, path: newPath as string, change: "added", blob: change.newBlob });
    return;
  }
  if (!newKind || isNullBlob(change.newBlob)) return;
  // A copy (C) is a new file as far as records go.
  out.push({
    commit,
    kind: newKind,
    path: newPath as string,
    change: change.status === "A" || change.status === "C" ? "added" : "modified",
    blob: change.newBlob,
  });
}
