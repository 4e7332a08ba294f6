// Reads a published site's notify inputs from a folder (a build, a snapshot) or a URL (the live
// site). Returns the file texts or why they could not be read; never throws for a missing site.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { causeOf } from "./error-text.ts";
import { SITE_FILES, parsePublishedSite, type PublishedSite, type SiteFile } from "./published-site.ts";

export type SiteFiles = Partial<Record<SiteFile, string>>;

export type ReadResult =
  | { ok: true; site: PublishedSite; files: SiteFiles }
  /** missing: there is no published site there (a first deploy); unreachable: the server did not answer; invalid: files unusable. */
  | { ok: false; problem: "missing" | "unreachable" | "invalid"; reason: string };

/** The history feed is optional: sites built before postmortem announcements still diff. */
const OPTIONAL: ReadonlySet<SiteFile> = new Set(["atom"]);

export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readSite(location: string, options: { cwd: string; timeoutMs?: number }): Promise<ReadResult> {
  const read = isUrl(location) ? await readFromUrl(location, options.timeoutMs ?? 15_000) : readFromFolder(path.resolve(options.cwd, location));
  if (!read.ok) return read;
  const parsed = parsePublishedSite(read.files);
  return parsed.ok ? { ok: true, site: parsed.site, files: read.files } : { ok: false, problem: "invalid", reason: `${location}: ${parsed.reason}` };
}

type FilesResult = { ok: true; files: SiteFiles } | { ok: false; problem: "missing" | "unreachable"; reason: string };

function readFromFolder(folder: string): FilesResult {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return { ok: false, problem: "missing", reason: `${folder} is not a folder` };
  const files: SiteFiles = {};
  for (const [key, file] of Object.entries(SITE_FILES) as [SiteFile, string][]) {
    const full = path.join(folder, file);
    if (existsSync(full)) files[key] = readFileSync(full, "utf8");
    else if (!OPTIONAL.has(key)) return { ok: false, problem: "missing", reason: `${full} does not exist` };
  }
  return { ok: true, files };
}

async function readFromUrl(base: string, timeoutMs: number): Promise<FilesResult> {
  const root = base.endsWith("/") ? base : `${base}/`;
  const files: SiteFiles = {};
  for (const [key, file] of Object.entries(SITE_FILES) as [SiteFile, string][]) {
    const url = new URL(file, root).href;
    let response: Response;
    try {
      // no-store and a unique query (as deploy-stamp.ts does): the Pages CDN keeps a copy for up to
      // 10 minutes whatever the request's headers say, and a cached copy of the previous build
      // would make this build's updates look old — or an older one make them look new twice.
      const fresh = new URL(url);
      fresh.searchParams.set("t", `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
      response = await fetch(fresh, { headers: { "cache-control": "no-cache" }, cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { ok: false, problem: "unreachable", reason: `${url} did not answer (${(error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs / 1000} s` : causeOf(error)})` };
    }
    const text = await response.text();
    if (response.status === 404 || response.status === 410) {
      if (OPTIONAL.has(key)) continue;
      return { ok: false, problem: "missing", reason: `${url} answered ${response.status}: no site published there yet` };
    }
    if (!response.ok) return { ok: false, problem: "unreachable", reason: `${url} answered HTTP ${response.status}` };
    files[key] = text;
  }
  return { ok: true, files };
}

/** Writes the files under their site paths, so `dir` is itself a valid `--previous` folder. */
export function writeSiteFiles(dir: string, files: SiteFiles): string[] {
  const written: string[] = [];
  for (const [key, text] of Object.entries(files) as [SiteFile, string][]) {
    const full = path.join(dir, SITE_FILES[key]);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    written.push(SITE_FILES[key]);
  }
  return written;
}
