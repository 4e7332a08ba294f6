// The one data path of the site: everything a page shows comes from the records as read and
// validated by scripts/validate (the same code the CLI runs), never from a second parser.
//
// This file runs in plain Node 24 (type stripping), not inside Vite's bundle: the validator
// finds schema/ relative to its own file, which only holds where the file really lives.
// src/lib/sitrep.ts imports it at run time by its file URL (see docs/decisions/0030).
import path from "node:path";
import { SitrepError } from "../../scripts/errors.ts";
import type { Repository } from "../../scripts/records/record-types.ts";
import { findRecordsRoot } from "../../scripts/records/root.ts";
import { siteUrlProblem } from "../../scripts/records/config-site.ts";
import { startHistory } from "../../scripts/history/read-history.ts";
import type { History } from "../../scripts/history/revision.ts";
import { parseAudience, type Audience } from "../../scripts/status/audience.ts";
import { loadRepositoryAndSchedules } from "../../scripts/validate/load-repository.ts";
import type { Schedule } from "../../scripts/oncall/schedule.ts";
import { nowFrom } from "../../scripts/core/time.ts";

export interface BuildContext {
  repository: Repository;
  /** On-call schedules (oncall/*.yaml): the internal build shows who was on call and publishes their calendars. */
  schedules: Schedule[];
  /** The build time: every clock-dependent status (active maintenance, bars, uptime) is computed at it. */
  now: Date;
  audience: Audience;
  /** The site's absolute URL without a trailing slash, e.g. https://lumen.github.io/status */
  siteUrl: string;
  /** The path the site is served under, with both slashes: "/" or "/status/". */
  base: string;
  timeZone: string;
}

/** What the build reads from its environment (all optional; tests and the benchmark set them). */
export interface BuildEnvironment {
  /** Records root; default the nearest folder holding sitrep.config.yaml from the working directory. */
  SITREP_ROOT?: string;
  /** Fixed build time (RFC 3339), for reproducible builds and tests. */
  SITREP_NOW?: string;
  /** "internal" for the internal build; anything else is the public build (fail closed). */
  SITREP_AUDIENCE?: string;
  /** Overrides config `site.url` (e.g. a preview deploy, or tests serving under /status/). */
  SITREP_SITE_URL?: string;
  /** `always` or `never` makes the published files on a second thread whatever the build's size (published-off-thread.ts). */
  SITREP_PUBLISH_THREAD?: string;
}

const CACHE = Symbol.for("sitrep.site.build-context");
type Cached = { key: string; context: BuildContext };

/**
 * Loads and validates the records once per build process. Astro's config and every page share
 * the result through a global, so 5,000 pages never reread 5,000 files.
 */
export function buildContext(env: BuildEnvironment = process.env): BuildContext {
  const key = JSON.stringify([env.SITREP_ROOT, env.SITREP_NOW, env.SITREP_AUDIENCE, env.SITREP_SITE_URL, process.cwd()]);
  const holder = globalThis as { [CACHE]?: Cached };
  const cached = holder[CACHE];
  if (cached && cached.key === key) return cached.context;
  const context = createBuildContext(env);
  holder[CACHE] = { key, context };
  return context;
}

export function createBuildContext(env: BuildEnvironment): BuildContext {
  const root = env.SITREP_ROOT ? path.resolve(env.SITREP_ROOT) : findRecordsRoot(process.cwd());
  const now = nowFrom(env);
  // Throws InvalidRecordsError with every diagnostic (file:line:col) when a record is invalid.
  const { repository, schedules } = loadRepositoryAndSchedules(root, { now });
  const { siteUrl, base } = siteLocation(env.SITREP_SITE_URL || repository.config.site.url);
  // The publishers build absolute links from config.site.url; keep them on the URL this build serves.
  if (env.SITREP_SITE_URL) repository.config.site.url = siteUrl;
  return {
    repository,
    schedules,
    now,
    audience: parseAudience(env.SITREP_AUDIENCE),
    siteUrl,
    base,
    timeZone: repository.config.site.timezone,
  };
}

/** Splits the configured URL into origin+path and the base path Astro serves under. */
export function siteLocation(url: string): { siteUrl: string; base: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SitrepError(`The site URL \`${url}\` is not an absolute URL.`, {
      hint: "Set `site.url` in sitrep.config.yaml (or SITREP_SITE_URL) to e.g. https://status.example.com or https://example.github.io/status/.",
    });
  }
  // SITREP_SITE_URL is not in the config validate checks: the same rule (config-site.ts) here.
  const problem = siteUrlProblem(url);
  if (problem) throw new SitrepError(problem.message.replace("`site.url`", `The site URL \`${url}\``), { hint: problem.hint });
  const pathname = parsed.pathname.replace(/\/+$/, "");
  return { siteUrl: `${parsed.origin}${pathname}`, base: `${pathname}/` };
}

const histories = new WeakMap<BuildContext, Promise<History>>();

/** The records' git history, read once per build: the metrics page and the dashboard share it. */
export function buildHistory(context: BuildContext): Promise<History> {
  let pending = histories.get(context);
  if (!pending) {
    pending = startHistory(context.repository.root).read(context.repository);
    histories.set(context, pending);
  }
  return pending;
}
