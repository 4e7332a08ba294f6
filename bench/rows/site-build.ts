// The Astro site build on 1,000 and 5,000 synthetic incidents and on the 10,000-incident
// status-page corpus, beside the floor: a bare Astro build of the same number of trivial pages
// (the least any Astro site of that size costs).
// Target: within 1.5× the floor. Beside it, without a target, the same build against the floor plus
// `sitrep validate` of the same records: what the pages cost once the records' load is counted
// on both sides (decision 0203). Plus Pagefind on the bigger site, and the transfer size of the
// status page's first view (HTML + CSS + the one script file, gzip; readable without JavaScript,
// the script keeps an open page current and shows times in the reader's zone, decisions 0121,
// 0124 and 0183) — target under 20 kB.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { cpuNote, measureProcess, medianRun, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";
import { writeStatusPageCorpus } from "../status-page-corpus.ts";
import { cachedCorpus, STATUS_PAGE_CORPUS } from "../cached-corpus.ts";
import { astroBuild, floorProject, repoRoot, siteWorkDir } from "../astro-build.ts";
import { exampleOrgRoot } from "../../testkit/example-org.ts";

const pagefindBin = path.join(repoRoot, "node_modules/pagefind/lib/runner/bin.cjs");
const siteDir = path.join(repoRoot, "site");
const cli = path.join(repoRoot, "scripts/sitrep.mjs");
const RUNS = 3;
/** writeSyntheticRepository starts incidents here, one every 4 hours. */
const SYNTHETIC_START = Date.parse("2020-01-01T00:00:00Z");

function syntheticRepository(incidents: number): string {
  return cachedCorpus(`sitrep-bench-site-${incidents}-v1`, (dir) =>
    writeSyntheticRepository(dir, { incidents, postmortems: Math.round(incidents / 10), runbooks: 20 }),
  );
}

/** gzip size of the status page and the stylesheets and scripts it loads (what a first visit downloads). */
function transferSize(outDir: string): { html: number; css: number; js: number; files: number; inline: number } {
  const html = readFileSync(path.join(outDir, "index.html"), "utf8");
  const gzipped = (paths: string[]) =>
    paths.map((href) => readFileSync(path.join(outDir, href.replace(/^\/+/, "")))).reduce((sum, file) => sum + gzipSync(file).length, 0);
  const css = gzipped([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]));
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  const inline = [...html.matchAll(/<script(?![^>]*src=)/g)].length;
  return { html: gzipSync(html).length, css, js: gzipped(scripts), files: scripts.length, inline };
}

