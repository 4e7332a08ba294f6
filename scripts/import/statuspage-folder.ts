// A folder holding a Statuspage export as the public API answers it: incidents.json
// (`{"incidents": [...]}`, maintenances may be in it too), components.json, and optionally
// scheduled-maintenances.json. Also a Manage API export (bare lists). I/O: reads the folder.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import { listOf, parseJson } from "./read-json.ts";

export interface StatuspageDocuments {
  incidents: unknown[];
  components: unknown[];
  groups: unknown[];
}

export function readStatuspageFolder(folder: string): StatuspageDocuments {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new SitrepError(`${folder} is not a folder.`, {
      hint: "Pass the folder that holds incidents.json and components.json, or the URL of the status page.",
      exitCode: 2,
    });
  }
  const read = (name: string, key: string, required: boolean): unknown[] => {
    const file = path.join(folder, name);
    if (!existsSync(file)) {
      if (!required) return [];
      throw new SitrepError(`${file} is missing.`, {
        hint: `A Statuspage export folder holds ${name} as /api/v2/${name} answers it (\`{"${key}": [...]}\`).`,
        exitCode: 2,
      });
    }
    return listOf(parseJson(readFileSync(file, "utf8"), name), key, name);
  };
  const incidents = read("incidents.json", "incidents", true);
  const maintenances = read("scheduled-maintenances.json", "scheduled_maintenances", false);
  return {
    incidents: [...incidents, ...maintenances],
    components: read("components.json", "components", false),
    groups: read("component-groups.json", "component_groups", false),
  };
}
