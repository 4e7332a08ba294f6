// The history adapter: every revision of every record file on the main line, in one pass.
//
//   1. one `git log --first-parent --raw -z --no-abbrev -M` over incidents/, postmortems/ and
//      runbooks/ (dates are when a change reached the main line: a merge's first-parent diff
//      counts on the day it was merged);
//   2. one `git cat-file --batch` fed every distinct blob id, parsed as it streams in, with the
//      loader's own parseRecord's answer (blob-snapshot.ts; same blob id → same content → parsed once).
//
// `startHistory` runs both steps on a worker thread, so they overlap with the caller's
// synchronous work (loading the records).
import { spawn } from "node:child_process";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { Worker } from "node:worker_threads";
import { SitrepError } from "../errors.ts";
import { IGNORED_NAMES, RECORD_FOLDERS } from "../records/discover.ts";
import type { RecordKind, Repository } from "../records/record-types.ts";
import { knownSnapshots } from "./known-snapshots.ts";
import { openBlobReader } from "./cat-file.ts";
import { locateGitRepository, type GitLocation } from "./git-repository.ts";
import { LOG_FORMAT, isNullBlob, parseLog, type LogCommit, type RawChange } from "./parse-log.ts";
import type { CommitInfo, History, Revision, Snapshot } from "./revision.ts";
import { snapshotOfBlob } from "./blob-snapshot.ts";
import { snapshotPool } from "./snapshot-pool.ts";

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
   * Waits for the history (log, blobs, parses) and returns it. Given the records just loaded,
   * blobs identical to today's files are not fetched or parsed again.
   */
  read(repository?: Repository): Promise<History>;
  /** Stops reading (the caller failed and will not call read()), so the process can exit at once. */
  cancel(): void;
}

/**
 * Checks the repository at once (throws SitrepError: no git, no commits, shallow), then reads
 * the history on a worker thread, so git and the blob parsing run beside whatever the caller
 * does meanwhile (loading and validating the records) — two cores instead of one.
 */
