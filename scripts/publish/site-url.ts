// Absolute links into the published site. config.site.url may carry a path (GitHub Pages
// project sites: https://owner.github.io/status/), so links are joined, never concatenated
// from "/": `new URL("/incidents/x/", base)` would drop the /status/ prefix.
import type { Config } from "../records/record-types.ts";
import { toMillis } from "../core/time.ts";

/** The site URL with exactly one trailing slash. */
export function siteBase(config: Config): string {
  return `${config.site.url.replace(/\/+$/, "")}/`;
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

/**
 * The fragment of one update on its incident page: the update's time, compact, plus a counter
 * when two updates share a time ("update-20261122T003000Z", "update-20261122T003000Z-2").
 * Feeds link here; the site gives each update this id.
 */
export function updateAnchors(updates: readonly { at: string }[]): readonly string[] {
  // Once per record's update list: its page, its summaries and every feed listing it ask again.
  let anchors = anchorCache.get(updates);
  if (anchors === undefined) anchorCache.set(updates, (anchors = anchorsOf(updates)));
  return anchors;
}

const anchorCache = new WeakMap<readonly { at: string }[], readonly string[]>();

function anchorsOf(updates: readonly { at: string }[]): string[] {
  const seen = new Map<string, number>();
  return updates.map((update) => {
    const ms = toMillis(update.at);
    const stamp =
      ms === undefined
        ? "unknown"
        : new Date(ms)
            .toISOString()
            .replace(/[-:]/g, "")
            .replace(/\.\d{3}/, "");
    const count = (seen.get(stamp) ?? 0) + 1;
    seen.set(stamp, count);
    return count === 1 ? `update-${stamp}` : `update-${stamp}-${count}`;
  });
}

/** Where the publishers' files live in the site (paths from the site root, no leading slash). */
export const PUBLISHED_PATHS = {
  rss: "history.rss",
  atom: "history.atom",
  /** Every public incident and maintenance (the API lists only the 50 newest): what notify compares. */
  history: "history.json",
  calendar: "maintenance.ics",
  api: "api/v2/",
  badges: "badges/",
} as const;

/** One component's own feeds and calendar, beside its page: components/<id>/history.rss etc. */
export function componentFilePaths(id: string): { rss: string; atom: string; calendar: string } {
  const dir = componentPath(id);
  return { rss: `${dir}${PUBLISHED_PATHS.rss}`, atom: `${dir}${PUBLISHED_PATHS.atom}`, calendar: `${dir}${PUBLISHED_PATHS.calendar}` };
}
