// A tiny records repository and its public "site" for notify tests: the Statuspage v2 JSON and
// the feeds, made by the project's own publishers from records written here (never the example
// records at the repository root). Each build is one folder; tests diff two of them.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildFeeds } from "../../scripts/publish/feeds.ts";
import { PUBLISHED_PATHS } from "../../scripts/publish/site-url.ts";
import { buildPublicHistory, buildStatuspageApi } from "../../scripts/publish/statuspage-v2.ts";
import { loadRepository } from "../../scripts/validate/load-repository.ts";
import type { PublishedSite } from "../../scripts/notify/published-site.ts";
import { readSite } from "../../scripts/notify/read-site.ts";

export const SITE_URL = "https://status.test.example/";

export const BASE_CONFIG = `format: 2
site:
  title: Test Status
  url: ${SITE_URL}
components:
  - id: api
    name: Public API
  - id: dashboard
    name: Dashboard
severities:
  - id: SEV1
    name: Critical
    impact: critical
  - id: SEV2
    name: Major
    impact: major
  - id: SEV3
    name: Minor
    impact: minor
`;

export interface Update {
  at: string;
  status: string;
  body: string;
  components?: Record<string, string>;
}

/** An incident record's text; `extra` adds front-matter lines (visibility, drill, type, …). */
export function incidentRecord(options: {
  title: string;
  severity?: string;
  status: string;
  started: string;
  resolved?: string;
  components?: Record<string, string>;
  updates: Update[];
  extra?: string;
}): string {
  const lines = ["---", `title: ${JSON.stringify(options.title)}`];
  if (options.severity) lines.push(`severity: ${options.severity}`);
  lines.push(`status: ${options.status}`);
  if (options.extra) lines.push(options.extra.trim());
  if (options.components) lines.push("components:", ...Object.entries(options.components).map(([k, v]) => `  ${k}: ${v}`));
  if (!options.extra?.includes("scheduled_start")) lines.push(`started_at: ${options.started}`);
  if (options.resolved) lines.push(`resolved_at: ${options.resolved}`);
  lines.push("updates:");
  for (const u of options.updates) {
    lines.push(`  - at: ${u.at}`, `    status: ${u.status}`, `    body: ${JSON.stringify(u.body)}`);
    if (u.components) lines.push("    components:", ...Object.entries(u.components).map(([k, v]) => `      ${k}: ${v}`));
  }
  lines.push("---", "", "Details.", "");
  return lines.join("\n");
}

export interface FixtureRepo {
  dir: string;
  /** Writes (or replaces) a record at a path under the repository. */
  write(file: string, text: string): void;
  /** Deletes a record (a rename is a remove and a write). */
  remove(file: string): void;
  /** A file's text, by path under the repository (a build: builds/<n>/…). */
  read(file: string): string;
  /** Publishes the public build (or `audience`'s) into a new folder and returns it; `extraAtom` adds raw Atom entries. */
  publish(now: string, options?: { extraAtom?: string; audience?: "public" | "internal" }): string;
  cleanup(): void;
}

export function fixtureRepo(config = BASE_CONFIG): FixtureRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-notify-"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write("sitrep.config.yaml", config);
  let builds = 0;
  return {
    dir,
    write,
    remove: (file) => rmSync(path.join(dir, file)),
    read: (file) => readFileSync(path.join(dir, file), "utf8"),
    publish(now, options = {}) {
      const repository = loadRepository(dir, { now: new Date(now) });
      const out = path.join(dir, "builds", String(++builds));
      const api = buildStatuspageApi(repository, { audience: options.audience ?? "public", now: new Date(now) });
      for (const [file, body] of Object.entries(api)) writeOut(out, `${PUBLISHED_PATHS.api}${file}`, JSON.stringify(body));
      const audience = options.audience ?? "public";
      writeOut(out, PUBLISHED_PATHS.history, JSON.stringify(buildPublicHistory(repository, { audience, now: new Date(now) })));
      // The build stamp as the site writes it (site/data/published.ts): version, built_at, audience.
      const version = createHash("sha256").update(JSON.stringify(api)).digest("hex").slice(0, 16);
      writeOut(
        out,
        "build.json",
        JSON.stringify({ version, built_at: new Date(now).toISOString(), fresh_until: new Date(now).toISOString(), audience }),
      );
      const feeds = buildFeeds(repository, { audience, now: new Date(now) });
      writeOut(out, PUBLISHED_PATHS.rss, feeds.rss);
      writeOut(out, PUBLISHED_PATHS.atom, options.extraAtom ? feeds.atom.replace("</feed>", `${options.extraAtom}</feed>`) : feeds.atom);
      return out;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function writeOut(root: string, file: string, body: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), body);
}

/** An Atom entry announcing a postmortem, the way the site's feed links a postmortem page. */
export function postmortemAtomEntry(id: string, title: string, published: string): string {
  const link = `${SITE_URL}postmortems/${id}/`;
  return `<entry><title type="html">${title}</title><id>${link}</id><link href="${link}"/><updated>${published}</updated><published>${published}</published><summary type="html">What happened and what we are changing.</summary></entry>`;
}

/** A published build as notify reads it. */
export async function site(folder: string): Promise<PublishedSite> {
  const read = await readSite(folder, { cwd: "/" });
  if (!read.ok) throw new Error(read.reason);
  return read.site;
}
