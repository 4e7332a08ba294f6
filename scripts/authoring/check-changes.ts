// Validates the repository as it would be after some changes, without touching it: the config
// and record folders are copied into a temp directory, the changes applied there, and the
// project's own validator (validateRepository) runs on the copy. Errors that the change
// introduces block the write; problems that were already there do not (an incident must be
// declarable at 2 a.m. even when an old runbook is broken), but are never made worse silently.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONFIG_FILE } from "../records/root.ts";
import { RECORD_FOLDERS } from "../records/discover.ts";
import { validateRepository, type ValidationResult } from "../validate/validate.ts";
import type { Diagnostic } from "../validate/diagnostic.ts";
import type { FileChange } from "./file-change.ts";

export interface ChangeCheck {
  /** Errors present after the change and not before. */
  errors: Diagnostic[];
  /** Warnings in the changed files that were not there before (e.g. an update cadence gap). */
  warnings: Diagnostic[];
  /** Everything the validator said about the would-be repository. */
  after: ValidationResult;
}

export function checkChanges(root: string, changes: readonly FileChange[], options: { now: Date; before: ValidationResult }): ChangeCheck {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "sitrep-check-"));
  try {
    for (const entry of [CONFIG_FILE, ...Object.values(RECORD_FOLDERS).map((f) => f.folder)]) {
      const source = path.join(root, entry);
      if (existsSync(source)) cpSync(source, path.join(scratch, entry), { recursive: true });
    }
    for (const change of changes) {
      const target = path.join(scratch, change.path);
      if (change.text === null) {
        if (existsSync(target)) unlinkSync(target);
      } else {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, change.text);
      }
    }
    const after = validateRepository(scratch, { now: options.now });
    after.repository.root = root;
    const known = new Set(options.before.diagnostics.map(diagnosticKey));
    const changed = new Set(changes.map((c) => c.path));
    const fresh = after.diagnostics.filter((d) => !known.has(diagnosticKey(d)));
    return {
      errors: fresh.filter((d) => d.severity === "error"),
      warnings: fresh.filter((d) => d.severity === "warning" && changed.has(d.file)),
      after,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Identity of a problem regardless of where in the file it moved to. */
function diagnosticKey(d: Diagnostic): string {
  return `${d.file}\u0000${d.rule}\u0000${d.message}`;
}
