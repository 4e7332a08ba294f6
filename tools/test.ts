// `npm test`: Biome first (a second; a format or lint error stops everything), then `vitest run`,
// with tsc and astro check alongside it rather than in front. The tests keep both cores busy only
// part of the time (workers wait on site builds, Chromium and subprocesses), so the two type-checks
// (~14 s and ~11 s of CPU) run at low priority in that idle time (decisions 0106, 0191). tsc is
// incremental (tsconfig.json keeps its record in node_modules/.cache/sitrep-tsc): a file unchanged
// since the last run is not checked again, ~17 s of CPU down to ~10 s on a second run. astro check
// lints site/src only (site/tsconfig.json); site/data and the config are tsc's. Their
// output is held until vitest ends, so it does not interleave with vitest's live report. Exits
// non-zero when any of the four fails. Extra arguments go to vitest (`npm test -- tests/site`).
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";

interface Outcome {
  name: string;
  code: number;
  output: string;
}

/** Biome, in the foreground: it takes a second and a failure makes the rest pointless. */
const biome = spawnSync("biome", ["ci", "--error-on-warnings", "."], { stdio: "inherit" });
if (biome.status !== 0) {
  console.error(`npm test: biome ci failed (exit ${biome.status ?? biome.signal}); fix it, or run \`npm run format\`.`);
  process.exit(1);
}

/** A static check in the background at low priority, its output collected. */
function background(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    try {
      if (child.pid) os.setPriority(child.pid, 10);
    } catch {
      // Not allowed to lower it (unusual): it runs at normal priority, which is only slower.
    }
    child.on("error", (error) => resolve({ name, code: -1, output: `${output}\ncould not start ${command}: ${error.message}` }));
    child.on("close", (code, signal) => resolve({ name, code: code ?? -1, output: signal ? `${output}\nstopped by ${signal}` : output }));
  });
}

// astro check loads the records, but validation's Markdown budget counts CPU time (decision 0175),
// so a starved check at nice 10 is slower, never wrong.
const checks = [
  background("tsc", "tsc", ["-p", "tsconfig.json"]),
  background("astro check", "astro", ["check", "--root", "site"], { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" }),
];

const vitestCode = await new Promise<number>((resolve) => {
  const child = spawn("vitest", ["run", ...process.argv.slice(2)], { stdio: "inherit" });
  child.on("error", (error) => {
    console.error(`npm test: could not start vitest: ${error.message}`);
    resolve(-1);
  });
  child.on("close", (code) => resolve(code ?? -1));
});

const outcomes = await Promise.all(checks);
for (const outcome of outcomes) {
  if (outcome.code === 0) continue; // a clean check's output is not news
  process.stdout.write(`\n── ${outcome.name} ──\n${outcome.output.trimEnd()}\n`);
}
const failed = [...outcomes.filter((o) => o.code !== 0).map((o) => `${o.name} (exit ${o.code})`)];
if (vitestCode !== 0) failed.push(`vitest (exit ${vitestCode})`);
if (failed.length > 0) {
  console.error(`\nnpm test: failed: ${failed.join(", ")}.`);
  process.exit(1);
}
console.log("\nnpm test: biome ci, vitest, tsc and astro check all passed.");
