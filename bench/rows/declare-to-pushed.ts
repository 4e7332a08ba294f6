// The 2 a.m. path on the example organisation, through the launcher: `sitrep declare` and then
// `sitrep publish` — branch, commit, push to a local bare remote, the fast-lane pull request
// opened on the GitHub API fake (testkit/) — against its floor, the same change committed and
// pushed by hand with git alone. Beside it, `declare` alone (issue 20: each authoring command
// under 0.5 s on the examples).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DECLARE_ARGUMENTS } from "../declare-arguments.ts";
import { BENCH_GIT_IDENTITY } from "../git-identity.ts";
import { measureProcess, medianRun, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { copyExampleRepo } from "../../testkit/example-org.ts";
import { startGithubServer } from "../../testkit/github-server.ts";

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/sitrep.mjs");
const RUNS = 3;

/** A fresh clone-like repository: the example records committed on main, pushed to a bare remote. */
function freshRepository(): { dir: string; cleanup: () => void } {
  const copy = copyExampleRepo("sitrep-bench-publish-");
  const remote = mkdtempSync(path.join(os.tmpdir(), "sitrep-bench-remote-"));
  const git = (cwd: string, args: string[]) =>
    execFileSync("git", args, { cwd, env: { ...process.env, ...BENCH_GIT_IDENTITY }, stdio: "pipe" });
  git(remote, ["init", "--quiet", "--bare", "--initial-branch=main"]);
  git(copy.dir, ["init", "--quiet", "--initial-branch=main"]);
  git(copy.dir, ["add", "--all"]);
  git(copy.dir, ["commit", "--quiet", "-m", "records"]);
  git(copy.dir, ["remote", "add", "origin", remote]);
  git(copy.dir, ["push", "--quiet", "-u", "origin", "main"]);
  git(copy.dir, ["remote", "set-head", "origin", "main"]);
  return {
    dir: copy.dir,
    cleanup: () => {
      copy.cleanup();
      rmSync(remote, { recursive: true, force: true });
    },
  };
}

async function median(measure: (dir: string) => Promise<ProcessMeasurement>): Promise<ProcessMeasurement> {
  const runs: ProcessMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    const repo = freshRepository();
    try {
      const result = await measure(repo.dir);
      if (result.code !== 0) throw new Error(`bench declare-to-pushed failed: ${result.stdout.slice(-1000)}${result.stderr.slice(-1000)}`);
      runs.push(result);
    } finally {
      repo.cleanup();
    }
  }
  return medianRun(runs);
}

export async function run(): Promise<BenchRow[]> {
  const server = await startGithubServer({ owner: "o", repo: "r" });
  try {
    const env = {
      ...BENCH_GIT_IDENTITY,
      SITREP_NOW: "2026-11-22T12:00:00Z",
      NO_COLOR: "1",
      GITHUB_TOKEN: "bench",
      GITHUB_REPOSITORY: "o/r",
      GITHUB_API_URL: server.url,
      SITREP_GITHUB_WRITE_INTERVAL_MS: "0",
    };
    const declare = [cli, ...DECLARE_ARGUMENTS];
    const node = JSON.stringify(process.execPath);
    const quoted = (args: string[]) => args.map((a) => `'${a}'`).join(" ");
    const path2am = await median((dir) =>
      measureProcess("sh", ["-c", `${node} ${quoted(declare)} >/dev/null && ${node} '${cli}' publish`], { cwd: dir, env }),
    );
    // The floor: the least git work that publishes the same file (the declare's output written by it, then timed git only).
    const floor = await median(async (dir) => {
      execFileSync(process.execPath, declare, { cwd: dir, env: { ...process.env, ...env }, stdio: "pipe" });
      return measureProcess(
        "sh",
        [
          "-c",
          "git switch --quiet -c incident/bench && git add incidents && git commit --quiet -m bench && git push --quiet -u origin incident/bench",
        ],
        { cwd: dir, env },
      );
    });
    const declareOnly = await median((dir) => measureProcess(process.execPath, declare, { cwd: dir, env }));
    const input = "example organisation (32 records), local bare remote, GitHub API fake";
    return [
      {
        name: "declare → pushed + PR",
        input,
        wallMs: path2am.wallMs,
        peakRssMb: path2am.peakRssMb,
        floorMs: floor.wallMs,
        note: `declare then publish (pull, branch, commit, push, PR with label); floor = git switch/add/commit/push by hand; median of ${RUNS}`,
      },
      {
        name: "sitrep declare (launcher)",
        input: "example organisation (32 records)",
        wallMs: declareOnly.wallMs,
        peakRssMb: declareOnly.peakRssMb,
        target: "< 0.5 s",
        note: `median of ${RUNS}`,
      },
    ];
  } finally {
    await server.close();
  }
}
