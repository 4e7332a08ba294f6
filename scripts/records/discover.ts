// Lists the record files of a repository: incidents/**.md, postmortems/*.md, runbooks/*.md.
import { lstatSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import type { RecordKind } from "./record-types.ts";
import { compareCodeUnits } from "./order.ts";

export interface RecordFile {
  kind: RecordKind;
  /** Path from the records root, forward slashes. */
  path: string;
  /** File name without .md. */
  id: string;
}

export const RECORD_FOLDERS: Record<RecordKind, { folder: string; recursive: boolean }> = {
  incident: { folder: "incidents", recursive: true },
  postmortem: { folder: "postmortems", recursive: false },
  runbook: { folder: "runbooks", recursive: false },
};

/** Files in record folders that describe the folder rather than being records. */
export const IGNORED_NAMES = new Set(["README.md", "_template.md"]);

export function discoverRecordFiles(root: string): RecordFile[] {
  const files: RecordFile[] = [];
  for (const [kind, { folder, recursive }] of Object.entries(RECORD_FOLDERS) as [RecordKind, (typeof RECORD_FOLDERS)[RecordKind]][]) {
    const dir = path.join(root, folder);
    const stats = lstatSync(dir, { throwIfNoEntry: false });
    if (!stats) continue;
    // A record folder that is a link (or a file) is listed as an entry, so the reader names it.
    if (!stats.isDirectory()) {
      files.push({ kind, path: folder, id: folder });
      continue;
    }
    for (const entry of listEntries(dir, recursive)) {
      if (!isCandidate(entry)) continue;
      // String slicing, not path.relative: on 10,000 files the latter cost ~60 ms.
      const subfolder = entry.parentPath.length > dir.length ? `${entry.parentPath.slice(dir.length + 1)}/` : "";
      const relative = `${folder}/${path.sep === "/" ? subfolder : subfolder.split(path.sep).join("/")}${entry.name}`;
      files.push({ kind, path: relative, id: entry.name.endsWith(".md") ? entry.name.slice(0, -3) : entry.name });
    }
  }
  // Code-unit order (not localeCompare, which is ICU-slow): stable output across machines and locales.
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * Regular `.md` files, plus every symlink and every non-regular `.md` entry (FIFO, socket, device):
 * those are listed so that reading them reports them (records/regular-file.ts) instead of
 * skipping them silently or following them out of the repository.
 */
function isCandidate(entry: Dirent): boolean {
  if (IGNORED_NAMES.has(entry.name) || entry.isDirectory()) return false;
  return entry.isSymbolicLink() || entry.name.endsWith(".md");
}

/**
 * The folder's entries, descending into real subfolders only. Node's `readdirSync({ recursive })`
 * follows symlinked folders (out of the repository, and around loops: 820 duplicate ids).
 */
function listEntries(dir: string, recursive: boolean): Dirent[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (!recursive) return entries;
  const all: Dirent[] = [];
  for (const entry of entries) {
    all.push(entry);
    if (entry.isDirectory()) all.push(...listEntries(path.join(dir, entry.name), true));
  }
  return all;
}
