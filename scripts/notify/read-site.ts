// Reads a published site's notify inputs from a folder (a build, a snapshot) or a URL (the live
// site). Returns the file texts or why they could not be read; never throws for a missing,
// unreachable, slow, huge or malformed site. Every URL read is bounded and bypasses caches
// (fetch-text.ts), the build stamp and history.json included.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fetchText, FETCH_LIMITS, type FetchLimits } from "../core/fetch-text.ts";
import { SITE_FILES, parsePublishedSite, type PublishedSite, type SiteFile } from "./published-site.ts";

export type SiteFiles = Partial<Record<SiteFile, string>>;

export type ReadResult =
  | { ok: true; site: PublishedSite; files: SiteFiles }
  /** missing: there is no published site there (a first deploy); unreachable: the server did not answer; invalid: files unusable. */
  | { ok: false; problem: "missing" | "unreachable" | "invalid"; reason: string };

/** Files sites built by older versions lack: the feed (postmortems), history.json (full lists), build.json (stamp). */
const OPTIONAL: ReadonlySet<SiteFile> = new Set(["atom", "history", "stamp"]);

export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readSite(location: string, options: { cwd: string; limits?: FetchLimits }): Promise<ReadResult> {
  const read = isUrl(location)
    ? await readFromUrl(location, options.limits ?? FETCH_LIMITS)
    : readFromFolder(path.resolve(options.cwd, location));
  if (!read.ok) return read;
  const parsed = parsePublishedSite(read.files);
  return parsed.ok
    ? { ok: true, site: parsed.site, files: read.files }
    : { ok: false, problem: "invalid", reason: `${location}: ${parsed.reason}` };
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

async function readFromUrl(base: string, limits: FetchLimits): Promise<FilesResult> {
  const files: SiteFiles = {};
  for (const [key, file] of Object.entries(SITE_FILES) as [SiteFile, string][]) {
    const url = siteFileUrl(base, file);
    const read = await fetchText(url, limits);
    if (!read.ok) return { ok: false, problem: "unreachable", reason: read.reason };
    if (read.status === 404 || read.status === 410) {
      if (OPTIONAL.has(key)) continue;
      return { ok: false, problem: "missing", reason: `${url} answered ${read.status}: no site published there yet` };
    }
    if (read.status < 200 || read.status >= 300)
      return { ok: false, problem: "unreachable", reason: `${url} answered HTTP ${read.status}` };
    files[key] = read.text;
  }
  return { ok: true, files };
}

/** A file's URL under a site URL that may carry a path (https://owner.github.io/status/). */
export function siteFileUrl(base: string, file: string): string {
  return new URL(file, base.endsWith("/") ? base : `${base}/`).href;
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
