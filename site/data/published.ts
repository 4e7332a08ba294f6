// The machine-readable files of the site, made by the project's publishers (scripts/publish):
// Statuspage v2 JSON, RSS/Atom, the maintenance calendar and SVG badges. The site only places
// them at their paths; it never renders them itself. Each is built once per build.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { buildFeeds } from "../../scripts/publish/feeds.ts";
import { PUBLISHED_PATHS } from "../../scripts/publish/site-url.ts";
import type { Repository } from "../../scripts/records/model.ts";
import type { Audience } from "../../scripts/status/audience.ts";
import type { BuildContext } from "./build-context.ts";

export { PUBLISHED_PATHS };

type Publisher<T> = (repository: Repository, options: { audience: Audience; now: Date }) => T;

/** A publisher module that may not exist in this version of sitrep yet. */
async function optional<T>(file: string, name: string): Promise<Publisher<T> | undefined> {
  const url = new URL(file, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const module = (await import(/* @vite-ignore */ url.href)) as Record<string, unknown>;
  return typeof module[name] === "function" ? (module[name] as Publisher<T>) : undefined;
}

const buildMaintenanceCalendar = await optional<string>("../../scripts/publish/ical.ts", "buildMaintenanceCalendar");
const buildBadges = await optional<Record<string, string>>("../../scripts/publish/badges.ts", "buildBadges");

export interface PublishedFile {
  /** Path from the site root, no leading slash. */
  path: string;
  contentType: string;
  body: string;
}

const cache = new WeakMap<BuildContext, PublishedFile[]>();

/** Every published file of this build (public or internal audience). */
export function publishedFiles(context: BuildContext): PublishedFile[] {
  const cached = cache.get(context);
  if (cached) return cached;
  const options = { audience: context.audience, now: context.now };
  const files: PublishedFile[] = [];
  const api = buildStatuspageApi(context.repository, options);
  for (const [path, body] of Object.entries(api)) {
    files.push({ path: `${PUBLISHED_PATHS.api}${path}`, contentType: "application/json", body: JSON.stringify(body) });
  }
  const feeds = buildFeeds(context.repository, options);
  files.push({ path: PUBLISHED_PATHS.rss, contentType: "application/rss+xml", body: feeds.rss });
  files.push({ path: PUBLISHED_PATHS.atom, contentType: "application/atom+xml", body: feeds.atom });
  if (buildMaintenanceCalendar) {
    files.push({ path: PUBLISHED_PATHS.calendar, contentType: "text/calendar", body: buildMaintenanceCalendar(context.repository, options) });
  }
  if (buildBadges) {
    for (const [path, body] of Object.entries(buildBadges(context.repository, options))) {
      files.push({ path: `${PUBLISHED_PATHS.badges}${path}`, contentType: "image/svg+xml", body });
    }
  }
  cache.set(context, files);
  return files;
}

/** Whether this build publishes a file (the layout links only to what exists). */
export function publishes(context: BuildContext, path: string): boolean {
  return publishedFiles(context).some((f) => f.path === path);
}
