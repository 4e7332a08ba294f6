// Runs Astro on a records repository with the package's site: the one way `sitrep build`,
// `sitrep dev` and `sitrep preview` start it. Astro's own errors (a page that fails to render)
// become one SitrepError; the validator's diagnostics are printed by the config before that.
import path from "node:path";
import { SitrepError } from "../errors.ts";
import { astroInlineConfig, siteEnvironment, type SiteLocations } from "./astro-options.ts";

export type AstroMode = "build" | "dev" | "preview";

export interface AstroServer {
  address: string;
  stop(): Promise<void>;
}

export function siteLocations(root: string, out: string | undefined, cwd: string): SiteLocations {
  return { root, outDir: out ? path.resolve(cwd, out) : path.join(root, "dist") };
}

/** Builds the site into locations.outDir. */
export async function buildWithAstro(locations: SiteLocations, logLevel: "info" | "warn"): Promise<void> {
  Object.assign(process.env, siteEnvironment(locations));
  const astro = await import("astro");
  try {
    await astro.build(astroInlineConfig(locations, logLevel));
  } catch (error) {
    throw astroFailure("build", error);
  }
}

/** Starts the dev server (rebuilds pages as records change) or the preview of a built site. */
export async function serveWithAstro(
  mode: "dev" | "preview",
  locations: SiteLocations,
  options: { port?: number; host?: string; extra?: Record<string, unknown> },
): Promise<AstroServer> {
  Object.assign(process.env, siteEnvironment(locations), { SITREP_ASTRO_COMMAND: mode });
  const astro = await import("astro");
  const config = {
    ...astroInlineConfig(locations, "info"),
    server: { port: options.port ?? 4321, host: options.host ?? "localhost" },
    ...options.extra,
  };
  try {
    const server = mode === "dev" ? await astro.dev(config) : await astro.preview(config);
    const address =
      "address" in server && server.address
        ? `http://${options.host ?? "localhost"}:${server.address.port}`
        : `http://${options.host ?? "localhost"}:${options.port ?? 4321}`;
    return { address, stop: () => server.stop() };
  } catch (error) {
    throw astroFailure(mode, error);
  }
}

function astroFailure(mode: AstroMode, error: unknown): Error {
  if (error instanceof SitrepError) return error;
  const message = (error as Error)?.message ?? String(error);
  return new SitrepError(`The site ${mode === "build" ? "build" : `${mode} server`} failed: ${message}`, {
    hint: "Astro's report is above. Check the records with `npx sitrep validate`; if they are clean, this is a bug in sitrep: report it with `SITREP_DEBUG=1`.",
    exitCode: 2,
  });
}
