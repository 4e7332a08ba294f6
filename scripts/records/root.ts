// Finds the records root: the current directory, or the nearest parent holding sitrep.config.yaml.
import { existsSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";

export const CONFIG_FILE = "sitrep.config.yaml";

export function findRecordsRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new SitrepError(`No ${CONFIG_FILE} in ${path.resolve(cwd)} or any parent folder.`, {
        hint: "Run sitrep inside a records repository, or create one with `npx sitrep init`.",
      });
    }
    dir = parent;
  }
}
