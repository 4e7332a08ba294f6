// `sitrep validate` as a whole process, beside the floor (read + fast YAML parse of the same
// files), on two corpora shaped like incidents imported from public status pages
// (bench/status-page-corpus.ts): 10,000 clean incidents (target < 1.5 s, within 1.5× the floor),
// and the same with mistakes in 19 files of 20, ~18,000 findings (target < 4 s), where every
// file with a finding must be located again. Plus the synthetic records of every kind.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";
import { writeStatusPageCorpus } from "../status-page-corpus.ts";
import { cachedCorpus, STATUS_PAGE_CORPUS } from "../cached-corpus.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, "../../scripts/sitrep.mjs");
const floorScript = path.resolve(here, "../floor-read-parse.ts");
const RUNS = 5;

async function measure(dir: string, input: string, target: string, expectFindings: boolean): Promise<BenchRow[]> {
  const env = { SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };
  // One unmeasured run fills Node's compile cache, as any second run of `sitrep` on a machine finds it.
  await measureProcess(process.execPath, [cli, "validate", "--format", "json"], { cwd: dir, env });
  const validate = await measureRepeatedly(RUNS, () =>
    measureProcess(process.execPath, [cli, "validate", "--format", "json"], { cwd: dir, env }),
  );
  const findings = (JSON.parse(validate.stdout) as { diagnostics: unknown[] }).diagnostics.length;
  if ((validate.code !== 0) !== expectFindings)
    throw new Error(`validate exited ${validate.code} on ${dir}: ${validate.stderr.slice(0, 2000)}`);
  // Floor and validate alternate per run would be fairer on a busy machine; medians of 5 each suffice.
  const floor = await measureRepeatedly(RUNS, () => measureProcess(process.execPath, [floorScript, dir], { cwd: dir }));
  return [
    {
      name: "sitrep validate",
      input: `${input}, ${findings.toLocaleString("en")} findings`,
      wallMs: validate.wallMs,
      peakRssMb: validate.peakRssMb,
      floorMs: floor.wallMs,
      target,
      note: `median of ${RUNS}`,
    },
    { name: "floor: read + js-yaml parse", input, wallMs: floor.wallMs, peakRssMb: floor.peakRssMb, note: `median of ${RUNS}` },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const clean = cachedCorpus(STATUS_PAGE_CORPUS, (dir) => writeStatusPageCorpus(dir, { incidents: 10_000 }));
  const broken = cachedCorpus("sitrep-bench-status-pages-broken-v1", (dir) =>
    writeStatusPageCorpus(dir, { incidents: 10_000, broken: true }),
  );
  const synthetic = cachedCorpus("sitrep-bench-validate-v1", (dir) =>
    writeSyntheticRepository(dir, { incidents: 8_500, postmortems: 1_000, runbooks: 500 }),
  );
  return [
    ...(await measure(clean, "10,000 status-page incidents", "< 1.5 s, ≤ 1.5× floor", false)),
    ...(await measure(broken, "10,000 status-page incidents with mistakes", "< 4 s", true)),
    ...(await measure(
      synthetic,
      "10,000 synthetic records (8,500 incidents, 1,000 postmortems, 500 runbooks)",
      "< 1.5 s, ≤ 1.5× floor",
      false,
    )),
  ];
}
