// A Vite plugin for `sitrep dev` when the package's site lies outside the records repository (a
// checkout run on other records, a hoisted or linked install). A component's <script> is served
// under its file's absolute path ("/srv/sitrep/site/src/layouts/Base.astro?astro&type=script…");
// Astro 7.3 reads an absolute path outside its root as one relative to the root, finds no compiled
// component there, and every page answers with an error. The `/@fs` prefix is how Vite names a file
// outside the root, and Astro reads it as such; the script's own relative imports are then resolved
// from the file it is really in.
import path from "node:path";

interface ResolvePlugin {
  name: string;
  enforce: "pre";
  apply: "serve";
  configResolved(config: { root: string }): void;
  resolveId(id: string, importer?: string): string | null;
}

const COMPONENT_SCRIPT = /\.astro\?astro&type=script&/;

/** The plugin for the site in `siteDir`; it changes nothing for ids inside Vite's (Astro's) root. */
export function scriptsOutsideRoot(siteDir: string): ResolvePlugin {
  let root = "";
  const inside = (file: string) => {
    const relative = path.relative(root, file);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  };
  return {
    name: "sitrep:scripts-outside-root",
    enforce: "pre",
    // Only the dev server: a build resolves these scripts itself, and its output is checked byte for byte.
    apply: "serve",
    configResolved(config) {
      root = config.root;
    },
    resolveId(id, importer) {
      // The script's own imports ("../scripts/page.js"), from the file it really is in.
      if (importer?.startsWith(`/@fs${siteDir}${path.sep}`) && COMPONENT_SCRIPT.test(importer) && id.startsWith(".")) {
        return path.resolve(path.dirname(importer.slice("/@fs".length, importer.indexOf("?"))), id);
      }
      if (!COMPONENT_SCRIPT.test(id)) return null;
      const file = id.slice(0, id.indexOf("?"));
      if (!file.startsWith(`${siteDir}${path.sep}`) || inside(file)) return null;
      return `/@fs${id}`;
    },
  };
}
