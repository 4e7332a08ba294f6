// The Astro options for building, serving or previewing a records repository's site with the
// site that ships in the package. The records repository is Astro's root (Astro's own generated
// files, `.astro/`, and Vite's cache land there, never in node_modules/sitrep); the pages, the
// public assets and the config are the package's (docs/decisions/0150).
import path from "node:path";
import { siteDir } from "./package-paths.ts";

export interface SiteLocations {
  /** The records repository (holds sitrep.config.yaml). */
  root: string;
  /** Where the built site goes. */
  outDir: string;
}

/** Inline config for astro's build(), dev() and preview(); the package's astro.config.ts does the rest. */
export function astroInlineConfig(locations: SiteLocations, logLevel: "info" | "warn" | "error") {
  return {
    root: locations.root,
    // Relative to root, as Astro resolves it; the package may sit anywhere (hoisted, linked).
    configFile: path.relative(locations.root, path.join(siteDir, "astro.config.ts")),
    srcDir: path.join(siteDir, "src"),
    publicDir: path.join(siteDir, "public"),
    outDir: locations.outDir,
    cacheDir: path.join(locations.root, "node_modules", ".cache", "sitrep-astro"),
    logLevel,
  };
}

/**
 * What the package's astro.config.ts reads from the environment (site/data/build-context.ts):
 * the records root and the output folder. Set by the CLI process before Astro loads the config.
 */
export function siteEnvironment(locations: SiteLocations): Record<string, string> {
  // No telemetry, and no "new version of Astro" notice: a team upgrades sitrep, which pins Astro.
  return {
    SITREP_ROOT: locations.root,
    SITREP_OUT_DIR: locations.outDir,
    ASTRO_TELEMETRY_DISABLED: "1",
    ASTRO_DISABLE_UPDATE_CHECK: "true",
  };
}
