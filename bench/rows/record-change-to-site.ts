// "Record change → site": what the records-only CI job and the deploy job run after `npm ci` —
// `sitrep validate --format github`, the Astro build, the Pagefind index — on the example records
// and on 5,000 synthetic incidents, each a git repository (the build reads history). The floor, in
// the same run: a bare Astro build of the same number of trivial pages. Targets on a 2-core
// machine: examples < 15 s, 5,000 incidents < 45 s (issue 9; docs/github.md turns this into
// minutes from merge to live page).
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { BENCH_GIT_IDENTITY } from "../git-identity.ts";
import { measureProcess, medianRun, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";
import { cachedCorpus } from "../cached-corpus.ts";
import { astroBuild, floorProject, repoRoot, siteWorkDir } from "../astro-build.ts";
import { copyExampleRepo } from "../../testkit/example-org.ts";

const cli = path.join(repoRoot, "scripts/sitrep.mjs");
const pagefindBin = path.join(repoRoot, "node_modules/pagefind/lib/runner/bin.cjs");
const siteDir = path.join(repoRoot, "site");
const SYNTHETIC_INCIDENTS = 5_000;
/** writeSyntheticRepository starts incidents here, one every 4 hours. */
const SYNTHETIC_START = Date.parse("2020-01-01T00:00:00Z");

function commitAll(dir: string): void {
  const env = {
    ...process.env,
    ...BENCH_GIT_IDENTITY,
    GIT_AUTHOR_DATE: "2026-11-01T00:00:00Z",
    GIT_COMMITTER_DATE: "2026-11-01T00:00:00Z",
  };
  for (const args of [
    ["init", "--quiet", "--initial-branch=main"],
    ["add", "-A"],
    ["commit", "--quiet", "-m", "records"],
  ])
    execFileSync("git", args, { cwd: dir, env });
}

function syntheticRepository(): string {
  return cachedCorpus(`sitrep-bench-record-to-site-${SYNTHETIC_INCIDENTS}-v1`, (dir) => {
    writeSyntheticRepository(dir, { incidents: SYNTHETIC_INCIDENTS, postmortems: SYNTHETIC_INCIDENTS / 10, runbooks: 20 });
    commitAll(dir);
  });
}

interface Stages {
  validate: ProcessMeasurement;
  build: ProcessMeasurement;
  pagefind: ProcessMeasurement;
  totalMs: number;
  pages: number;
}

/** One pass of the CI/deploy steps after install, each as its own process, into a fresh output folder. */
async function recordToSite(records: string, now: string): Promise<Stages> {
  const env = { NO_COLOR: "1", SITREP_NOW: now };
  const validate = await measureProcess(process.execPath, [cli, "validate", "--format", "github"], { cwd: records, env });
  if (validate.code !== 0) throw new Error(`validate failed: ${validate.stdout.slice(-2000)}`);
  const work = siteWorkDir();
  const outDir = path.join(work, "dist");
  try {
    const build = await astroBuild(work, ["--root", siteDir], { ...env, SITREP_ROOT: records, SITREP_OUT_DIR: outDir });
    const pagefind = await measureProcess(process.execPath, [pagefindBin, "--site", outDir, "--quiet"], { cwd: work });
    if (pagefind.code !== 0) throw new Error(`pagefind failed: ${pagefind.stderr.slice(-2000)}`);
    const pages = Number((build.stdout.match(/(\d+) page\(s\) built/) ?? [])[1] ?? 0);
    return { validate, build, pagefind, totalMs: validate.wallMs + build.wallMs + pagefind.wallMs, pages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function floor(pages: number): Promise<ProcessMeasurement> {
  const dir = floorProject(pages);
  try {
    return await astroBuild(dir, ["--root", dir, "--outDir", path.join(dir, "dist")], {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function row(input: string, runs: Stages[], floors: ProcessMeasurement[], target: string): BenchRow {
  const byTotal = [...runs].sort((a, b) => a.totalMs - b.totalMs);
  const median = byTotal[Math.floor(byTotal.length / 2)];
  const floorMs = medianRun(floors).wallMs;
  return {
    name: "record change → site (validate + build + search index)",
    input: `${input} (${median.pages} pages)`,
    wallMs: median.totalMs,
    peakRssMb: Math.max(...runs.flatMap((r) => [r.validate.peakRssMb, r.build.peakRssMb, r.pagefind.peakRssMb])),
    floorMs,
    target,
    note: `validate ${seconds(median.validate.wallMs)} + build ${seconds(median.build.wallMs)} + pagefind ${seconds(median.pagefind.wallMs)}; ${runs.length === 1 ? "1 cold run" : `median of ${runs.length} cold runs`}; floor: bare Astro, same page count`,
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The example organisation, copied (the bench never reads the adopter's records at the root).
  const examples = copyExampleRepo("sitrep-bench-record-to-site-");
  try {
    commitAll(examples.dir);
    const runs: Stages[] = [];
    const floors: ProcessMeasurement[] = [];
    // Site and floor take turns, so a busy moment on a shared machine hits both alike.
    for (let i = 0; i < 3; i++) {
      runs.push(await recordToSite(examples.dir, "2026-11-22T12:00:00Z"));
      floors.push(await floor(runs[i].pages));
    }
    rows.push(row("example records", runs, floors, "< 15 s"));
  } finally {
    examples.cleanup();
  }
  const synthetic = syntheticRepository();
  const now = new Date(SYNTHETIC_START + SYNTHETIC_INCIDENTS * 4 * 3_600_000 + 86_400_000).toISOString();
  const big = await recordToSite(synthetic, now);
  rows.push(row(`${SYNTHETIC_INCIDENTS.toLocaleString("en-US")} synthetic incidents`, [big], [await floor(big.pages)], "< 45 s"));
  return rows;
}
