// `npm run bench`: runs every bench/rows/*.ts module and prints one table.
// Each module exports `run(): Promise<BenchRow[]>`; rows measure whole processes (wall, peak RSS)
// beside a floor (the least work that could produce the same answer), so numbers mean something.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchRow } from "./row.ts";

const rowsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "rows");
const only = process.argv.slice(2);

const rows: BenchRow[] = [];
for (const file of readdirSync(rowsDir)
  .filter((f) => f.endsWith(".ts"))
  .sort()) {
  if (only.length > 0 && !only.some((o) => file.includes(o))) continue;
  process.stderr.write(`bench: ${file}…\n`);
  const mod = (await import(pathToFileURL(path.join(rowsDir, file)).href)) as { run: () => Promise<BenchRow[]> };
  try {
    rows.push(...(await mod.run()));
  } catch (error) {
    // One broken row must not lose the table of the others (a full run takes many minutes).
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bench: ${file} failed: ${message}\n`);
    rows.push({ name: file, input: "", note: `FAILED: ${message.split("\n")[0].slice(0, 120)}` });
    process.exitCode = 1;
  }
}

const header = ["benchmark", "input", "wall", "peak RSS", "floor", "ratio", "target", "note"];
const table = rows.map((r) => [
  r.name,
  r.input,
  r.wallMs === undefined ? "" : `${(r.wallMs / 1000).toFixed(2)} s`,
  r.peakRssMb === undefined ? "" : `${r.peakRssMb.toFixed(0)} MB`,
  r.floorMs === undefined ? "" : `${(r.floorMs / 1000).toFixed(2)} s`,
  r.floorMs && r.wallMs ? `${(r.wallMs / r.floorMs).toFixed(2)}×` : "",
  r.target ?? "",
  r.note ?? "",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of table) console.log(line(row));
