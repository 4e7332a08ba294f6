// `git log` writes into a temporary file, not a pipe, and the file is read as it grows.
//
// The log starts before the records load. Loading is synchronous, so nothing could read a pipe
// meanwhile: git would stop at the first 64 kB. Into a file git runs at full speed on the other
// core, and whatever it has written is there for the caller once it asks (decision 0188). The
// file's name is removed as soon as git has it open (POSIX keeps the data for the open
// descriptors), so nothing is left behind even if the process is killed.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { setTimeout as sleep } from "node:timers/promises";
import { SitrepError } from "../errors.ts";

export interface LogFile {
  /**
   * Reads the output from the start as it grows, until git has exited: `onText` gets the text
   * (UTF-8 decoded across reads) in blocks, `final` on the last call. Rejects with SitrepError
   * when git fails. Call once.
   */
  read(onText: (text: string, final: boolean) => void): Promise<void>;
  /** Stops git and frees the file (the caller will not read). */
  cancel(): void;
}

/** Bytes read at a time: large enough that a 10 MB log is a few dozen reads. */
const BLOCK = 1 << 20;
/** How long to wait for more output when the reader has caught up with git. */
const POLL_MS = 5;

export function startLogFile(root: string, args: readonly string[]): LogFile {
  const file = path.join(os.tmpdir(), `sitrep-git-log-${process.pid}-${randomBytes(6).toString("hex")}`);
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
    child = spawn("git", args, { cwd: root, stdio: ["ignore", fd, "pipe"] });
  } catch (error) {
    free(fd, file, false);
    throw error;
  }
  // POSIX lets the name go now; where an open file cannot be unlinked it goes when freed.
  const unlinked = tryUnlink(file);
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<number | Error>((resolve) => {
    child.on("error", resolve);
    child.on("close", (code) => resolve(code ?? 1));
  });
  // Until read() the log must not keep the process alive (a caller that fails exits at once)…
  child.unref();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  // …and git must not outlive it.
  const stop = () => child.kill();
  process.once("exit", stop);
  let freed = false;
  const release = () => {
    if (freed) return;
    freed = true;
    process.off("exit", stop);
    free(fd, file, unlinked);
  };

  return {
    async read(onText) {
      child.ref();
      (child.stderr as { ref?: () => void } | null)?.ref?.();
      const decoder = new StringDecoder("utf8");
      const buffer = Buffer.allocUnsafe(BLOCK);
      let position = 0;
      let outcome: number | Error | undefined;
      void exited.then((value) => (outcome = value));
      try {
        for (;;) {
          // Read after seeing the exit, never before: then every byte git wrote is in the file.
          const finished = outcome !== undefined;
          const n = readSync(fd, buffer, 0, BLOCK, position);
          if (n > 0) {
            position += n;
            onText(decoder.write(buffer.subarray(0, n)), false);
            // Let the blob reader's output in between blocks.
            await new Promise((resolve) => setImmediate(resolve));
            continue;
          }
          if (finished) break;
          await Promise.race([exited, sleep(POLL_MS)]);
        }
        if (outcome instanceof Error) {
          throw new SitrepError(`Could not run git: ${outcome.message}`, { hint: "Install git and make sure it is on PATH." });
        }
        if (outcome !== 0) {
          throw new SitrepError(`git log failed (exit ${outcome}): ${stderr.trim()}`, {
            hint: "Check that `git log` works in this folder.",
          });
        }
        onText(decoder.end(), true);
      } finally {
        if (outcome === undefined) child.kill(); // onText threw: git's output is of no more use
        release();
      }
    },
    cancel() {
      child.kill();
      release();
    },
  };
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
