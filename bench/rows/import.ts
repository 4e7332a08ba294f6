// `sitrep import statuspage <folder>` of 10,000 synthetic incidents (testkit/statuspage-export.ts)
// into a fresh repository, then the same import again (nothing to write). The floor is reading
// and parsing the export's JSON in a Node process: the least any import has to do.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess, measureRepeatedly, type BenchRow } from "../row.ts";
import { emptyRecordsRepo, writeStatuspageExport } from "../../testkit/statuspage-export.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");
const COUNT = 10_000;

export async function run(): Promise<BenchRow[]> {
  const exportDir = writeStatuspageExport(mkdtempSync(path.join(os.tmpdir(), "sitrep-bench-export-")), COUNT);
  // After the newest synthetic incident (one every 3 hours from 2024-01-01, so into 2027): validate refuses times after now.
  const env = { SITREP_NOW: "2030-01-01T00:00:00Z", NO_COLOR: "1" };
  const floor = await measureRepeatedly(3, () =>
    measureProcess(
      process.execPath,
      [
        "-e",
        `const fs = require("fs"); for (const f of ["incidents.json", "components.json"]) JSON.parse(fs.readFileSync(${JSON.stringify(exportDir)} + "/" + f, "utf8"));`,
      ],
      { env },
    ),
  );
  const repos: string[] = [];
  try {
    const first = await measureRepeatedly(3, async () => {
      const repo = emptyRecordsRepo("sitrep-bench-import-");
      repos.push(repo);
      const result = await measureProcess(process.execPath, [cli, "import", "statuspage", exportDir, "--json"], { cwd: repo, env });
      if (result.code !== 0) throw new Error(`import failed: ${result.stderr.slice(0, 2000)}`);
      return result;
    });
    const again = await measureRepeatedly(3, async () => {
      const result = await measureProcess(process.execPath, [cli, "import", "statuspage", exportDir, "--json"], { cwd: repos[0], env });
      if (result.code !== 0 || JSON.parse(result.stdout).written.length !== 0)
        throw new Error(`second import wrote files or failed: ${result.stderr.slice(0, 2000)}`);
      return result;
    });
    const input = "10,000 synthetic Statuspage incidents (folder)";
    return [
      {
        name: "sitrep import statuspage",
        input,
        wallMs: first.wallMs,
        peakRssMb: first.peakRssMb,
        floorMs: floor.wallMs,
        target: "< 10 s",
        note: "fresh repository; floor = read + JSON.parse the export; median of 3",
      },
      {
        name: "sitrep import statuspage (again)",
        input,
        wallMs: again.wallMs,
        peakRssMb: again.peakRssMb,
        floorMs: floor.wallMs,
        target: "< 3 s",
        note: "every record unchanged, nothing written; median of 3",
      },
    ];
  } finally {
    for (const dir of [exportDir, ...repos]) rmSync(dir, { recursive: true, force: true });
  }
}
