// What `sitrep upgrade` would do to each generated file, decided from three texts: the file as it
// is, the text sitrep last wrote there (its hash in .sitrep/generated.json) and the text this
// version ships. Pure: the command reads the files and applies the plan.
import { createTwoFilesPatch } from "diff";
import type { GeneratedManifest } from "./generated-manifest.ts";
import { textHash } from "./generated-manifest.ts";

export type UpgradeAction =
  /** Same as this version's text already. */
  | "current"
  /** Not edited since sitrep wrote it: replaced by this version's text. */
  | "refresh"
  /** New in this version (or never written): added. */
  | "add"
  /** Edited by the team: left alone, the difference shown. */
  | "edited"
  /** Deleted by the team after sitrep wrote it: left deleted. */
  | "deleted";

export interface FileUpgrade {
  path: string;
  action: UpgradeAction;
  /** This version's text (written for refresh and add, and with --overwrite). */
  text: string;
  /** For edited files: a unified diff from the team's file to this version's. */
  diff?: string;
}

export function planFileUpgrade(
  file: string,
  current: string | undefined,
  shipped: string,
  manifest: GeneratedManifest | undefined,
): FileUpgrade {
  const recorded = manifest?.files[file];
  if (current === undefined) return { path: file, action: recorded ? "deleted" : "add", text: shipped };
  if (textHash(current) === textHash(shipped)) return { path: file, action: "current", text: shipped };
  if (recorded && textHash(current) === recorded) return { path: file, action: "refresh", text: shipped };
  return {
    path: file,
    action: "edited",
    text: shipped,
    diff: createTwoFilesPatch(
      `${file} (yours)`,
      `${file} (sitrep ${manifest?.sitrep ? "now" : "package"})`,
      current,
      shipped,
      undefined,
      undefined,
      { context: 3 },
    ),
  };
}
