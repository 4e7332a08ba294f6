// One line of the benchmark table, and a helper to time a whole process with its peak RSS.
import { spawn } from "node:child_process";

export interface BenchRow {
  name: string;
  /** What was measured on, e.g. "10,000 synthetic records". */
  input: string;
  wallMs?: number;
  peakRssMb?: number;
  /** The least work that could give the same answer, timed the same way. */
  floorMs?: number;
  target?: string;
  note?: string;
}

export interface ProcessMeasurement {
  wallMs: number;
  peakRssMb: number;
  /**
   * User + system CPU of the whole process tree. Unlike wall time it does not grow while the
   * process waits for a core on a busy machine, only when the machine itself is slower.
   */
  cpuMs: number;
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command as a whole process and measures wall time, CPU and peak RSS. CPU and peak RSS
 * come from getrusage(RUSAGE_CHILDREN) — the CPU of every process in the tree that was waited for,
 * and the largest resident set among them — read by a tiny Python wrapper, since Node cannot read
 * children's rusage.
 */
export function measureProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<ProcessMeasurement> {
  const wrapper = [
    "import resource, subprocess, sys, time",
    "t = time.perf_counter()",
    "p = subprocess.run(sys.argv[1:])",
    "w = (time.perf_counter() - t) * 1000",
    "r = resource.getrusage(resource.RUSAGE_CHILDREN)",
    "sys.stderr.write('\\n@@bench %.3f %d %d %.3f\\n' % (w, r.ru_maxrss, p.returncode, (r.ru_utime + r.ru_stime) * 1000))",
  ].join("\n");
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", wrapper, command, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", () => {
      const match = /\n@@bench ([\d.]+) (\d+) (-?\d+) ([\d.]+)\n$/.exec(stderr);
      if (!match) return reject(new Error(`could not measure ${command}: ${stderr.slice(-500)}`));
      resolve({
        wallMs: Number(match[1]),
        peakRssMb: Number(match[2]) / 1024,
        code: Number(match[3]),
        cpuMs: Number(match[4]),
        stdout,
        stderr: stderr.slice(0, match.index),
      });
    });
  });
}

/** Median of several runs of the same measurement (wall), keeping the largest peak RSS. */
export async function measureRepeatedly(times: number, measure: () => Promise<ProcessMeasurement>): Promise<ProcessMeasurement> {
  const runs: ProcessMeasurement[] = [];
  for (let i = 0; i < times; i++) runs.push(await measure());
  return medianRun(runs);
}

/** The run with the median wall time, with the median CPU of all runs and the largest peak RSS. */
export function medianRun(runs: readonly ProcessMeasurement[]): ProcessMeasurement {
  const middle = Math.floor(runs.length / 2);
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b);
  return { ...byWall[middle], cpuMs: cpu[middle], peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) };
}

/** "CPU 8.3 s vs floor 4.0 s (2.09×)": user + system of both process trees, medians. */
export function cpuNote(command: ProcessMeasurement, floor: ProcessMeasurement): string {
  return `CPU ${(command.cpuMs / 1000).toFixed(1)} s vs floor ${(floor.cpuMs / 1000).toFixed(1)} s (${(command.cpuMs / floor.cpuMs).toFixed(2)}×)`;
}
