// `node tools/test-cpu.ts [vitest arguments]`: runs vitest with every file's CPU measured
// (tools/test-cpu-setup.ts) and prints the whole run's CPU, then the files that cost the most.
// The suite's length on a busy 2-core machine is decided by its CPU, not by its wall time, which
// swings with the load: measure this before and after a change to the tests (decision 0191).
// Linux only (/proc). The log stays in test-cpu.jsonl under the temp folder for a closer look.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface FileCpu {
  file: string;
  wall: number;
  user: number;
  sys: number;
  childUser: number;
  childSys: number;
}

/** The whole machine's busy CPU seconds (user, system) from /proc/stat. */
function machine(): [number, number] {
  const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return [(user + nice) / 100, (system + irq + softirq) / 100];
}

const log = path.join(os.tmpdir(), "test-cpu.jsonl");
rmSync(log, { force: true });
const load = () => os.loadavg()[0].toFixed(1);
const loadBefore = load();
const machineBefore = machine();
const started = performance.now();
const run = spawnSync("vitest", ["run", "--config", "tools/vitest-cpu.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, SITREP_TEST_CPU_LOG: log },
});
const wall = (performance.now() - started) / 1000;
const [machineUser, machineSys] = machine().map((v, i) => v - machineBefore[i]);
// This process waited for vitest, so its children's CPU is vitest's, workers and Chromium included.
const stat = readFileSync("/proc/self/stat", "utf8");
const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
const [childUser, childSys] = [13, 14].map((i) => Number(fields[i]) / 100);

let files: FileCpu[] = [];
try {
  files = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FileCpu);
} catch {
  // No file finished (vitest failed to start): only the totals.
}
const total = (f: FileCpu) => f.user + f.sys + f.childUser + f.childSys;
const sum = (pick: (f: FileCpu) => number) => files.reduce((s, f) => s + pick(f), 0).toFixed(1);
console.log(
  `\nvitest: ${wall.toFixed(0)} s wall at load ${loadBefore} → ${load()}; CPU ${childUser.toFixed(1)} s user + ${childSys.toFixed(1)} s system = ${(childUser + childSys).toFixed(1)} s`,
);
console.log(
  `in ${files.length} files: ${sum(total)} s (workers ${sum((f) => f.user)} + ${sum((f) => f.sys)} s, the processes they started ${sum((f) => f.childUser)} + ${sum((f) => f.childSys)} s)`,
);
// Chromium's renderers are not waited for by their parents, so their CPU is in no process's
// children total: the machine's busy time shows it (on a quiet machine, the rest is noise).
console.log(
  `machine: ${machineUser.toFixed(1)} s user + ${machineSys.toFixed(1)} s system = ${(machineUser + machineSys).toFixed(1)} s busy (Chromium included; other load too)`,
);
console.log("\n   CPU s  started  wall s  file");
for (const f of [...files].sort((a, b) => total(b) - total(a)).slice(0, 25))
  console.log(
    `${total(f).toFixed(1).padStart(8)}  ${(f.childUser + f.childSys).toFixed(1).padStart(7)}  ${f.wall.toFixed(1).padStart(6)}  ${path.relative(process.cwd(), f.file)}`,
  );
console.log(`\n(each file's line: ${log})`);
process.exit(run.status ?? 1);
