// `npm test`: Biome first (a second; a format or lint error stops everything), then astro check,
// then `vitest run`, with tsc alongside both rather than in front. The tests keep both cores busy
// only part of the time (workers wait on site builds, Chromium and subprocesses), so tsc (~14 s
// of CPU) runs at low priority in that idle time (decision 0106). astro check stays in front at
// normal priority (it was measured there; its Markdown budget now counts CPU time, so running it
// beside vitest is the next thing to try). tsc's output is held until vitest ends, so it does not interleave with
// vitest's live report. Exits non-zero when any of the four fails. Extra arguments go to vitest
// (`npm test -- tests/site`).
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

const checks = [background("tsc", "tsc", ["-p", "tsconfig.json"])];

const astroCheck = spawnSync("astro", ["check", "--root", "site"], {
  stdio: "inherit",
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
});
if (astroCheck.status !== 0) {
  // tsc's verdict too, so one run reports both type-checks.
  const [tsc] = await Promise.all(checks);
  if (tsc.code !== 0) process.stdout.write(`\n── tsc ──\n${tsc.output.trimEnd()}\n`);
  console.error(`\nnpm test: astro check failed (exit ${astroCheck.status ?? astroCheck.signal})${tsc.code !== 0 ? ", and tsc" : ""}.`);
  process.exit(1);
}

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
  if (outcome.code === 0) continue; // tsc says nothing when clean
  process.stdout.write(`\n── ${outcome.name} ──\n${outcome.output.trimEnd()}\n`);
}
const failed = [...outcomes.filter((o) => o.code !== 0).map((o) => `${o.name} (exit ${o.code})`)];
if (vitestCode !== 0) failed.push(`vitest (exit ${vitestCode})`);
if (failed.length > 0) {
  console.error(`\nnpm test: failed: ${failed.join(", ")}.`);
  process.exit(1);
}
console.log("\nnpm test: biome ci, astro check, vitest and tsc all passed.");
