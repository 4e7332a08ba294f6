// `node tools/test-cpu.ts [vitest arguments]`: runs vitest with every file's CPU measured
// (tools/test-cpu-setup.ts) and prints the whole run's CPU, then the files that cost the most.
// The suite's length on a busy 2-core machine is decided by its CPU, not by its wall time, which
// swings with the load: measure this before and after a change to the tests (decision 0191).
// Linux only (/proc). The log stays in test-cpu.jsonl under the temp folder for a closer look.
// Where it may make a cgroup (root in a container, or a delegated cgroup v2), the run gets its own
// and the CPU of every process it started, Chromium's included, is exact whatever else the machine
// runs (decision 0186); otherwise only the machine's busy time shows Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * A cgroup of its own for this process and everything it starts (cgroup v1's cpuacct controller,
 * or cgroup v2's cpu.stat): Chromium's renderers, which no process waits for, stay in it when
 * orphaned, and no other process is in it. `finish()` waits (up to 5 s) for the processes still
 * closing, returns the CPU seconds (user, system) of all of them, moves this process back out and
 * removes the cgroup. Undefined when this user may not make one (the usual case outside a container).
 */
function ownCgroup(): { finish(): [number, number] } | undefined {
  const v1 = "/sys/fs/cgroup/cpuacct";
  const v2 = readFileSync("/proc/self/cgroup", "utf8").match(/^0::(\/.*)$/m)?.[1];
  const parent = existsSync(path.join(v1, "cpuacct.usage")) ? v1 : v2 !== undefined ? path.join("/sys/fs/cgroup", v2) : undefined;
  if (!parent) return undefined;
  const dir = path.join(parent, `sitrep-test-cpu-${process.pid}`);
  const remove = () => {
    try {
      rmdirSync(dir);
      return true;
    } catch {
      return false;
    }
  };
  try {
    mkdirSync(dir);
    writeFileSync(path.join(dir, "cgroup.procs"), String(process.pid));
  } catch {
    remove();
    return undefined;
  }
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  return {
    finish() {
      for (let waited = 0; waited < 5000 && read("cgroup.procs").trim().split("\n").length > 1; waited += 100) spawnSync("sleep", ["0.1"]);
      let usage: [number, number];
      if (parent === v1) usage = [Number(read("cpuacct.usage_user")) / 1e9, Number(read("cpuacct.usage_sys")) / 1e9];
      else {
        const stat = read("cpu.stat");
        const field = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(stat)?.[1] ?? 0) / 1e6;
        usage = [field("user_usec"), field("system_usec")];
      }
      writeFileSync(path.join(parent, "cgroup.procs"), String(process.pid));
      remove();
      return usage;
    },
  };
}

const log = path.join(os.tmpdir(), "test-cpu.jsonl");
rmSync(log, { force: true });
const load = () => os.loadavg()[0].toFixed(1);
const loadBefore = load();
const cgroup = ownCgroup();
const machineBefore = machine();
const started = performance.now();
const run = spawnSync("vitest", ["run", "--config", "tools/vitest-cpu.config.ts", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, SITREP_TEST_CPU_LOG: log },
});
const wall = (performance.now() - started) / 1000;
const [machineUser, machineSys] = machine().map((v, i) => v - machineBefore[i]);
const own = cgroup?.finish();
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
if (own)
  console.log(
    `this run's own processes (a cgroup): ${own[0].toFixed(1)} s user + ${own[1].toFixed(1)} s system = ${(own[0] + own[1]).toFixed(1)} s (Chromium included; no other load)`,
  );
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
