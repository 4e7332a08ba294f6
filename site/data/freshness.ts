// What an open page needs to keep itself current (decision 0121): a version of the published
// data, which changes with anything a page shows (never with the build time alone), and the
// moment this build is due to be replaced. Pages carry both; build.json carries the newest, and
// the page script swaps in a newer page when the versions differ, and calls the page out of
// date only when its build should have been replaced and was not.
import { createHash } from "node:crypto";
import { buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { freshUntil } from "../../scripts/deploy/fresh-until.ts";
import type { BuildContext } from "./build-context.ts";
import { componentViews } from "./views/component-view.ts";
import { derive } from "./views/derive.ts";

export interface Freshness {
  /** 16 hex digits of a SHA-256 over the published data. */
  version: string;
  /** RFC 3339. */
  builtAt: string;
  /** RFC 3339: the next build that changes anything is due by then (scripts/deploy/fresh-until.ts). */
  freshUntil: string;
}

/** Where the newest build's freshness is published, under the site's base path. */
export const FRESHNESS_PATH = "build.json";

const cache = new WeakMap<BuildContext, Freshness>();

export function freshness(context: BuildContext): Freshness {
  const cached = cache.get(context);
  if (cached) return cached;
  const result: Freshness = {
    version: publishedVersion(context),
    builtAt: context.now.toISOString(),
    freshUntil: new Date(freshUntil(context.repository, context.now)).toISOString(),
  };
  cache.set(context, result);
  return result;
}

/**
 * The freshness worked out by the published-files thread from the same records and clock
 * (published-off-thread.ts): the pages carry it without making the Statuspage API a second time.
 * What this thread already worked out stays.
 */
export function rememberFreshness(context: BuildContext, known: Freshness): void {
  if (!cache.has(context)) cache.set(context, known);
}

/**
 * A hash of everything the pages say: the Statuspage API (statuses, incidents and their updates,
 * maintenance; its times are those of the records, not of the build), each component's bars and
 * uptime, and the postmortems out. Two builds of the same records on the same day share it.
 */
function publishedVersion(context: BuildContext): string {
  const { model } = derive(context);
  const api = buildStatuspageApi(context.repository, { audience: context.audience, now: context.now });
  const bars = [...componentViews(context).values()].map((c) => [c.id, c.status, c.uptime, c.recentUptime, c.days]);
  const postmortems = model.postmortems.map((p) => [p.id, p.data, p.body]);
  const bodies = model.incidents.map((i) => [i.id, i.body]);
  return createHash("sha256")
    .update(JSON.stringify([api, bars, postmortems, bodies]))
    .digest("hex")
    .slice(0, 16);
}
