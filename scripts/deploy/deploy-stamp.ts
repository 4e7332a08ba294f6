// deployed.json: what the last deploy published (when it was built and from which commit). The
// deploy workflow writes it into the site, so the next scheduled run can read it back from the
// live URL: the published site is its own record of the last deploy, no state store needed.
import { fetchText } from "../core/fetch-text.ts";
import { toMillis } from "../core/time.ts";
import { readFile } from "node:fs/promises";
import type { DeployStamp } from "./publish-due.ts";

export const STAMP_FILE = "deployed.json";
/** A stamp is a hundred bytes; anything near this is not one, and is not read on. */
const STAMP_MAX_BYTES = 64 * 1024;

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
 * Reads the stamp from a URL (the live site, past the Pages CDN's 10-minute cache) or a file. Never throws: a failure is returned as the reason to rebuild.
 */
export async function readStamp(source: string, options: { timeoutMs?: number } = {}): Promise<DeployStamp | string> {
  if (!/^https?:\/\//i.test(source)) {
    try {
      return parseStamp(await readFile(source, "utf8"));
    } catch (error) {
      return `${source} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
  // fetchText gets past the Pages CDN's cache with a query no cache has seen, and bounds the read
  // in time (body included) and size: a live site that hangs or serves a huge file is a reason.
  const read = await fetchText(source, { timeoutMs: options.timeoutMs ?? 10_000, maxBytes: STAMP_MAX_BYTES });
  if (!read.ok) return read.reason;
  if (read.status < 200 || read.status > 299) return `${source} answered HTTP ${read.status}`;
  return parseStamp(read.text);
}

/** `<site url>/deployed.json`, for a site at a domain's root or under a path. */
export function stampUrl(siteUrl: string): string {
  return new URL(STAMP_FILE, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).href;
}
