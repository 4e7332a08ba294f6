// A git process whose stdout is a temporary file, not a pipe: the file is read as it grows.
//
// Into a pipe (Node's is a socket pair) git waits whenever the reader is busy and writes in small
// pieces, and every piece is a read and a stream event here: `git cat-file --batch` handing over
// 29,000 blobs (31 MB) cost ~0.45 s of this process's CPU and ~0.65 s of git's that way, against
// ~0.05 s and ~0.45 s into a file read in 1 MB blocks (decision 0195). The file's name is removed
// as soon as git has it open (POSIX keeps the data for the open descriptors), so nothing is left
// behind even if the process is killed. log-file.ts (git log) and cat-file.ts (the blobs) use it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { SitrepError } from "../errors.ts";

/** Bytes read at a time: large enough that a 10 MB log is a few dozen reads. */
export const READ_BLOCK = 1 << 20;
/** How long to wait for more output when the reader has caught up with git. */
const POLL_MS = 5;

export interface OutputFile {
  /** git's stdin when asked for (`stdin: true`), else null. */
  stdin: Writable | null;
  /** Bytes git has written at `position`, up to `length` (0: nothing more yet, or the end). */
  readAt(buffer: Buffer, offset: number, length: number, position: number): number;
  /** Resolves with the exit code, or the error that kept git from starting. */
  exited: Promise<number | Error>;
  /**
   * Reads the file as git writes it, until git has exited and every byte is read: `readMore()`
   * reads what is there and returns the bytes it read (it is called again after the exit, so no
   * byte is missed). Between blocks the event loop gets a turn, so the other reader gets in; when
   * the reader has caught up it waits a little. Stops early once `stopped()` says so. Resolves with
   * git's outcome as `exited` gives it, undefined when stopped before git exited; rejects with
   * what `readMore` throws.
   */
  follow(readMore: () => number, stopped?: () => boolean): Promise<number | Error | undefined>;
  /** What git wrote to stderr so far. */
  stderr(): string;
  /** Lets the process exit while git runs (until `ref`); git is killed when the process exits. */
  unref(): void;
  ref(): void;
  kill(): void;
  /** Closes the file (once; later calls do nothing). */
  release(): void;
}

/** `prefix` names the temporary file (e.g. "sitrep-git-log"), which exists only until git has it. */
export function spawnIntoFile(root: string, args: readonly string[], options: { prefix: string; stdin: boolean }): OutputFile {
  const file = path.join(os.tmpdir(), `${options.prefix}-${process.pid}-${randomBytes(6).toString("hex")}`);
  let fd: number;
  try {
    fd = openSync(file, "wx+", 0o600);
  } catch (error) {
    throw new SitrepError(`Could not create a temporary file for the git history in ${os.tmpdir()}: ${(error as Error).message}`, {
      hint: "Make sure the temporary folder exists and is writable, or point TMPDIR at one that is.",
    });
  }
  let child: ChildProcess;
  try {
    // stdout is the file itself: git writes at its own pace and never waits for this thread.
    child = spawn("git", args, { cwd: root, stdio: [options.stdin ? "pipe" : "ignore", fd, "pipe"] });
  } catch (error) {
    free(fd, file, false);
    throw error;
  }
  // POSIX lets the name go now; where an open file cannot be unlinked it goes when freed.
  const unlinked = tryUnlink(file);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdin?.on("error", () => {}); // git exited early: reported through its exit instead
  const exited = new Promise<number | Error>((resolve) => {
    child.on("error", resolve);
    child.on("close", (code) => resolve(code ?? 1));
  });
  let outcome: number | Error | undefined;
  void exited.then((value) => (outcome = value));
  // git must not outlive this process.
  const stop = () => child.kill();
  process.once("exit", stop);
  let freed = false;
  const streams = () => [child, child.stderr, child.stdin] as { ref?: () => void; unref?: () => void }[];
  return {
    stdin: child.stdin,
    readAt: (buffer, offset, length, position) => readSync(fd, buffer, offset, length, position),
    exited,
    async follow(readMore, stopped = () => false) {
      while (!stopped()) {
        // Read after seeing the exit, never before: then every byte git wrote is in the file.
        const finished = outcome !== undefined;
        if (readMore() > 0) {
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        if (finished) break;
        await Promise.race([exited, sleep(POLL_MS)]);
      }
      return outcome;
    },
    stderr: () => stderr,
    unref: () => {
      for (const s of streams()) s?.unref?.();
    },
    ref: () => {
      for (const s of streams()) s?.ref?.();
    },
    kill: () => child.kill(),
    release: () => {
      if (freed) return;
      freed = true;
      process.off("exit", stop);
      free(fd, file, unlinked);
    },
  };
}

/** git did not start at all (not installed, not on PATH). */
export function gitDidNotRun(error: Error): SitrepError {
  return new SitrepError(`Could not run git: ${error.message}`, { hint: "Install git and make sure it is on PATH." });
}

function tryUnlink(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

function free(fd: number, file: string, unlinked: boolean): void {
  closeSync(fd);
  if (!unlinked) tryUnlink(file);
}
