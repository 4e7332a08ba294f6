// One bounded HTTP read of a published file: a fresh copy (past any cache), within a time limit
// that covers the body as well as the headers, and no larger than a size cap. A live site that
// resets, hangs halfway through a body or serves something huge is an answer ("unreachable",
// with why), never an exception: notify then degrades (no snapshot, nothing sent) and the
// scheduled deploy rebuilds (deployed.json) instead of failing the run around it.
import { randomUUID } from "node:crypto";
import { causeOf } from "./error-cause.ts";

export interface FetchLimits {
  /** For the whole read, body included. */
  timeoutMs: number;
  maxBytes: number;
}

/** Defaults: a published file notify reads is a few MB at most (history.json of a long history). */
export const FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 64 * 1024 * 1024 };

export type FetchTextResult = { ok: true; status: number; text: string } | { ok: false; reason: string };

/**
 * `url` with a query no cache has seen (a random one: a clock that is behind or repeats would
 * give a query a cache has seen), no-store and no-cache: the Pages CDN keeps a copy for up to
 * 10 minutes whatever the request's headers say, so only a new query is sure to reach the origin.
 */
export function freshUrl(url: string): URL {
  const fresh = new URL(url);
  fresh.searchParams.set("sitrep-fresh", randomUUID());
  return fresh;
}

export async function fetchText(url: string, limits: FetchLimits = FETCH_LIMITS): Promise<FetchTextResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await fetch(freshUrl(url), {
      headers: { "cache-control": "no-cache", "user-agent": "sitrep" },
      cache: "no-store",
      signal,
    });
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, reason: tooLarge(url, limits) };
    }
    const text = await readCapped(response, limits.maxBytes);
    if (text === undefined) return { ok: false, reason: tooLarge(url, limits) };
    return { ok: true, status: response.status, text };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError" || signal.aborted;
    return {
      ok: false,
      reason: `${url} did not answer in full (${timedOut ? `not within ${limits.timeoutMs / 1000} s` : causeOf(error)})`,
    };
  }
}

/** The body as text, or undefined once it passes `maxBytes` (the rest is not read). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooLarge = (url: string, limits: FetchLimits) =>
  `${url} is larger than ${size(limits.maxBytes)}, more than a published file of the site can be`;

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} kB`);
