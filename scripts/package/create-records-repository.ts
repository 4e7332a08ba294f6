// `sitrep init <dir>`: a new records repository in an empty (or absent) folder, or a copy of the
// sitrep template converted in place. Either way the result holds records, config and workflows
// only, depends on the sitrep package, and validates. A template copy keeps every record, the
// config and its README byte for byte, and its git history (metrics read it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import type { FileChange } from "../authoring/writes/file-change.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import type { InitAnswers } from "../authoring/init/site-answers.ts";
import { CONFIG_FILE } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { validateRepository } from "../validate/validate.ts";
import type { Diagnostic } from "../core/diagnostic.ts";
import { ENGINE_PATHS, isTemplateCopy } from "./engine-paths.ts";
import { GENERATED_FILES, generatedText } from "./generated-files.ts";
import { MANIFEST_FILE, manifestText, textHash } from "./generated-manifest.ts";
import { packageInfo } from "./package-paths.ts";
import { packageNameFor, recordsPackageJson, thinRepositoryFiles } from "./thin-repository.ts";

export type TargetKind = "new" | "template-copy";

export interface CreatedRepository {
  dir: string;
  kind: TargetKind;
  written: string[];
  removed: string[];
  diagnostics: Diagnostic[];
  gitInitialised: boolean;
}

/** What `dir` is: empty or absent (new), a template copy, or something init must not touch. */
export function targetKind(dir: string): TargetKind {
  if (!existsSync(dir)) return "new";
  const entries = readdirSync(dir).filter((e) => e !== ".git");
  if (entries.length === 0) return "new";
  if (isTemplateCopy(dir)) return "template-copy";
  if (existsSync(path.join(dir, CONFIG_FILE))) {
    throw new SitrepError(`${dir} is already a records repository (it has ${CONFIG_FILE}).`, {
      hint: "To refresh its workflows and templates after upgrading sitrep, run `npx sitrep upgrade` there.",
      exitCode: 1,
    });
  }
  throw new SitrepError(
    `${dir} is not empty (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""}), so init would mix its files with yours.`,
    {
      hint: "Name a new or empty folder, e.g. `npx sitrep init acme-status`.",
      exitCode: 1,
    },
  );
}

export function createRecordsRepository(dir: string, answers: InitAnswers & { description?: string }, now: Date): CreatedRepository {
  const { version, nodeRange } = packageInfo();
  const changes = thinRepositoryFiles({ answers, name: packageNameFor(path.basename(dir)), version, nodeRange });
  writeChanges(dir, changes);
  const gitInitialised = initialiseGit(dir);
  return {
    dir,
    kind: "new",
    written: changes.map((c) => c.path),
    removed: [],
    diagnostics: validateRepository(dir, { now }).diagnostics,
    gitInitialised,
  };
}

/**
 * Converts a template copy in place: the engine's files go, package.json depends on the package,
 * the generated files are the package's. Records, config and README are not touched.
 */
export function convertTemplateCopy(dir: string, now: Date): CreatedRepository {
  const { version, nodeRange } = packageInfo();
  const removed = ENGINE_PATHS.filter((p) => existsSync(path.join(dir, p)));
  const generated: FileChange[] = GENERATED_FILES.map((file) => ({ path: file.path, text: generatedText(file) }));
  const title = readTitle(dir);
  const changes: FileChange[] = [
    {
      path: "package.json",
      text: recordsPackageJson({ name: packageNameFor(path.basename(dir)), version, nodeRange, answers: { title } as InitAnswers }),
    },
    ...generated,
    {
      path: MANIFEST_FILE,
      text: manifestText({ sitrep: version, files: Object.fromEntries(generated.map((f) => [f.path, textHash(f.text!)])) }),
    },
  ];
  for (const p of removed) rmSync(path.join(dir, p), { recursive: true, force: true });
  writeChanges(dir, changes);
  return {
    dir,
    kind: "template-copy",
    written: changes.map((c) => c.path),
    removed,
    diagnostics: validateRepository(dir, { now }).diagnostics,
    gitInitialised: false,
  };
}

function readTitle(dir: string): string {
  return loadConfig(dir).config?.site.title ?? path.basename(dir);
}

/** `git init -b main` when the folder is not inside a repository yet; false when git is missing or it already is. */
function initialiseGit(dir: string): boolean {
  const inside = spawnSync("git", ["rev-parse", "--is-inside-work-tree"], { cwd: dir, encoding: "utf8" });
  if (inside.error || inside.status === 0) return false;
  return spawnSync("git", ["init", "-q", "-b", "main"], { cwd: dir }).status === 0;
}
