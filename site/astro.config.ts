// Astro config for the sitrep status site. Records are loaded and validated here, before Vite
// starts, so an invalid record stops the build with the validator's diagnostics (file:line:col)
// and the pages reuse the loaded repository (site/data/build-context.ts caches it per process).
// A large build then makes its published files on a second thread (site/data/published-off-thread.ts).
// Types only: `astro/config`'s defineConfig returns its argument, and importing that entry point
// also loads svgo and csso (260 modules, 0.2-0.3 s of every build and dev start) for an SVG
// optimiser the site never enables (decision 0201).
import type { AstroUserConfig } from "astro";
import { enableCompileCache } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type * as Data from "./data/index.ts";

const dataModule = new URL("./data/index.ts", import.meta.url).href;
const siteDir = path.dirname(fileURLToPath(import.meta.url));
// Astro loads this file through Vite's module runner, which would transform and load a second
// copy of the data layer; a Function-made import() is Node's own, so the config and the pages
// share one module instance (and its caches) from Node's module cache.
// Like scripts/cli.ts: reuse compiled (type-stripped) modules between builds.
enableCompileCache?.();
const nativeImport = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;
const data = (await nativeImport(dataModule)) as typeof Data;

// Tests and the benchmark build into temp folders (<work>/dist); the Vite cache goes beside the
// output, so parallel builds never share one and it is removed with the folder.
const outDir = process.env.SITREP_OUT_DIR ? path.resolve(process.env.SITREP_OUT_DIR) : path.resolve(siteDir, "../dist");
const cacheDir = process.env.SITREP_OUT_DIR ? path.join(path.dirname(outDir), ".astro-cache") : undefined;

let context: Data.BuildContext;
try {
  // Only a build writes pages to run from the output folder; `sitrep dev` renders on request.
  if (process.env.SITREP_ASTRO_COMMAND !== "dev") data.checkOutDir(outDir);
  context = data.buildContext();
  // A large build makes its published files (API, feeds, calendars, badges) on a second thread from
  // the records just loaded, while Astro empties the output and Vite bundles, so they are ready when
  // the `[...file]` route asks (decisions 0196, 0199). `sitrep dev` and `sitrep preview` start none:
  // dev makes them when asked.
  if (!process.env.SITREP_ASTRO_COMMAND) data.startPublishing(context);
} catch (error) {
  // Say what is wrong in the validator's words, without a stack trace (like `sitrep validate`).
  const failure = data.buildFailure(error);
  process.stderr.write(failure.text);
  process.exit(failure.exitCode);
}

export default {
  integrations: [data.teamPagesIntegration(context)],
  site: context.siteUrl,
  base: context.base,
  outDir,
  ...(cacheDir ? { cacheDir } : {}),
  trailingSlash: "ignore",
  // Four pages at a time: each page's mkdir, open, write and close wait on the thread pool, and
  // one page at a time left the main thread idle for them (~10 s of 45 at 10,000 incidents on a
  // busy machine; on a quiet one the waits are short and it makes no difference either way).
  // Output is the same bytes; only the order pages are written in changes.
  build: { format: "directory", inlineStylesheets: "never", concurrency: 4 },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    // Scripts are files, never inlined however small (decision 0183): the Content-Security-Policy
    // allows scripts from the site only, and one file serves every page from the browser's cache.
    build: { assetsInlineLimit: (file: string) => (file.endsWith(".js") ? false : undefined) },
    define: { __SITREP_DATA_MODULE__: JSON.stringify(dataModule) },
    // The pages' scripts (src/scripts/) import no package, so `sitrep dev` has no dependency for
    // Vite to discover and pre-bundle: its scan of every page on start-up cost ~1 s of the first
    // page and ~1.3 s of CPU (decision 0200). Dependencies Astro names itself are still optimised.
    optimizeDeps: { noDiscovery: true },
    // `sitrep dev` with the package's site outside the records repository (site/data/scripts-outside-root.ts).
    plugins: [data.scriptsOutsideRoot(siteDir)],
    // The named parts a records repository may replace (config site.overrides): its component, or sitrep's.
    resolve: { alias: data.overrideAliases(context, path.join(siteDir, "src/components")) },
  },
} satisfies AstroUserConfig;