export function startHistory(root: string): PendingHistory {
  const location = locateGitRepository(root);
  // A larger young generation: parsing tens of thousands of blobs makes many short-lived objects.
  const worker = new Worker(new URL("./history-worker.mjs", import.meta.url), {
    workerData: { root, location },
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  // Until read() is called the worker must not keep the process alive: a caller that fails
  // (and forgets cancel()) would otherwise hang, the worker waiting for today's records.
  worker.unref();
  const result = new Promise<History>((resolve, reject) => {
    worker.once("message", (message: WorkerReply) => {
      if (message.ok) resolve(message.history);
      else
        reject(
          message.sitrep
            ? new SitrepError(message.message, { hint: message.hint, exitCode: message.exitCode })
            : new Error(message.message),
        );
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The history worker stopped (exit ${code}) before it answered.`)));
  });
  // Avoid an unhandled rejection if the caller fails before calling read().
  result.catch(() => {});
  return {
    location,
    read: (repository) => {
      const message: KnownMessage = { known: repository ? knownSnapshots(repository) : [] };
      worker.ref();
      worker.postMessage(message);
      return result;
    },
    cancel: () => void worker.terminate(),
  };
}

/** Main thread → worker: snapshots of today's files by blob id (possibly none). */
export interface KnownMessage {
  known: [string, Snapshot][];
}

export type WorkerReply =
  | { ok: true; history: History }
  | { ok: false; sitrep: boolean; message: string; hint?: string; exitCode?: number };

export async function readHistory(root: string): Promise<History> {
  return startHistory(root).read();
}

const LOG_BATCH = 256 * 1024;
/** Blob ids are sent to cat-file in batches: one write per id costs more than the read. */
const BLOB_BATCH = 2048;

/**
 * Runs the one `git log` pass. Each complete commit is handed to `onCommits` as soon as the
 * next one starts (a commit ends where the next header begins), so blob reads overlap the log.
 */
export function runLog(root: string, onCommits: (commits: LogCommit[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    // GIT_FLUSH=0: into a pipe git log flushes after every commit, so this thread woke for each
    // ~250-byte write (30,000 reads for 40,000 commits, ~0.4 s of CPU in stream handling);
    // fully buffered it writes in blocks (~2,300 reads) and still streams.
    const child = spawn("git", logArguments(), { cwd: root, env: { ...process.env, GIT_FLUSH: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    const decoder = new StringDecoder("utf8");
    let rest = "";
    let stderr = "";
    let failed: Error | undefined;
    const take = (text: string, final: boolean) => {
      rest += text;
      // git writes a commit at a time; parse in batches of ~256 kB, not per tiny pipe read.
      if (!final && rest.length < LOG_BATCH) return;
      const cut = final ? rest.length : rest.lastIndexOf("\x01");
      if (cut <= 0) return;
      const complete = rest.slice(0, cut);
      rest = rest.slice(cut);
      try {
        onCommits(parseLog(complete));
      } catch (error) {
        failed ??= error as Error;
        child.kill();
      }
    };
    child.stdout.on("data", (chunk: Buffer) => take(decoder.write(chunk), false));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) =>
      reject(new SitrepError(`Could not run git: ${error.message}`, { hint: "Install git and make sure it is on PATH." })),
    );
    child.on("close", (code) => {
      if (failed) return reject(failed);
      if (code !== 0)
        return reject(
          new SitrepError(`git log failed (exit ${code}): ${stderr.trim()}`, { hint: "Check that `git log` works in this folder." }),
        );
      take(decoder.end(), true);
      if (failed) return reject(failed);
      resolve();
    });
  });
}

/**
 * The history, read in one streamed pass. With `known` (snapshots by blob id of today's files,
 * arriving when the caller has loaded them), the newest version of each path — usually today's
 * file — is held back until `known` arrives and fetched only if it is not there.
 */
export async function buildHistoryFromGit(root: string, location: GitLocation, known?: Promise<Map<string, Snapshot>>): Promise<History> {
  const deferred: string[] = [];
  const seenPaths = new Set<string>();
  let reused = 0;
  const newestFirst: { commit: CommitInfo; revisions: Revision[] }[] = [];
  const wanted = new Set<string>();
  // Parse each distinct blob once, as it streams in; `null` marks content that did not parse.
  const parsed = new Map<string, Snapshot | null>();
  const share = snapshotPool();
  const kindAndPath = new Map<string, { kind: RecordKind; path: string }>();
  const blobs = openBlobReader(root, (id, bytes) => {
    const { kind, path: file } = kindAndPath.get(id) as { kind: RecordKind; path: string };
    kindAndPath.delete(id);
    const snapshot = snapshotOfBlob({ kind, path: file, id: path.basename(file, ".md") }, bytes);
    parsed.set(id, snapshot && share(snapshot));
  });
  try {
    let ids: string[] = [];
    await runLog(root, (commits) => {
      for (const { info, changes } of commits) {
        const revisions: Revision[] = [];
        for (const change of changes) toRevisions(change, location.prefix, info, revisions);
        if (revisions.length === 0) continue; // no record touched (code, config, docs)
        newestFirst.push({ commit: info, revisions });
        for (const r of revisions) {
          const newest = !seenPaths.has(r.path);
          seenPaths.add(r.path);
          if (!r.blob || r.kind === "runbook" || wanted.has(r.blob)) continue;
          wanted.add(r.blob);
          kindAndPath.set(r.blob, { kind: r.kind, path: r.path });
          if (newest && known) deferred.push(r.blob);
          else ids.push(r.blob);
        }
      }
      if (ids.length >= BLOB_BATCH) {
        blobs.request(ids);
        ids = [];
      }
    });
    if (known) {
      const snapshots = await known;
      for (const id of deferred) {
        const snapshot = snapshots.get(id);
        if (snapshot) {
          parsed.set(id, share(snapshot));
          kindAndPath.delete(id);
          reused++;
        } else {
          ids.push(id);
        }
      }
    }
    blobs.request(ids);
    await blobs.finish();
  } catch (error) {
    blobs.abort();
    throw error;
  }

  const revisions: Revision[] = [];
  let unparseableCount = 0;
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    for (const revision of newestFirst[i].revisions) {
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
  }
  return {
    revisions,
    commitCount: newestFirst.length,
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
