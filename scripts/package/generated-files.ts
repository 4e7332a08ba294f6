// The files sitrep generates in a records repository and may refresh on upgrade: workflows,
// GitHub templates, the record folders' READMEs and templates, ignore files. Each is copied from
// a file that ships in the package (package.json "files"), most of them the very files this
// repository — the engine's home and the example organisation — runs itself, so what a team gets
// is what the engine's own CI exercises. The team's README, config and package.json are written
// once by init and are the team's from then on: never in this list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "./package-paths.ts";

export interface GeneratedFile {
  /** Where it goes in the records repository. */
  path: string;
  /** Where it comes from in the package. */
  source: string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: ".github/workflows/ci.yml", source: "template/ci.yml" },
  ...["deploy.yml", "fast-lane.yml", "action-items.yml", "review.yml"].map((file) => ({
    path: `.github/workflows/${file}`,
    source: `.github/workflows/${file}`,
  })),
  { path: ".github/ISSUE_TEMPLATE/action-item.yml", source: ".github/ISSUE_TEMPLATE/action-item.yml" },
  { path: ".github/pull_request_template.md", source: ".github/pull_request_template.md" },
  { path: ".github/CODEOWNERS", source: ".github/CODEOWNERS" },
  { path: ".github/dependabot.yml", source: ".github/dependabot.yml" },
  ...["incidents", "postmortems", "runbooks"].flatMap((folder) =>
    ["README.md", "_template.md"].map((file) => ({ path: `${folder}/${file}`, source: `${folder}/${file}` })),
  ),
  // On-call schedules: the folder's README holds a full example schedule to start from.
  { path: "oncall/README.md", source: "oncall/README.md" },
  // npm leaves files named .gitignore and .npmrc out of a package: they ship under other names.
  { path: ".gitignore", source: "template/gitignore" },
  { path: ".npmrc", source: "template/npmrc" },
  { path: ".gitattributes", source: "template/gitattributes" },
];

/** A generated file's text as this version of the package ships it. */
export function generatedText(file: GeneratedFile, root = packageRoot): string {
  const text = readFileSync(path.join(root, file.source), "utf8");
  return file.path.endsWith("README.md") ? linksIntoPackage(text) : text;
}

/**
 * The record folders' READMEs link the schemas and guides beside them in this repository
 * (`../schema/…`, `../docs/…`); in a records repository those ship inside the package, so the
 * links point there (they resolve once `npm install` has run).
 */
export function linksIntoPackage(markdown: string): string {
  return markdown.replace(/\]\(\.\.\/(schema|docs)\//g, "](../node_modules/sitrep/$1/");
}
