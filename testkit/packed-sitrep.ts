// sitrep as a team gets it: `npm pack` of this repository, and that tarball installed into a
// records repository. The install unpacks the tarball into <project>/node_modules/sitrep — so
// only the files the package ships are there, and the engine runs from under node_modules as it
// does after `npm install` — and links the dependencies from this repository's node_modules
// instead of downloading them (the tests run offline and in seconds; the bench's `npm ci` row
// does the real install).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root: what `npm pack` packs (the engine, not its records: the pack ships no records). */
const engineRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface PackedSitrep {
  tarball: string;
  /** Size of the tarball in bytes. */
  size: number;
  unpackedSize: number;
  /** Paths inside the package. */
  files: string[];
}

/** `npm pack` into `destination`. */
export function packSitrep(destination: string): PackedSitrep {
  const result = spawnSync("npm", ["pack", "--json", "--pack-destination", destination], {
    cwd: engineRoot,
    encoding: "utf8",
    env: { ...process.env, npm_config_loglevel: "error" },
  });
  if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
  const [info] = JSON.parse(result.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  return {
    tarball: path.join(destination, info.filename),
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((f) => f.path),
  };
}

/** Installs the tarball into `project` (see the header); returns the path of the `sitrep` launcher. */
export function installPacked(tarball: string, project: string): string {
  const modules = path.join(project, "node_modules");
  mkdirSync(modules, { recursive: true });
  const untar = spawnSync("tar", ["-xzf", tarball, "-C", modules], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  renameSync(path.join(modules, "package"), path.join(modules, "sitrep"));
  for (const entry of readdirSync(path.join(engineRoot, "node_modules"))) {
    if (entry === "sitrep" || entry === ".bin" || entry === ".cache" || entry.startsWith(".")) continue;
    const link = path.join(modules, entry);
    if (!existsSync(link)) symlinkSync(path.join(engineRoot, "node_modules", entry), link);
  }
  return path.join(modules, "sitrep", "scripts", "sitrep.mjs");
}
