// Lists the record files of a repository: incidents/**.md, postmortems/*.md, runbooks/*.md.
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { RecordKind } from "./model.ts";
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
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir, { recursive, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(".md") || IGNORED_NAMES.has(entry.name)) continue;
      // String slicing, not path.relative: on 10,000 files the latter cost ~60 ms.
      const subfolder = entry.parentPath.length > dir.length ? `${entry.parentPath.slice(dir.length + 1)}/` : "";
      const relative = `${folder}/${path.sep === "/" ? subfolder : subfolder.split(path.sep).join("/")}${entry.name}`;
      files.push({ kind, path: relative, id: entry.name.slice(0, -3) });
    }
  }
  // Code-unit order (not localeCompare, which is ICU-slow): stable output across machines and locales.
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}
