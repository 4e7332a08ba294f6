// A new team's first minutes: a records repository made by `sitrep init` from the `npm pack`
// tarball, its `npm install` (the real one, from the registry or npm's cache) and its first
// `sitrep build`, beside the floors: a bare Astro project's install, and a bare Astro build of
// the same number of pages. Also the tarball's size and the production install's size, and
// whether `npm ls --omit=dev` holds any test tooling (it must not).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureProcess, measureRepeatedly, type BenchRow, type ProcessMeasurement } from "../row.ts";
import { astroBuild, floorProject } from "../astro-build.ts";
import { installPacked, packSitrep } from "../../testkit/packed-sitrep.ts";

const NPM_INSTALL = ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
const DEV_TOOLING = /(^|\/)(vitest|playwright-core|@sparticuz\/chromium|typescript|@astrojs\/check)$/;

function duMb(dir: string, exclude: string[] = []): number {
  const args = ["-sk", ...exclude.map((e) => `--exclude=${e}`), dir];
  return Number(spawnSync("du", args, { encoding: "utf8" }).stdout.split("\t")[0]) / 1024;
}

export async function run(): Promise<BenchRow[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), "sitrep-bench-records-"));
  try {
    const packed = packSitrep(work);
    const cli = installPacked(packed.tarball, path.join(work, "tool"));
    const repo = path.join(work, "acme-status");
    const init = spawnSync(
      process.execPath,
      [
        cli,
        "init",
        repo,
        "--title",
        "Acme Status",
        "--url",
        "https://status.acme.example",
        "-c",
        "api=Public API@Platform",
        "-c",
        "web=Web app",
      ],
      { encoding: "utf8", input: "" },
    );
    if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
    // The released version is not on the registry from here: install the tarball in its place.
    const pkgFile = path.join(repo, "package.json");
    const pkg = JSON.parse(readFileSync(pkgFile, "utf8"));
    pkg.dependencies.sitrep = `file:${packed.tarball}`;
    writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));

    const install = await measureProcess("npm", NPM_INSTALL, { cwd: repo });
    if (install.code !== 0) throw new Error(`npm install failed: ${install.stderr.slice(-1500)}`);
    const prod = spawnSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: repo, encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean);
    const tooling = prod.filter((p) => DEV_TOOLING.test(p.split("node_modules/").slice(1).join("node_modules/").replace(/\/$/, "")));
    const installMb = duMb(path.join(repo, "node_modules"));
    // The `node` devDependency (Node 24 for machines with an older one) is not in a production install.
    const prodMb = duMb(path.join(repo, "node_modules"), ["node_modules/node"]);

    // A command in the records repository, the engine stripped of its types first (the first run
    // after an install: the cache emptied before each) and then from the cache (decision 0187).
    const launcher = path.join(repo, "node_modules/sitrep/scripts/sitrep.mjs");
    const status = () => measureProcess(process.execPath, [launcher, "status"], { cwd: repo, env: { SITREP_NOW: "2026-11-22T12:00:00Z" } });
    const strippedCache = path.join(repo, "node_modules/.cache/sitrep-stripped");
    const statusCold = await measureRepeatedly(3, () => {
      rmSync(strippedCache, { recursive: true, force: true });
      return status();
    });
    const statusWarm = await measureRepeatedly(5, status);
    const version = await measureRepeatedly(5, () => measureProcess(process.execPath, [launcher, "--version"], { cwd: repo }));
    for (const m of [statusCold, statusWarm, version])
      if (m.code !== 0) throw new Error(`sitrep in the records repository failed: ${m.stderr.slice(-1500)}`);

    const build = await measureProcess(process.execPath, [launcher, "build", "--quiet"], {
      cwd: repo,
      env: { SITREP_NOW: "2026-11-22T12:00:00Z" },
    });
    if (build.code !== 0) throw new Error(`first build failed: ${build.stderr.slice(-1500)}`);
    const pages = Number(/Built (\d+) pages/.exec(build.stdout)?.[1]);
    if (!pages) throw new Error(`the build did not say how many pages it built: ${build.stdout}`);

    // Floors: a bare Astro project's install (the same Astro), and its build of as many pages.
    const bare = path.join(work, "bare-astro");
    mkdirSync(bare);
    writeFileSync(
      path.join(bare, "package.json"),
      JSON.stringify({ name: "bare", private: true, type: "module", dependencies: { astro: pkg.dependencies.astro ?? "7.3.4" } }),
    );
    const bareInstall = await measureProcess("npm", NPM_INSTALL, { cwd: bare });
    if (bareInstall.code !== 0) throw new Error(`bare npm install failed: ${bareInstall.stderr.slice(-1500)}`);
    const bareMb = duMb(path.join(bare, "node_modules"));
    const floorDir = floorProject(pages);
    let floorBuild: ProcessMeasurement;
    try {
      floorBuild = await astroBuild(floorDir, ["--root", floorDir, "--outDir", path.join(floorDir, "dist")], {});
    } finally {
      rmSync(floorDir, { recursive: true, force: true });
    }

    const files = (
      readdirSync(repo, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[]
    ).filter((e) => e.isFile() && !/(^|\/)(node_modules|\.git|dist|\.astro)(\/|$)/.test(path.relative(repo, e.parentPath))).length;
    return [
      {
        name: "package tarball",
        input: `npm pack, ${packed.files.length} files`,
        note: `${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked`,
      },
      {
        name: "records repo: npm install",
        input: `init from the tarball (${files} files before install)`,
        wallMs: install.wallMs,
        peakRssMb: install.peakRssMb,
        floorMs: bareInstall.wallMs,
        note: `floor: bare Astro install; ${installMb.toFixed(0)} MB (${prodMb.toFixed(0)} MB without the node devDependency) vs ${bareMb.toFixed(0)} MB; ${prod.length} production packages, test tooling among them: ${tooling.length === 0 ? "none" : tooling.join(", ")}`,
      },
      {
        name: "records repo: sitrep status, first run",
        input: "records repository from the tarball, stripped-TypeScript cache empty",
        wallMs: statusCold.wallMs,
        peakRssMb: statusCold.peakRssMb,
        floorMs: version.wallMs,
        note: "cold: strips the engine's types and fills node_modules/.cache (decision 0187); floor = sitrep --version from the cache; median of 3",
      },
      {
        name: "records repo: sitrep status",
        input: "records repository from the tarball",
        wallMs: statusWarm.wallMs,
        peakRssMb: statusWarm.peakRssMb,
        floorMs: version.wallMs,
        target: "< 0.5 s",
        note: "warm: the stripped engine from node_modules/.cache; floor = sitrep --version; median of 5",
      },
      {
        name: "records repo: first build",
        input: `${pages} pages (no records yet)`,
        wallMs: build.wallMs,
        peakRssMb: build.peakRssMb,
        floorMs: floorBuild.wallMs,
        note: "floor: bare Astro build of as many pages; the build includes the search index",
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
