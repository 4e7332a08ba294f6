// One long-lived `git cat-file --batch` process for every blob: ids go in on stdin as they are
// discovered, contents come out into a temporary file (output-file.ts: no pipe, decision 0195),
// read in blocks as it grows and handed to `onBlob` one by one, so no blob is held longer than
// its parse.
import { SitrepError } from "../errors.ts";
import { gitDidNotRun, READ_BLOCK, spawnIntoFile } from "./output-file.ts";

export interface BlobReader {
  /** Asks for more blobs (each id once; the caller dedupes). */
  request(ids: readonly string[]): void;
  /** No more requests: resolves when every requested blob has been handed to onBlob. */
  finish(): Promise<void>;
  /** Stops the process (after a failure elsewhere). */
  abort(): void;
}

/**
 * `onBlob` gets each blob's bytes as a view into the reader's buffer: valid during the call only
 * (copy them to keep them).
 */
export function openBlobReader(cwd: string, onBlob: (id: string, bytes: Buffer) => void): BlobReader {
  const git = spawnIntoFile(cwd, ["cat-file", "--batch", "--buffer"], { prefix: "sitrep-git-blobs", stdin: true });
  let requested = 0;
  let received = 0;
  let failed: Error | undefined;
  const fail = (error: Error) => {
    if (failed) return;
    failed = error;
    git.kill();
  };

  // Unparsed output is buffer[start, end); the file has been read up to `position`.
  let buffer = Buffer.allocUnsafe(2 * READ_BLOCK);
  let start = 0;
  let end = 0;
  let position = 0;

  /** Hands over every complete blob in the buffer. */
  const parse = () => {
    for (;;) {
      const newline = buffer.indexOf(10, start);
      if (newline < 0 || newline >= end) return;
      const header = buffer.toString("latin1", start, newline);
      const [id, type, sizeText] = header.split(" ");
      if (type === "missing" || type === undefined) {
        fail(
          new SitrepError(`git cat-file could not find object ${id}.`, {
            hint: "The repository is missing objects (a partial or damaged clone). Fetch full history with `git fetch --unshallow` or a fresh clone, then try again.",
          }),
        );
        return;
      }
      const blobEnd = newline + 1 + Number(sizeText);
      if (end < blobEnd + 1) return; // wait for the rest of this blob and its trailing newline
      try {
        onBlob(id, buffer.subarray(newline + 1, blobEnd));
      } catch (error) {
        fail(error as Error);
        return;
      }
      received++;
      start = blobEnd + 1;
    }
  };

  /** Reads one block of what git has written so far; returns the bytes read. */
  const readBlock = (): number => {
    if (buffer.length - end < READ_BLOCK) {
      // Move the unparsed rest to the front; grow when one blob needs more room.
      const rest = end - start;
      const target = rest + READ_BLOCK > buffer.length ? Buffer.allocUnsafe(2 * (rest + READ_BLOCK)) : buffer;
      buffer.copy(target, 0, start, end);
      buffer = target;
      start = 0;
      end = rest;
    }
    const n = git.readAt(buffer, end, buffer.length - end, position);
    position += n;
    end += n;
    if (n > 0) parse();
    return n;
  };

  const followed = (async () => {
    let outcome: number | Error | undefined;
    try {
      outcome = await git.follow(readBlock, () => failed !== undefined);
    } finally {
      git.release();
    }
    if (failed) throw failed;
    if (outcome instanceof Error) throw gitDidNotRun(outcome);
    if (outcome !== 0 || received !== requested) {
      throw new SitrepError(`git cat-file failed (exit ${outcome}, ${received} of ${requested} objects read): ${git.stderr().trim()}`, {
        hint: "Check that the repository is not damaged (`git fsck`), then try again.",
      });
    }
  })();
  followed.catch(() => {});
  return {
    request(ids) {
      if (ids.length === 0 || failed) return;
      requested += ids.length;
      git.stdin?.write(`${ids.join("\n")}\n`);
    },
    finish() {
      git.stdin?.end();
      return followed;
    },
    abort() {
      fail(new Error("aborted"));
    },
  };
}
