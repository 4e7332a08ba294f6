// The one place an Octokit is built: REST client + throttling (GitHub's pacing and rate-limit
// waits) + retry (5xx and network errors). Everything that talks to GitHub gets its client here.
import { Octokit } from "@octokit/rest";
import { throttling } from "@octokit/plugin-throttling";
import { retry } from "@octokit/plugin-retry";
import { SitrepError } from "../errors.ts";
import type { Config } from "../records/record-types.ts";

const SitrepOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof SitrepOctokit>;

/** Where to talk to, and as whom: from the environment first, then the config. */
export interface GithubTarget {
  owner: string;
  repo: string;
  /** REST API root: GITHUB_API_URL (set by Actions; tests point it at a local server). */
  apiUrl: string;
  /** Web root for links in bodies and comments: GITHUB_SERVER_URL, else https://github.com. */
  serverUrl: string;
  token: string | undefined;
}

export function resolveGithubTarget(env: Record<string, string | undefined>, config: Pick<Config, "github">): GithubTarget {
  const slug = env.GITHUB_REPOSITORY || config.github.repository;
  if (!slug) {
    throw new SitrepError("No GitHub repository to sync with.", {
      hint: "Set `github.repository: owner/name` in sitrep.config.yaml, or GITHUB_REPOSITORY=owner/name (Actions sets it).",
    });
  }
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(slug);
  if (!match)
    throw new SitrepError(`\`${slug}\` is not a GitHub repository of the form owner/name.`, {
      hint: "Fix GITHUB_REPOSITORY or github.repository in sitrep.config.yaml.",
    });
  return {
    owner: match[1],
    repo: match[2],
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    token: env.GITHUB_TOKEN || undefined,
  };
}

export interface ClientOptions {
  /** Receives every warning (rate-limit waits, retries) so the command can print them. */
  warn: (message: string) => void;
  /**
   * Minimum milliseconds between writes. Unset: the throttling plugin's own pacing (GitHub asks
   * for ≥1 s between writes, ≥3 s between notification-triggering ones). Tests and the bench,
   * talking to a local server, set 0 through SITREP_GITHUB_WRITE_INTERVAL_MS.
   */
  writeIntervalMs?: number;
  /** Called for every HTTP request sent (retries included), e.g. to count API calls. */
  onRequest?: (method: string, url: string) => void;
  /** Abort a request that has not answered after this many milliseconds (it then counts as a 5xx). */
  timeoutMs?: number;
}

/** Bounds for waiting on rate limits: a scheduled job would rather fail than hang for an hour. */
const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RATE_LIMIT_WAIT_SECONDS = 600;
/** A GitHub request that hangs longer than this is abandoned (and retried when that is safe). */
const DEFAULT_TIMEOUT_MS = 30_000;

export function createGithubClient(target: GithubTarget, options: ClientOptions): GithubClient {
  const pacing =
    options.writeIntervalMs === undefined
      ? {}
      : { write: pacedLane(options.writeIntervalMs), notifications: pacedLane(options.writeIntervalMs) };
  const onLimit =
    (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retrying = retryCount < MAX_RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      options.warn(
        `GitHub ${kind} on ${request.method} ${request.url}; ` +
          (retrying
            ? `retrying in ${retryAfter} s (attempt ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES}).`
            : `giving up after ${retryCount} retries (wait would be ${retryAfter} s).`),
      );
      return retrying;
    };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Every attempt (retries included) goes through this fetch — a request hook would not see
  // retries — so each gets a fresh deadline and is counted. A timed-out request surfaces as a
  // 500 and is retried where retrying is safe.
  const timedFetch = (url: string | URL | Request, init: RequestInit = {}) => {
    options.onRequest?.(init.method ?? "GET", String(url));
    return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  };
  const octokit = new SitrepOctokit({
    auth: target.token,
    request: { fetch: timedFetch },
    baseUrl: target.apiUrl,
    userAgent: "sitrep",
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => options.warn(message),
      error: (message: string) => options.warn(message),
    },
    throttle: { onRateLimit: onLimit("rate limit"), onSecondaryRateLimit: onLimit("secondary rate limit"), ...pacing },
    retry: { retries: 3 },
  });
  return octokit;
}

/** Reads SITREP_GITHUB_TIMEOUT_MS (tests); undefined keeps the 30 s default. */
export function timeoutFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.SITREP_GITHUB_TIMEOUT_MS;
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new SitrepError(`SITREP_GITHUB_TIMEOUT_MS is \`${raw}\`, not a positive number of milliseconds.`, {
      hint: "Unset it (default 30 s) or set a number > 0.",
    });
  return value;
}

/** Reads SITREP_GITHUB_WRITE_INTERVAL_MS (tests, bench); undefined keeps GitHub's recommended pacing. */
export function writeIntervalFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.SITREP_GITHUB_WRITE_INTERVAL_MS;
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new SitrepError(`SITREP_GITHUB_WRITE_INTERVAL_MS is \`${raw}\`, not a number of milliseconds.`, {
      hint: "Unset it (the default pacing suits GitHub) or set a number ≥ 0.",
    });
  return value;
}

/**
 * A stand-in for the plugin's Bottleneck write group: runs jobs one at a time, at least
 * `intervalMs` apart. The plugin only calls `.key(id).schedule(options, task, ...args)`.
 */
// biome-ignore lint/suspicious/noExplicitAny: stands in for the plugin's Bottleneck group, a type the plugin does not export.
function pacedLane(intervalMs: number): any {
  let nextAt = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const lane = {
    schedule(_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) {
      const turn = queue.then(async () => {
        const wait = nextAt - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        nextAt = Date.now() + intervalMs;
      });
      queue = turn.catch(() => {});
      return turn.then(() => task(...args));
    },
  };
  return { key: () => lane };
}
