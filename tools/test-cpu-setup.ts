// vitest setup file of `node tools/test-cpu.ts`: after each test file, one JSON line with the CPU
// its worker used since the previous file ended (its imports and collection included) and the CPU
// of the processes it started and waited for (git, the CLI, site builds). Linux only: it reads
// /proc/self/stat. A measuring aid (decision 0191), never part of `npm test`.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, expect } from "vitest";

/** utime, stime, cutime, cstime of this process in seconds (fields 14-17 of /proc/self/stat). */
function cpu(): number[] {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return [11, 12, 13, 14].map((i) => Number(fields[i]) / 100);
}

// Kept on globalThis: with isolate: false this module runs again for every file of a worker.
const state = globalThis as { sitrepCpuLast?: number[]; sitrepWallLast?: number };
state.sitrepCpuLast ??= [0, 0, 0, 0];
state.sitrepWallLast ??= performance.timeOrigin;
afterAll(() => {
  const file = expect.getState().testPath ?? "";
  const now = cpu();
  const [user, sys, childUser, childSys] = now.map((value, i) => Math.round((value - (state.sitrepCpuLast?.[i] ?? 0)) * 100) / 100);
  const wall = Date.now();
  const line = { file, pid: process.pid, wall: (wall - (state.sitrepWallLast ?? wall)) / 1000, user, sys, childUser, childSys };
  appendFileSync(process.env.SITREP_TEST_CPU_LOG ?? "test-cpu.jsonl", `${JSON.stringify(line)}\n`);
  state.sitrepCpuLast = now;
  state.sitrepWallLast = wall;
});
