// The floor for `sitrep validate`: read every record file and parse its front matter with the
// fast YAML parser, nothing else. Run as its own process so it is timed like the CLI.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load, CORE_SCHEMA } from "js-yaml";

const root = process.argv[2];
let count = 0;
for (const folder of ["incidents", "postmortems", "runbooks"]) {
  if (!existsSync(path.join(root, folder))) continue;
  for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    const end = text.indexOf("\n---", 3);
    load(text.slice(4, end), { schema: CORE_SCHEMA });
    count++;
  }
}
console.log(count);
