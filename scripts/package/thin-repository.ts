// The files of a new records repository: records folders with their READMEs, the team's config,
// README and package.json, the generated workflows and templates, and the manifest that lets
// `sitrep upgrade` refresh them later. Pure apart from reading the package's own files.
import type { FileChange } from "../authoring/writes/file-change.ts";
import { initConfigText } from "../authoring/init/config-text.ts";
import { initReadmeText } from "../authoring/init/readme-text.ts";
import type { InitAnswers } from "../authoring/init/site-answers.ts";
import { withFormat } from "../migrate/format-steps.ts";
import { RECORD_FORMAT } from "../records/record-format.ts";
import { GENERATED_FILES, generatedText } from "./generated-files.ts";
import { MANIFEST_FILE, manifestText, textHash } from "./generated-manifest.ts";
import { packageRoot } from "./package-paths.ts";

export interface ThinRepositoryInput {
  answers: InitAnswers & { description?: string };
  /** npm package name for the repository's package.json (from the folder name). */
  name: string;
  /** The sitrep version writing it: package.json depends on `^version`. */
  version: string;
  /** Node major the repository pins (as this package's devDependency does). */
  nodeRange: string;
}

export function thinRepositoryFiles(input: ThinRepositoryInput, root = packageRoot): FileChange[] {
  const { answers } = input;
  const read = (source: string) => generatedText({ path: source, source }, root);
  const config = withFormat(initConfigText(read("sitrep.config.yaml"), { ...answers, keepComponents: false }), RECORD_FORMAT);
  const readme = initReadmeText(read("template/README.md"), answers) ?? read("template/README.md");
  const generated = GENERATED_FILES.map((file) => ({ path: file.path, text: generatedText(file, root) }));
  const manifest = { sitrep: input.version, files: Object.fromEntries(generated.map((f) => [f.path, textHash(f.text)])) };
  return [
    { path: "sitrep.config.yaml", text: config },
    { path: "README.md", text: readme },
    { path: "package.json", text: recordsPackageJson(input) },
    ...generated,
    { path: MANIFEST_FILE, text: manifestText(manifest) },
  ];
}

/** The records repository's package.json: sitrep at a caret range, Node 24 for npx, the usual scripts. */
export function recordsPackageJson(input: Pick<ThinRepositoryInput, "name" | "version" | "nodeRange" | "answers">): string {
  const pkg = {
    name: input.name,
    private: true,
    description: `Incident records and status page of ${input.answers.title.replace(/\n/g, " ")}`,
    type: "module",
    scripts: {
      // Registers sitrep's merge driver for record files (.gitattributes) in this clone, on every
      // `npm install`: two responders' updates to one incident then merge without conflict.
      prepare: `git config merge.sitrep.driver "${MERGE_DRIVER}" || true`,
      build: "sitrep build",
      dev: "sitrep dev",
      validate: "sitrep validate",
      sitrep: "sitrep",
    },
    dependencies: { sitrep: `^${input.version}` },
    // Brings Node 24 to `npx sitrep` and npm scripts where the system Node is older; CI gets it from setup-node.
    devDependencies: { node: input.nodeRange },
    engines: { node: ">=24" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The merge driver's command line (git substitutes %O %A %B %P). */
export const MERGE_DRIVER = "npx --no-install sitrep merge-file %O %A %B %P";

/** An npm package name from a folder name: `Acme Status` → `acme-status`. */
export function packageNameFor(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "");
  return name || "status-records";
}
