// The internal build's metrics page runs `sitrep metrics --json` as a subprocess, exactly as a
// user would, so the page and the CLI can never disagree. When the command is missing or fails
// (no git history, a shallow clone), the page shows why instead of inventing numbers.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildContext } from "./build-context.ts";

const cliPath = fileURLToPath(new URL("../../scripts/cli.ts", import.meta.url));

export type MetricsReport =
  | { available: true; data: unknown }
  | { available: false; reason: string };

export function metricsReport(context: BuildContext): MetricsReport {
  if (context.audience !== "internal") return { available: false, reason: "Metrics are only in the internal build." };
  if (!existsSync(path.join(path.dirname(cliPath), "commands", "metrics.ts"))) {
    return { available: false, reason: "This version of sitrep has no `metrics` command yet." };
  }
  const result = spawnSync(process.execPath, [cliPath, "metrics", "--json"], {
    cwd: context.repository.root,
    env: { ...process.env, NO_COLOR: "1", SITREP_NOW: context.now.toISOString() },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const message = (result.stderr || result.stdout || String(result.error ?? "")).trim().split("\n").slice(0, 6).join("\n");
    return { available: false, reason: `\`sitrep metrics --json\` failed (exit ${result.status}): ${message}` };
  }
  try {
    return { available: true, data: JSON.parse(result.stdout) };
  } catch {
    return { available: false, reason: "`sitrep metrics --json` printed something that is not JSON." };
  }
}
