// One long-lived `git cat-file --batch` process for every blob: ids go in on stdin as they are
// discovered, contents stream out and are handed to `onBlob` as they arrive, so no blob is held
// longer than its parse.
import { spawn } from "node:child_process";
import { SitrepError } from "../errors.ts";

export interface BlobReader {
  /** Asks for more blobs (each id once; the caller dedupes). */
  request(ids: readonly string[]): void;
  /** No more requests: resolves when every requested blob has been handed to onBlob. */
  finish(): Promise<void>;
  /** Stops the process (after a failure elsewhere). */
  abort(): void;
}

export function openBlobReader(cwd: string, onBlob: (id: string, bytes: Buffer) => void): BlobReader {
  const child = spawn("git", ["cat-file", "--batch", "--buffer"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  let pending: Buffer = Buffer.alloc(0);
  let requested = 0;
  let received = 0;
  let failed: Error | undefined;
  let stderr = "";
  const fail = (error: Error) => {
    if (failed) return;
    failed = error;
    child.kill();
  };
  child.stdout.on("data", (chunk: Buffer) => {
    if (failed) return;
    const buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let position = 0;
    for (;;) {
      const newline = buffer.indexOf(10, position);
      if (newline < 0) break;
      const header = buffer.toString("latin1", position, newline);
      const [id, type, sizeText] = header.split(" ");
      if (type === "missing" || type === undefined) {
        fail(
          new SitrepError(`git cat-file could not find object ${id}.`, {
            hint: "The repository is missing objects (a partial or damaged clone). Fetch full history with `git fetch --unshallow` or a fresh clone, then try again.",
          }),
        );
        return;
      }
      const end = newline + 1 + Number(sizeText);
      if (buffer.length < end + 1) break; // wait for the rest of this blob and its trailing newline
      try {
        onBlob(id, buffer.subarray(newline + 1, end));
      } catch (error) {
        fail(error as Error);
        return;
      }
      received++;
      position = end + 1;
    }
    pending = position < buffer.length ? buffer.subarray(position) : Buffer.alloc(0);
  });
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.on("error", () => {}); // reported through close/fail instead
  const closed = new Promise<void>((resolve, reject) => {
    child.on("error", (error) =>
      fail(new SitrepError(`Could not run git: ${error.message}`, { hint: "Install git and make sure it is on PATH." })),
    );
    child.on("close", (code) => {
      if (failed) return reject(failed);
      if (code !== 0 || received !== requested) {
        return reject(
          new SitrepError(`git cat-file failed (exit ${code}, ${received} of ${requested} objects read): ${stderr.trim()}`, {
            hint: "Check that the repository is not damaged (`git fsck`), then try again.",
          }),
        );
      }
      resolve();
    });
  });
  closed.catch(() => {});
  return {
    request(ids) {
      if (ids.length === 0 || failed) return;
      requested += ids.length;
      child.stdin.write(`${ids.join("\n")}\n`);
    },
    finish() {
      child.stdin.end();
      return closed;
    },
    abort() {
      fail(new Error("aborted"));
    },
  };
}