/** "7.4 kB (HTML 4.0 kB + CSS 2.2 kB + JS 1.2 kB), 1 script file, 0 inline (ADR 0183)". */
function transferNote(size: ReturnType<typeof transferSize>): string {
  return `${kb(size.html + size.css + size.js)} (HTML ${kb(size.html)} + CSS ${kb(size.css)} + JS ${kb(size.js)}), ${size.files} script file, ${size.inline} inline (ADR 0183)`;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

interface SiteInput {
  label: string;
  records: string;
  /** The build clock: one day after the last incident, so the 90-day bars have data. */
  now: string;
  /** Also index with Pagefind and weigh the status page. */
  extras: boolean;
}

function inputs(): SiteInput[] {
  const synthetic = (incidents: number, extras: boolean): SiteInput => ({
    label: `${incidents.toLocaleString("en-US")} synthetic incidents`,
    records: syntheticRepository(incidents),
    now: new Date(SYNTHETIC_START + incidents * 4 * 3_600_000 + 86_400_000).toISOString(),
    extras,
  });
  // The scale issue 11 set its target at: 10,000 incidents shaped like public status pages'.
  const statusPages: SiteInput = {
    label: "10,000 status-page incidents",
    records: cachedCorpus(STATUS_PAGE_CORPUS, (dir) => writeStatusPageCorpus(dir, { incidents: 10_000 })),
    now: "2026-11-22T12:00:00Z",
    extras: false,
  };
  return [synthetic(1_000, false), synthetic(5_000, true), statusPages];
}

/** `sitrep validate` of the records the site is built from, as a whole process. */
async function validateRecords(records: string, now: string): Promise<ProcessMeasurement> {
  const result = await measureProcess(process.execPath, [cli, "validate"], { cwd: records, env: { SITREP_NOW: now, NO_COLOR: "1" } });
  if (result.code !== 0) throw new Error(`sitrep validate of ${records} exited ${result.code}: ${result.stderr.slice(-2000)}`);
  return result;
}

const pageCount = (build: ProcessMeasurement): number => Number((build.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? Number.NaN);

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { label, records, now, extras } of inputs()) {
    const work = siteWorkDir();
    const outDir = path.join(work, "dist");
    const env = { SITREP_ROOT: records, SITREP_OUT_DIR: outDir, SITREP_NOW: now };
    let floorDir: string | undefined;
    try {
      // One warm-up build each (Vite's caches); the site's tells how many pages the floor gets.
      const pages = pageCount(await astroBuild(work, ["--root", siteDir], env));
      if (!Number.isInteger(pages)) throw new Error(`the site build of ${label} printed no page count`);
      floorDir = floorProject(pages);
      const floorOut = path.join(floorDir, "dist");
      await astroBuild(floorDir, ["--root", floorDir, "--outDir", floorOut], {});
      // RUNS measured builds, site and floor taking turns so a busy moment on a shared machine
      // hits both alike; the median of each is kept.
      const siteRuns: ProcessMeasurement[] = [];
      const floorRuns: ProcessMeasurement[] = [];
      const validateRuns: ProcessMeasurement[] = [];
      for (let i = 0; i < RUNS; i++) {
        siteRuns.push(await astroBuild(work, ["--root", siteDir], env));
        floorRuns.push(await astroBuild(floorDir, ["--root", floorDir, "--outDir", floorOut], {}));
        validateRuns.push(await validateRecords(records, now));
      }
      const site = medianRun(siteRuns);
      const floor = medianRun(floorRuns);
      const validate = medianRun(validateRuns);
      const input = `${label} (${pages} pages)`;
      const note = `median of ${RUNS} warm runs`;
      rows.push({
        name: "site build (astro, all pages + API + feeds)",
        input,
        wallMs: site.wallMs,
        peakRssMb: site.peakRssMb,
        floorMs: floor.wallMs,
        target: "≤ 1.5× floor",
        note: `${note}; ${cpuNote(site, floor)}; both render 4 pages at a time`,
      });
      rows.push({
        name: "site build against floor + validate",
        input,
        wallMs: site.wallMs,
        floorMs: floor.wallMs + validate.wallMs,
        note: `no target: the floor plus \`sitrep validate\` of the same records (${(validate.wallMs / 1000).toFixed(2)} s), medians of ${RUNS}`,
      });
      rows.push({
        name: "floor: bare Astro, trivial pages",
        input: `${pages} trivial pages`,
        wallMs: floor.wallMs,
        peakRssMb: floor.peakRssMb,
        note,
      });
      if (extras) {
        const pagefind = await measureProcess(process.execPath, [pagefindBin, "--site", outDir, "--quiet"], { cwd: path.dirname(outDir) });
        rows.push({
          name: "pagefind index of the site",
          input,
          wallMs: pagefind.wallMs,
          peakRssMb: pagefind.peakRssMb,
          note: pagefind.code === 0 ? "" : `exit ${pagefind.code}`,
        });
        const size = transferSize(outDir);
        rows.push({
          name: "status page transfer (gzip)",
          input,
          target: "< 20 kB, readable without JS",
          note: transferNote(size),
        });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      if (floorDir) rmSync(floorDir, { recursive: true, force: true });
    }
  }
  // The example organisation (Lumen, the test fixture: the root records are the adopter's own
  // after `sitrep init`): what a real small company's status page weighs.
  const exampleWork = siteWorkDir();
  const exampleOut = path.join(exampleWork, "dist");
  try {
    await astroBuild(exampleWork, ["--root", siteDir], {
      SITREP_ROOT: exampleOrgRoot,
      SITREP_OUT_DIR: exampleOut,
      SITREP_NOW: "2026-11-22T12:00:00Z",
    });
    const size = transferSize(exampleOut);
    rows.push({
      name: "status page transfer (gzip)",
      input: "example records (Lumen, 10 components)",
      target: "< 20 kB, readable without JS",
      note: transferNote(size),
    });
  } finally {
    rmSync(exampleWork, { recursive: true, force: true });
  }
  return rows;
}
