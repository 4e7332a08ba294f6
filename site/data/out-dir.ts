// Where the site may be built. Astro renders the pages from chunks it writes into the output
// folder, and those chunks import sitrep's packages by name: from a folder outside the project
// (SITREP_OUT_DIR=/tmp/site) Node cannot find them, and the build died with "Cannot find package
// '@oslojs/encoding'" (issue 13 item 7). Say so before building, with what to do instead.
import { createRequire } from "node:module";
import path from "node:path";
import { SitrepError } from "../../scripts/errors.ts";

export function checkOutDir(outDir: string): void {
  try {
    createRequire(path.join(outDir, "resolve-from-here.js")).resolve("astro");
  } catch {
    throw new SitrepError(
      `SITREP_OUT_DIR \`${outDir}\` is outside the project: the build runs pages from there and cannot find sitrep's packages (node_modules).`,
      {
        hint: "Build inside the project (leave SITREP_OUT_DIR unset for dist/, or use a folder in the project such as `SITREP_OUT_DIR=build/preview`), then copy or move the folder where you need it.",
        exitCode: 2,
      },
    );
  }
}
