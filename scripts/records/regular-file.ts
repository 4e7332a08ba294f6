// Reads a record or the configuration only when it is a regular file inside the repository,
// checking its type and size before reading a byte (docs/decisions/0081-regular-files-only.md).
//
// A symlink could point outside the repository (the build would publish whatever it points at),
// at /dev/zero (validate grew to 6 GB) or at a FIFO (validate hung); a 3 GB file crashed with
// "greater than 2 GiB". So: open without following a final symlink and without blocking (a FIFO
// opens at once instead of waiting for a writer), then fstat the open descriptor — the very
// file that will be read — and refuse anything but a regular file of at most MAX_RECORD_BYTES.
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync } from "node:fs";
import type { Finding } from "./finding.ts";
import { fileTooLarge, MAX_RECORD_BYTES } from "./decode-source.ts";

export type RegularFileResult = { ok: true; bytes: Uint8Array } | { ok: false; finding: Finding };

// O_NOFOLLOW and O_NONBLOCK are POSIX; on Windows they are undefined and symlinks need privileges.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The bytes of `absolutePath`, or a finding for `file` (its path from the root) saying why not. */
export function readRegularFile(file: string, absolutePath: string, maxBytes: number = MAX_RECORD_BYTES): RegularFileResult {
  let fd: number;
  try {
    fd = openSync(absolutePath, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: the last component is a symlink (O_NOFOLLOW). EISDIR never happens on a read-only open.
    if (code === "ELOOP") return symlinkFinding(file, absolutePath);
    return fail(
      file,
      "file-unreadable",
      `${file} could not be opened (${code ?? String(error)}).`,
      "Check that the file exists and is readable by the user running sitrep.",
    );
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const what = stats.isDirectory()
        ? "a folder"
        : stats.isFIFO()
          ? "a named pipe (FIFO)"
          : stats.isSocket()
            ? "a socket"
            : stats.isCharacterDevice() || stats.isBlockDevice()
              ? "a device"
              : "not a regular file";
      return fail(
        file,
        "file-not-regular",
        `${file} is ${what}, not a regular file.`,
        "Records and sitrep.config.yaml must be regular files inside the repository; replace it with a file (or remove it).",
      );
    }
    if (stats.size > maxBytes) return { ok: false, finding: fileTooLarge(file, stats.size) };
    return { ok: true, bytes: readUpTo(fd, stats.size, maxBytes) };
  } catch (error) {
    if (error instanceof GrewError) return { ok: false, finding: fileTooLarge(file, error.size) };
    return fail(
      file,
      "file-unreadable",
      `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      "Check that the file is readable by the user running sitrep.",
    );
  } finally {
    closeSync(fd);
  }
}

class GrewError extends Error {
  readonly size: number;
  constructor(size: number) {
    super("file grew while it was read");
    this.size = size;
  }
}

/** Reads to the end, but never more than maxBytes: the size can change between fstat and read. */
function readUpTo(fd: number, expected: number, maxBytes: number): Uint8Array {
  // One byte more than expected: the read that finds the end then fits, instead of doubling the
  // buffer and copying the whole file just to see zero bytes come back (every file did that).
  let buffer = Buffer.allocUnsafe(expected + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > maxBytes) throw new GrewError(length);
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  if (length > maxBytes) throw new GrewError(length);
  return buffer.subarray(0, length);
}

function symlinkFinding(file: string, absolutePath: string): RegularFileResult {
  let target = "";
  try {
    target = ` to \`${readlinkSync(absolutePath)}\``;
  } catch {
    // The link vanished in between; say what we know.
  }
  return fail(
    file,
    "file-not-regular",
    `${file} is a symbolic link${target}; sitrep does not follow links.`,
    'A link can point outside the repository (or at a device or a pipe), so records, record folders and sitrep.config.yaml must be real files and folders: replace the link with the file itself (`cp --remove-destination "$(readlink FILE)" FILE`).',
  );
}

function fail(file: string, rule: string, message: string, hint: string): RegularFileResult {
  return { ok: false, finding: { file, rule, severity: "error", message, hint, line: 1, column: 1 } };
}
