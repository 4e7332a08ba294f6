// `sitrep declare` on the 10,000-record synthetic repository: the 2 a.m. command must stay quick
// although it validates the would-be repository before writing. Beside it: `sitrep validate`
// on the same files (the floor: declare does a full validation plus one write).
import { unlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";
import { cachedCorpus } from "../cached-corpus.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");

export async function run(): Promise<BenchRow[]> {
  const dir = cachedCorpus("sitrep-bench-authoring-v1", (partial) =>
    writeSyntheticRepository(partial, { incidents: 8_500, postmortems: 1_000, runbooks: 500 }),
  );
  const env = { SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };
  const declare = await measureRepeatedly(5, async () => {
    const result = await measureProcess(
      process.execPath,
      [cli, "declare", "--title", "Bench checkout errors", "--severity", "SEV2", "--component", "checkout-api=partial_outage", "--json"],
      { cwd: dir, env },
    );
    if (result.code !== 0) throw new Error(`declare failed: ${result.stderr.slice(0, 2000)}`);
    unlinkSync(path.join(dir, JSON.parse(result.stdout).path));
    return result;
  });
  const validate = await measureRepeatedly(5, () =>
    measureProcess(process.execPath, [cli, "validate", "--format", "json"], { cwd: dir, env }),
  );
  const input = "10,000 synthetic records";
  return [
    {
      name: "sitrep declare",
      input,
      wallMs: declare.wallMs,
      peakRssMb: declare.peakRssMb,
      floorMs: validate.wallMs,
      target: "≤ 2× validate",
      note: "floor = sitrep validate; median of 5",
    },
  ];
}
