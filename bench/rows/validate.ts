// `sitrep validate` on 10,000 synthetic records, as a whole process, beside the floor
// (read + fast YAML parse of the same files). Target: < 1.5 s wall, within 2× the floor.
import { existsSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { writeSyntheticRepository } from "../synthetic-records.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.resolve(here, "../../scripts/cli.ts");
const floorScript = path.resolve(here, "../floor-read-parse.ts");

export async function run(): Promise<BenchRow[]> {
  const counts = { incidents: 8_500, postmortems: 1_000, runbooks: 500 };
  const dir = path.join(os.tmpdir(), "sitrep-bench-validate-v1");
  if (!existsSync(dir)) {
    // Generate beside the final place and rename, so an interrupted run never leaves half a repository.
    const partial = `${dir}-partial-${process.pid}`;
    writeSyntheticRepository(partial, counts);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  const env = { SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };
  const validate = await measureRepeatedly(5, () => measureProcess(process.execPath, [cli, "validate", "--format", "json"], { cwd: dir, env }));
  if (validate.code !== 0) throw new Error(`validate failed on synthetic records: ${validate.stdout.slice(0, 2000)}${validate.stderr.slice(0, 2000)}`);
  const floor = await measureRepeatedly(5, () => measureProcess(process.execPath, [floorScript, dir], { cwd: dir }));
  const input = "10,000 synthetic records (8,500 incidents, 1,000 postmortems, 500 runbooks)";
  return [
    { name: "sitrep validate", input, wallMs: validate.wallMs, peakRssMb: validate.peakRssMb, floorMs: floor.wallMs, target: "< 1.5 s, ≤ 2× floor", note: "median of 5" },
    { name: "floor: read + js-yaml parse", input, wallMs: floor.wallMs, peakRssMb: floor.peakRssMb, note: "median of 5" },
  ];
}
