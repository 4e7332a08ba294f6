// Absolute links into the published site. config.site.url may carry a path (GitHub Pages
// project sites: https://owner.github.io/status/), so links are joined, never concatenated
// from "/": `new URL("/incidents/x/", base)` would drop the /status/ prefix.
import type { Config } from "../records/model.ts";

/** The site URL with exactly one trailing slash. */
export function siteBase(config: Config): string {
  return config.site.url.replace(/\/+$/, "") + "/";
}

/** An absolute URL for a path inside the site ("incidents/x/" or "/incidents/x/"). */
export function siteUrl(config: Config, path = ""): string {
  return siteBase(config) + path.replace(/^\/+/, "");
}

export const incidentPath = (id: string): string => `incidents/${encodeURIComponent(id)}/`;
export const postmortemPath = (id: string): string => `postmortems/${encodeURIComponent(id)}/`;
export const componentPath = (id: string): string => `components/${encodeURIComponent(id)}/`;

export const incidentUrl = (config: Config, id: string): string => siteUrl(config, incidentPath(id));
export const postmortemUrl = (config: Config, id: string): string => siteUrl(config, postmortemPath(id));
export const componentUrl = (config: Config, id: string): string => siteUrl(config, componentPath(id));
