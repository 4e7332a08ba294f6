// `sitrep upgrade`: after a version bump, refresh the files sitrep generated (workflows, GitHub
// templates, folder READMEs, ignore files) that the team has not edited, add new ones, and show a
// diff for each edited one — never overwriting it unless named with --overwrite.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import { GENERATED_FILES, generatedText } from "../package/generated-files.ts";
import { MANIFEST_FILE, manifestText, readManifest, textHash } from "../package/generated-manifest.ts";
import { packageInfo } from "../package/package-paths.ts";
import { planFileUpgrade, type FileUpgrade } from "../package/plan-upgrade.ts";

export interface UpgradeResult {
  version: string;
  files: FileUpgrade[];
  written: string[];
  check: boolean;
}

export const command: Command<UpgradeResult> = {
  spec: {
    name: "upgrade",
    summary: "Refresh the workflows and templates sitrep generated, showing a diff for those you edited.",
    usage: "sitrep upgrade [--check] [--overwrite <path>]… [--json]",
    description:
      "Compares each generated file with what sitrep last wrote there (.sitrep/generated.json) and with what this\n" +
      "version ships: unedited files are refreshed, new ones added, edited ones left alone with a diff to merge by\n" +
      "hand (or replaced with --overwrite <path>), deleted ones stay deleted. Records and config are never touched;\n" +
      "`sitrep migrate` moves records to a new format. See docs/upgrading.md.",
    options: {
      check: { type: "boolean", description: "Write nothing; exit 1 when a file would change or needs you." },
      overwrite: {
        type: "string",
        multiple: true,
        valueName: "path",
        description: "Replace this edited file with this version's (your edits are in git).",
      },
      json: jsonOption("Print the plan as JSON."),
    },
    examples: ["npx sitrep upgrade", "npx sitrep upgrade --check", "npx sitrep upgrade --overwrite .github/workflows/ci.yml"],
    exitCodes: "0 every generated file is current, 1 an edited file needs you (or --check found work), 2 it could not run.",
  },

  async run({ values, cwd }) {
    const root = findRecordsRoot(cwd);
    const manifest = readManifest(root);
    const { version } = packageInfo();
    const overwrite = new Set((values.overwrite as string[] | undefined) ?? []);
    const files = GENERATED_FILES.map((file) => {
      const target = path.join(root, file.path);
      return planFileUpgrade(file.path, existsSync(target) ? readFileSync(target, "utf8") : undefined, generatedText(file), manifest);
    });
    const unknown = [...overwrite].find((p) => !files.some((f) => f.path === p && f.action === "edited"));
    if (unknown)
      throw new UsageError(
        `--overwrite \`${unknown}\` is not a generated file you edited.`,
        `Edited files: ${
          files
            .filter((f) => f.action === "edited")
            .map((f) => f.path)
            .join(", ") || "none"
        }.`,
      );
    const check = values.check === true;
    const writes = files.filter((f) => f.action === "refresh" || f.action === "add" || overwrite.has(f.path));
    if (!check) {
      const hashes = { ...manifest?.files };
      for (const f of files)
        if ((f.action !== "edited" && f.action !== "deleted") || overwrite.has(f.path)) hashes[f.path] = textHash(f.text);
      writeChanges(root, [
        ...writes.map((f) => ({ path: f.path, text: f.text })),
        { path: MANIFEST_FILE, text: manifestText({ sitrep: version, files: hashes }) },
      ]);
    }
    return {
      version,
      files: files.map((f) => (overwrite.has(f.path) ? { ...f, action: "refresh" as const, diff: undefined } : f)),
      written: check ? [] : writes.map((f) => f.path),
      check,
    };
  },

  present(result, { values }) {
    const edited = result.files.filter((f) => f.action === "edited");
    const pending = result.check && result.files.some((f) => f.action === "refresh" || f.action === "add");
    const exitCode = edited.length > 0 || pending ? 1 : 0;
    if (values.json) return { stdout: JSON.stringify(result, null, 2), exitCode };
    const by = (action: string) => result.files.filter((f) => f.action === action).map((f) => f.path);
    const lines = [`sitrep ${result.version}: generated files`];
    const verb = result.check ? "would refresh" : "refreshed";
    for (const [label, paths] of [
      [verb, by("refresh")],
      [result.check ? "would add" : "added", by("add")],
      ["current", by("current")],
      ["deleted by you, left deleted", by("deleted")],
    ] as const) {
      if (paths.length > 0) lines.push(`  ${label}: ${paths.join(", ")}`);
    }
    for (const f of edited)
      lines.push(
        "",
        `✎ ${f.path} is edited, left as it is. This version's changes, to merge by hand`,
        `  (or \`npx sitrep upgrade --overwrite ${f.path}\`):`,
        f.diff!.trimEnd(),
      );
    if (exitCode === 0 && !result.check)
      lines.push("", result.written.length > 0 ? "Review with `git diff`, then commit." : "Nothing to do.");
    return { stdout: lines.join("\n"), exitCode };
  },
};
