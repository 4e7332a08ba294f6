// How a records repository changes the site beyond its config, without forking it (as Starlight
// does): replace a named part of every page (config site.overrides: Header, Footer) and add pages
// of its own (.astro files under pages/ in the repository, each at its own address). Both are
// read from the repository at every build, so they survive an upgrade of sitrep.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { BuildContext } from "./build-context.ts";

export const OVERRIDABLE = ["Header", "Footer"] as const;
/** The folder of a records repository whose .astro files become pages. */
export const TEAM_PAGES_DIR = "pages";

/** Vite aliases `sitrep:components/<Name>` → the repository's override, or sitrep's component. */
export function overrideAliases(context: BuildContext, defaultsDir: string): { find: string; replacement: string }[] {
  const overrides = (context.repository.config.site.overrides ?? {}) as Partial<Record<(typeof OVERRIDABLE)[number], string>>;
  return OVERRIDABLE.map((name) => ({
    find: `sitrep:components/${name}`,
    replacement: overrides[name] ? path.resolve(context.repository.root, overrides[name]) : path.join(defaultsDir, `${name}.astro`),
  }));
}

/** The repository's own pages: pages/about.astro → /about/, pages/legal/imprint.astro → /legal/imprint/. */
export function teamPages(root: string): { pattern: string; entrypoint: string }[] {
  const dir = path.join(root, TEAM_PAGES_DIR);
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".astro"))
    .sort()
    .map((file) => {
      const route = file
        .slice(0, -".astro".length)
        .split(path.sep)
        .join("/")
        .replace(/(^|\/)index$/, "");
      return { pattern: `/${route}`, entrypoint: path.join(dir, file) };
    });
}

/** An Astro integration that adds the repository's pages to the build. */
export function teamPagesIntegration(context: BuildContext) {
  return {
    name: "sitrep:team-pages",
    hooks: {
      "astro:config:setup": ({
        injectRoute,
      }: {
        injectRoute: (route: { pattern: string; entrypoint: string; prerender?: boolean }) => void;
      }) => {
        for (const page of teamPages(context.repository.root)) injectRoute({ ...page, prerender: true });
      },
    },
  };
}
