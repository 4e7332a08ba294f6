// Reads a cState site folder: config.yml (or config.yaml) for the systems, and every Markdown file
// in content/issues/ (the incidents). I/O; the conversion is cstate-convert.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import type { ImportSourceData } from "./imported.ts";
import { convertCstate, cstateSystems, type CstateFile } from "./cstate-convert.ts";

export function readCstateSite(folder: string, origin: string): ImportSourceData {
  const issues = path.join(folder, "content", "issues");
  if (!existsSync(issues) || !statSync(issues).isDirectory()) {
    throw new SitrepError(`${path.join(origin, "content/issues")} is not a folder.`, {
      hint: "Pass the root folder of the cState site: the one with config.yml and content/issues/.",
      exitCode: 2,
    });
  }
  const configName = ["config.yml", "config.yaml", "hugo.yml", "hugo.yaml"].find((name) => existsSync(path.join(folder, name)));
  const systems = configName ? cstateSystems(readFileSync(path.join(folder, configName), "utf8"), configName) : [];
  const files: CstateFile[] = readdirSync(issues, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md") && entry.name !== "_index.md")
    .map((entry) => ({ name: entry.name, text: readFileSync(path.join(issues, entry.name), "utf8") }));
  const data = convertCstate(files, systems, origin);
  if (!configName) data.notes.push("No config.yml: systems were taken from the issues' `affected` lists, without categories.");
  return data;
}
