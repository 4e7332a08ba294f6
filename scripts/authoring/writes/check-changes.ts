// Validates the repository as it would be after some changes, without touching it: the config
// and record folders are mirrored into a temp directory (hard links where the file system
// allows, copies otherwise), the changes applied there, and the project's own validator
// (validateRepository) runs on the mirror.
//
// Scope "changed" blocks on errors in the files the command writes. Every rule reports a
// problem a new or edited record causes on that record itself (an id clash is reported on
// both files, a missing runbook on the incident, a second postmortem on the postmortem), so
// this catches every error a change can introduce while letting an on-call engineer declare
// at 2 a.m. even when some old, unrelated record is broken. Scope "all" (init) blocks on any error.
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONFIG_FILE } from "../../records/root.ts";
import { RECORD_FOLDERS } from "../../records/discover.ts";
import { loadConfig } from "../../records/load-config.ts";
import { brandingFiles } from "../../records/config-branding.ts";
import type { Config } from "../../records/record-types.ts";
import { validateRepository, type ValidationResult } from "../../validate/validate.ts";
import type { Diagnostic } from "../../core/diagnostic.ts";
import type { FileChange } from "./file-change.ts";

export interface ChangeCheck {
  /** Errors that block the change. */
  errors: Diagnostic[];
  /** Warnings in the changed files (e.g. an update cadence gap): shown, never blocking. */
  warnings: Diagnostic[];
  /** The validator's result for the would-be repository. */
  after: ValidationResult;
}

/**
 * `config`: the repository's configuration when the caller has loaded it already (every authoring
 * command has); read from `root` otherwise. Only the branding files it names are read from it.
 */
export function checkChanges(
  root: string,
  changes: readonly FileChange[],
  options: { now: Date; scope: "changed" | "all"; config?: Config },
): ChangeCheck {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-check-"));
  try {
    const mirror = createMirror();
    mirror.file(path.join(root, CONFIG_FILE), path.join(scratch, CONFIG_FILE));
    for (const { folder } of Object.values(RECORD_FOLDERS)) mirror.tree(path.join(root, folder), path.join(scratch, folder));
    // The files the config's branding names are checked too (they must exist in the repository).
    const config = changes.some((c) => c.path === CONFIG_FILE) ? undefined : options.config;
    for (const file of brandingFiles(config ?? loadConfig(root).config)) {
      const from = path.resolve(root, file);
      if (!path.relative(root, from).startsWith("..") && existsSync(from)) {
        mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
        mirror.file(from, path.join(scratch, file));
      }
    }
    for (const change of changes) {
      const target = path.join(scratch, change.path);
      // Never write through a hard link: that would change the real file.
      if (existsSync(target)) unlinkSync(target);
      if (change.text !== null) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, change.text);
      }
    }
    const changed = changes.map((c) => c.path);
    const after = validateRepository(scratch, { now: options.now, only: options.scope === "changed" ? changed : undefined });
    after.repository.root = root;
    return {
      errors: after.diagnostics.filter((d) => d.severity === "error"),
      warnings: after.diagnostics.filter((d) => d.severity === "warning" && changed.includes(d.file)),
      after,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Mirrors files by hard link, falling back to copies once linking fails (another file system). */
function createMirror() {
  let link = true;
  const file = (from: string, to: string) => {
    if (!existsSync(from)) return;
    if (link) {
      try {
        linkSync(from, to);
        return;
      } catch {
        link = false;
      }
    }
    copyFileSync(from, to);
  };
  const tree = (from: string, to: string) => {
    if (!existsSync(from)) return;
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) tree(path.join(from, entry.name), path.join(to, entry.name));
      else if (entry.isFile()) file(path.join(from, entry.name), path.join(to, entry.name));
    }
  };
  return { file, tree };
}
