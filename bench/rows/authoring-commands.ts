// Each 2 a.m. command through the launcher on the example organisation — declare, update,
// acknowledge, mitigate, resolve, status — against two floors measured in the same run: the
// launcher doing nothing (`sitrep --version`: Node, the launcher, the version check) and Node
// doing nothing (`node -e 0`). The target is 0.5 s each on a quiet machine (ADR 0100: a run loads
// what it needs); the ratio to `--version` is what sitrep's own work costs.
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DECLARE_ARGUMENTS } from "../declare-arguments.ts";
import { BENCH_GIT_IDENTITY } from "../git-identity.ts";
import { measureProcess, medianRun, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { copyExampleRepo } from "../../testkit/example-org.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");
const RUNS = 5;
const env = { ...BENCH_GIT_IDENTITY, SITREP_NOW: "2026-11-22T12:00:00Z", NO_COLOR: "1" };

/** The commands in the order an incident meets them; `id` is the declared incident's. */
const STEPS: [string, (id: string) => string[]][] = [
  ["declare", () => [...DECLARE_ARGUMENTS, "--json"]],
  ["update", (id) => ["update", id, "--status", "identified", "--message", "A bad deploy; rolling back."]],
  ["acknowledge", (id) => ["acknowledge", id]],
  ["mitigate", (id) => ["mitigate", id]],
  ["resolve", (id) => ["resolve", id, "--message", "Resolved."]],
  ["status", () => ["status"]],
];

export async function run(): Promise<BenchRow[]> {
  const times = new Map<string, ProcessMeasurement[]>(STEPS.map(([name]) => [name, []]));
  const version: ProcessMeasurement[] = [];
  const bare: ProcessMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh copy each round, as a git repository (what a responder's clone is).
    const copy = copyExampleRepo("sitrep-bench-commands-");
    try {
      const git = (args: string[]) =>
        execFileSync("git", args, { cwd: copy.dir, env: { ...process.env, ...BENCH_GIT_IDENTITY }, stdio: "pipe" });
      git(["init", "--quiet", "--initial-branch=main"]);
      git(["add", "--all"]);
      git(["commit", "--quiet", "-m", "records"]);
      // The floors interleaved with the commands, so a busy moment weighs on both alike.
      version.push(await measureProcess(process.execPath, [cli, "--version"], { cwd: copy.dir, env }));
      bare.push(await measureProcess(process.execPath, ["-e", "0"], { cwd: copy.dir, env }));
      let id = "";
      for (const [name, args] of STEPS) {
        const result = await measureProcess(process.execPath, [cli, ...args(id)], { cwd: copy.dir, env });
        if (result.code !== 0) throw new Error(`bench ${name} failed: ${result.stderr.slice(0, 2000)}`);
        if (name === "declare") id = JSON.parse(result.stdout).id as string;
        times.get(name)!.push(result);
      }
    } finally {
      copy.cleanup();
    }
  }
  const floor = medianRun(version);
  const node = medianRun(bare);
  const input = "example organisation (32 records), git repository";
  const load = os.loadavg()[0].toFixed(1);
  return [
    { name: "node -e 0", input: "—", wallMs: node.wallMs, peakRssMb: node.peakRssMb, note: `Node alone; median of ${RUNS}` },
    {
      name: "sitrep --version (launcher)",
      input: "—",
      wallMs: floor.wallMs,
      peakRssMb: floor.peakRssMb,
      floorMs: node.wallMs,
      note: `floor of the rows below; ratio to node -e 0; median of ${RUNS}`,
    },
    ...STEPS.map(([name]) => {
      const m = medianRun(times.get(name)!);
      return {
        name: `sitrep ${name} (launcher)`,
        input,
        wallMs: m.wallMs,
        peakRssMb: m.peakRssMb,
        floorMs: floor.wallMs,
        target: "< 0.5 s",
        note: `floor = sitrep --version; median of ${RUNS}; 1-min load ${load}`,
      };
    }),
  ];
}
