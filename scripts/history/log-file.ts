// `git log` writes into a temporary file, not a pipe, and the file is read as it grows.
//
// The log starts before the records load. Loading is synchronous, so nothing could read a pipe
// meanwhile: git would stop at the first 64 kB. Into a file git runs at full speed on the other
// core, and whatever it has written is there for the caller once it asks (decision 0188). The
// file itself (created, unlinked at once, closed) is output-file.ts.
import { StringDecoder } from "node:string_decoder";
import { SitrepError } from "../errors.ts";
import { gitDidNotRun, READ_BLOCK, spawnIntoFile } from "./output-file.ts";

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

export function startLogFile(root: string, args: readonly string[]): LogFile {
  const git = spawnIntoFile(root, args, { prefix: "sitrep-git-log", stdin: false });
  // Until read() the log must not keep the process alive (a caller that fails exits at once).
  git.unref();

  return {
    async read(onText) {
      git.ref();
      const decoder = new StringDecoder("utf8");
      const buffer = Buffer.allocUnsafe(READ_BLOCK);
      let position = 0;
      let outcome: number | Error | undefined;
      try {
        outcome = await git.follow(() => {
          const n = git.readAt(buffer, 0, READ_BLOCK, position);
          position += n;
          if (n > 0) onText(decoder.write(buffer.subarray(0, n)), false);
          return n;
        });
        if (outcome instanceof Error) throw gitDidNotRun(outcome);
        if (outcome !== 0) {
          throw new SitrepError(`git log failed (exit ${outcome}): ${git.stderr().trim()}`, {
            hint: "Check that `git log` works in this folder.",
          });
        }
        onText(decoder.end(), true);
      } finally {
        if (outcome === undefined) git.kill(); // onText threw: git's output is of no more use
        git.release();
      }
    },
    cancel() {
      git.kill();
      git.release();
    },
  };
}
