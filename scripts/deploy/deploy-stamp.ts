// deployed.json: what the last deploy published (when it was built and from which commit). The
// deploy workflow writes it into the site, so the next scheduled run can read it back from the
// live URL: the published site is its own record of the last deploy, no state store needed.
import { toMillis } from "../core/time.ts";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { DeployStamp } from "./publish-due.ts";

export const STAMP_FILE = "deployed.json";

export function formatStamp(stamp: DeployStamp): string {
  return `${JSON.stringify({ built_at: stamp.builtAt.toISOString(), commit: stamp.commit ?? null }, null, 2)}\n`;
}

/** The stamp, or why there is none (the caller then rebuilds: missing is never "nothing to do"). */
export function parseStamp(text: string): DeployStamp | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return `${STAMP_FILE} is not JSON`;
  }
  const { built_at: builtAt, commit } = (data ?? {}) as { built_at?: unknown; commit?: unknown };
  const time = (typeof builtAt === "string" ? toMillis(builtAt) : undefined) ?? Number.NaN;
  if (Number.isNaN(time)) return `${STAMP_FILE} has no built_at time`;
  return { builtAt: new Date(time), ...(typeof commit === "string" && commit ? { commit } : {}) };
}

/**
 * Reads the stamp from a URL (the live site; a unique query and no-store get past the Pages CDN's
 * 10-minute cache) or a file. Never throws: a failure is returned as the reason to rebuild.
 */
export async function readStamp(source: string, options: { timeoutMs?: number } = {}): Promise<DeployStamp | string> {
  if (!/^https?:\/\//i.test(source)) {
    try {
      return parseStamp(await readFile(source, "utf8"));
    } catch (error) {
      return `${source} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
  const url = new URL(source);
  // A query no cache has seen: random, not the clock (a runner clock that is behind, or a fixed
  // SITREP_NOW, would repeat a query the CDN has cached).
  url.searchParams.set("t", randomUUID());
  try {
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
    if (!response.ok) return `${source} answered HTTP ${response.status}`;
    return parseStamp(await response.text());
  } catch (error) {
    return `${source} could not be fetched (${(error as Error).name === "TimeoutError" ? "timed out" : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message)})`;
  }
}

/** `<site url>/deployed.json`, for a site at a domain's root or under a path. */
export function stampUrl(siteUrl: string): string {
  return new URL(STAMP_FILE, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
}
