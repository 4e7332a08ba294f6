// Is this build what the target really serves? A message links to pages of this build, and what
// is new is worked out against the site that was live before it: on GitHub Pages the deploy job
// waits until its deployment is live, but a site pushed to a public repository is served only
// after that repository's own Pages build, which can be slow or fail. So before sending, notify
// reads the live build stamp (build.json, past every cache) until it is this build's — or the
// bound passes, and then nothing is sent and the run says why (decision 0173): sending early
// would link to pages that are not there, and a build that never goes live must not count as
// announced. Never uses the runner's clock to decide; only to bound the wait.
import { fetchText, FETCH_LIMITS, type FetchLimits } from "../core/fetch-text.ts";
import type { BuildStamp } from "./published-site.ts";
import { SITE_FILES } from "./published-site.ts";
import { siteFileUrl } from "./read-site.ts";

export interface LiveCheckOptions {
  /** How long to keep asking, in total. */
  waitMs: number;
  /** Between two reads. */
  intervalMs: number;
  limits?: FetchLimits;
  sleep?: (ms: number) => Promise<void>;
}

export type LiveCheck = { live: true; attempts: number } | { live: false; attempts: number; reason: string };

/** Same build: the same published data (version) built at the same moment (built_at). */
export const sameBuild = (a: BuildStamp, b: BuildStamp): boolean =>
  a.version === b.version && Date.parse(a.builtAt) === Date.parse(b.builtAt);

export async function waitUntilLive(siteUrl: string, expected: BuildStamp, options: LiveCheckOptions): Promise<LiveCheck> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const url = siteFileUrl(siteUrl, SITE_FILES.stamp);
  const deadline = performance.now() + options.waitMs;
  let last = "";
  for (let attempts = 1; ; attempts++) {
    const seen = await liveStamp(url, options.limits ?? FETCH_LIMITS);
    if (typeof seen !== "string" && sameBuild(seen, expected)) return { live: true, attempts };
    last = typeof seen === "string" ? seen : `${url} serves the build of ${seen.builtAt} (version ${seen.version})`;
    if (performance.now() + options.intervalMs > deadline) {
      return {
        live: false,
        attempts,
        reason: `${last}, not this build of ${expected.builtAt} (version ${expected.version}), after ${attempts} read(s) over ${Math.round(options.waitMs / 1000)} s`,
      };
    }
    await sleep(options.intervalMs);
  }
}

async function liveStamp(url: string, limits: FetchLimits): Promise<BuildStamp | string> {
  const read = await fetchText(url, limits);
  if (!read.ok) return read.reason;
  if (read.status !== 200) return `${url} answered HTTP ${read.status}`;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(read.text);
  } catch {
    return `${url} is not JSON`;
  }
  if (typeof data?.version !== "string" || typeof data.built_at !== "string") return `${url} has no version and built_at`;
  return { version: data.version, builtAt: data.built_at };
}
