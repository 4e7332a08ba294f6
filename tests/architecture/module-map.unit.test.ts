// The module map of docs/architecture.md is a test: dependency-cruiser checks every import of
// scripts/ and site/ against .dependency-cruiser.cjs (one rule per folder, `nothing-imports-a-command`,
// `folder-not-on-map`, `no-circular`, and the two that keep every build's modules few:
// `no-astro-config-entry`, `chart-libraries-load-on-use`). A wrong import fails here with the rule it
// breaks; the planted imports below show that each kind of rule can fire. In-process: no subprocess.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cruise, type ICruiseOptions, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { repoRoot } from "../helpers/run-cli.ts";

const options: ICruiseOptions = await extractDepcruiseOptions(path.join(repoRoot, ".dependency-cruiser.cjs"));

async function violations(baseDir: string, roots: string[]): Promise<IViolation[]> {
  const result = await cruise(roots, { ...options, validate: true, baseDir });
  if (typeof result.output === "string") throw new Error("dependency-cruiser returned text, not a result");
  return result.output.summary.violations;
}

/** `rule: from → to`; a cycle as its members in name order (where the walk enters it varies). */
function describeViolation(v: IViolation): string {
  if (!v.cycle) return `${v.rule.name}: ${v.from} → ${v.to}`;
  return `${v.rule.name}: ${[...new Set([v.from, ...v.cycle.map((c) => c.name)])].sort().join(" ↔ ")}`;
}

describe("the module map", () => {
  it("holds for every import of scripts/ and site/", async () => {
    const found = await violations(repoRoot, ["scripts", "site/data", "site/src", "site/astro.config.ts"]);
    expect(found.map(describeViolation)).toEqual([]);
  });
});

describe("a planted wrong import", () => {
  const root = mkdtempSync(path.join(tmpdir(), "sitrep-module-map-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const plant = (files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  };
  plant({
    // Allowed: down a layer, the core, the new folders' directions.
    "scripts/errors.ts": `export class SitrepError extends Error {}\n`,
    "scripts/core/time.ts": `export const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);\n`,
    "scripts/records/model.ts": `import { SitrepError } from "../errors.ts";\nexport type Id = string; export const e = SitrepError;\n`,
    "scripts/model/facts.ts": `import type { Id } from "../records/model.ts";\nimport { utcDate } from "../core/time.ts";\nexport const f = (id: Id) => id + utcDate(0);\n`,
    "scripts/import/from-csv.ts": `import { f } from "../model/facts.ts";\nexport const g = f;\n`,
    "scripts/oncall/rota.ts": `import { f } from "../model/facts.ts";\nexport const r = f;\n`,
    "scripts/history/read.ts": `import type { Id } from "../records/model.ts";\nexport const h = (id: Id) => id;\n`,
    // Wrong: on-call reaching into history (validate reads on-call, and history reads validate).
    "scripts/oncall/handoffs.ts": `import { h } from "../history/read.ts";\nexport const o = h;\n`,
    // Wrong: records (the bottom) reaching up into notify, as load-config.ts once did.
    "scripts/records/load-config.ts": `import { n } from "../notify/check.ts";\nexport const c = n;\n`,
    "scripts/notify/check.ts": `export const n = 1;\n`,
    // Wrong: metrics reading the CLI's flag parsing.
    "scripts/metrics/selection.ts": `import { flag } from "../cli/flags.ts";\nexport const s = flag;\n`,
    "scripts/cli/flags.ts": `export const flag = "--since";\n`,
    // Wrong: a cycle inside a folder.
    "scripts/status/a.ts": `import { b } from "./b.ts";\nexport const a = () => b;\n`,
    "scripts/status/b.ts": `import type { a } from "./a.ts";\nexport const b = 1; export type A = typeof a;\n`,
    // Wrong: a library module loading a command.
    "scripts/publish/feed.ts": `import { run } from "../commands/validate.ts";\nexport const x = run;\n`,
    "scripts/commands/validate.ts": `export const run = () => 0;\n`,
    // Wrong: a folder the map does not know.
    "scripts/helpers/misc.ts": `import { utcDate } from "../core/time.ts";\nexport const m = utcDate;\n`,
    // Allowed: the chart module imported where charts are drawn, and its types anywhere.
    "site/data/dashboard-charts.ts": `export type Charts = string[];\nexport const charts = (): Charts => [];\n`,
    "site/data/dashboard.ts": `import type { Charts } from "./dashboard-charts.ts";\nexport async function board(): Promise<Charts> {\n  const { charts } = await import("./dashboard-charts.ts");\n  return charts();\n}\n`,
    // Wrong: the chart module loaded by every build that loads this one.
    "site/data/status-board.ts": `import { charts } from "./dashboard-charts.ts";\nexport const s = charts;\n`,
    // Wrong: the config through astro/config (svgo and csso in every build).
    "site/astro.config.ts": `import { defineConfig } from "astro/config";\nexport default defineConfig({});\n`,
  });

  it("fails with the name of the rule it breaks, and only for the wrong imports", async () => {
    const found = (await violations(root, ["scripts", "site"])).map(describeViolation).sort();
    expect(found).toEqual(
      [
        "records-imports-only-core: scripts/records/load-config.ts → scripts/notify/check.ts",
        "metrics-imports-only-oncall-history-validate-model-records-core: scripts/metrics/selection.ts → scripts/cli/flags.ts",
        "oncall-imports-only-model-records-core: scripts/oncall/handoffs.ts → scripts/history/read.ts",
        "publish-imports-only-status-model-records-core: scripts/publish/feed.ts → scripts/commands/validate.ts",
        "nothing-imports-a-command: scripts/publish/feed.ts → scripts/commands/validate.ts",
        "folder-not-on-map: scripts/helpers/misc.ts → scripts/core/time.ts",
        "no-circular: scripts/status/a.ts ↔ scripts/status/b.ts",
        "chart-libraries-load-on-use: site/data/status-board.ts → site/data/dashboard-charts.ts",
        "no-astro-config-entry: site/astro.config.ts → astro/config",
      ].sort(),
    );
  });
});
