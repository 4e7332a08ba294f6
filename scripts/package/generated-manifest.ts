// .sitrep/generated.json: what sitrep generated in a records repository, as a hash per file of
// the text it wrote. `sitrep upgrade` compares a file with its hash to tell a file the team has
// not touched (safe to refresh) from one it edited (shown as a diff, never overwritten).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";

export const MANIFEST_FILE = ".sitrep/generated.json";

export interface GeneratedManifest {
  /** The sitrep version that last wrote the generated files. */
  sitrep: string;
  /** Path → sha256 of the text sitrep wrote there. */
  files: Record<string, string>;
}

export function textHash(text: string): string {
  return `sha256-${createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex")}`;
}

export function manifestText(manifest: GeneratedManifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ sitrep: manifest.sitrep, files }, null, 2)}\n`;
}

/** The manifest, or undefined when the repository has none (made before it existed, or from the template). */
export function readManifest(root: string): GeneratedManifest | undefined {
  const file = path.join(root, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as GeneratedManifest;
    if (typeof data?.sitrep !== "string" || typeof data.files !== "object" || data.files === null) throw new Error("not a manifest");
    return data;
  } catch (error) {
    throw new SitrepError(`${MANIFEST_FILE} cannot be read (${(error as Error).message}).`, {
      hint: `Restore it from git (\`git checkout -- ${MANIFEST_FILE}\`); it records which generated files you have not edited.`,
      exitCode: 2,
    });
  }
}
