// The machine-readable files of the site, made by the project's publishers (scripts/publish):
// Statuspage v2 JSON, RSS/Atom, the maintenance calendar and SVG badges. The site only places
// them at their paths; it never renders them itself. Each is built once per build.
import { buildBadges } from "../../scripts/publish/badges.ts";
import { buildFeeds } from "../../scripts/publish/feeds.ts";
import { buildMaintenanceCalendar } from "../../scripts/publish/ical.ts";
import { componentFilePaths, PUBLISHED_PATHS } from "../../scripts/publish/site-url.ts";
import { buildPublicHistory, buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import type { BuildContext } from "./build-context.ts";
import { onCallCalendars } from "./oncall.ts";
import { freshness, FRESHNESS_PATH } from "./freshness.ts";

export { PUBLISHED_PATHS };

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
  files.push({ path: PUBLISHED_PATHS.calendar, contentType: "text/calendar", body: buildMaintenanceCalendar(context.repository, options) });
  // Each component's own feeds and calendar, for those who follow only what they use.
  for (const component of context.repository.config.components) {
    const paths = componentFilePaths(component.id);
    const own = buildFeeds(context.repository, { ...options, componentId: component.id });
    files.push({ path: paths.rss, contentType: "application/rss+xml", body: own.rss });
    files.push({ path: paths.atom, contentType: "application/atom+xml", body: own.atom });
    files.push({
      path: paths.calendar,
      contentType: "text/calendar",
      body: buildMaintenanceCalendar(context.repository, { ...options, componentId: component.id }),
    });
  }
  for (const [path, body] of Object.entries(buildBadges(context.repository, options))) {
    files.push({ path: `${PUBLISHED_PATHS.badges}${path}`, contentType: "image/svg+xml", body });
  }
  // What an open page asks once a minute (site/data/freshness.ts).
  const fresh = freshness(context);
  // Its audience too: a fact of the build, so `sitrep notify` can refuse an internal one (decision 0172).
  files.push({
    path: FRESHNESS_PATH,
    contentType: "application/json",
    body: JSON.stringify({ version: fresh.version, built_at: fresh.builtAt, fresh_until: fresh.freshUntil, audience: context.audience }),
  });
  // Every incident and maintenance, uncut: what notify compares between two deploys (decision 0171).
  files.push({
    path: PUBLISHED_PATHS.history,
    contentType: "application/json",
    body: JSON.stringify(buildPublicHistory(context.repository, options)),
  });
  // The internal build: each schedule's and each person's on-call shifts (site/data/oncall.ts).
  files.push(...onCallCalendars(context));
  cache.set(context, files);
  return files;
}
