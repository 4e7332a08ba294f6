// `sitrep build`: the status site from this repository's records into dist/ — validate, render
// every page with the package's Astro site, index them for search. What `npm run build` runs, in
// the engine's repository and in a records repository alike.
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { findRecordsRoot } from "../records/root.ts";
import { buildWithAstro, siteLocations } from "../package/site-run.ts";
import { writeSearchIndex } from "../package/search-index.ts";

export interface BuildResult {
  outDir: string;
  pages: number;
  searchable: number;
}

export const command: Command<BuildResult> = {
  spec: {
    name: "build",
    summary: "Build the status site from the records into dist/.",
    usage: "sitrep build [--out-dir <dir>] [--quiet]",
    description:
      "Validates every record (and stops with file:line:column diagnostics if one is wrong), renders the\n" +
      "status page, incident archive, postmortems, feeds, iCalendar, badges and the Statuspage-v2 JSON API\n" +
      "into dist/, then writes the search index. The build time is now (SITREP_NOW overrides it);\n" +
      "SITREP_AUDIENCE=internal builds the internal site; SITREP_SITE_URL overrides config site.url.",
    options: {
      "out-dir": {
        type: "string",
        valueName: "dir",
        description: "Output folder (default $SITREP_OUT_DIR, else dist/ in the records repository).",
      },
      quiet: { type: "boolean", short: "q", description: "Print warnings and the summary only." },
    },
    examples: ["npx sitrep build", "SITREP_AUDIENCE=internal npx sitrep build --out-dir dist-internal"],
    exitCodes: "0 built, 1 the records have problems, 2 the build failed.",
  },

  async run({ values, cwd, env }) {
    const root = findRecordsRoot(cwd);
    const locations = siteLocations(root, typeof values["out-dir"] === "string" ? values["out-dir"] : env.SITREP_OUT_DIR || undefined, cwd);
    await buildWithAstro(locations, values.quiet ? "warn" : "info");
    const { pages: searchable } = await writeSearchIndex(locations.outDir);
    return { outDir: locations.outDir, pages: countPages(locations.outDir), searchable };
  },

  present(result, { cwd }) {
    const where = path.relative(cwd, result.outDir) || ".";
    return { stdout: `✔ Built ${result.pages} pages into ${where}/ (${result.searchable} searchable).`, exitCode: 0 };
  },
};

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith(".html")).length;
}
