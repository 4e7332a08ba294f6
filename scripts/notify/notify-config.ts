// The configuration notify needs, and nothing else: sitrep.config.yaml, checked as `sitrep
// validate` checks it. Records are never read — the public build is notify's only input.
import { SitrepError } from "../errors.ts";
import { loadConfig } from "../records/load-config.ts";
import type { Config } from "../records/record-types.ts";

export function loadNotifyConfig(root: string): Config {
  const { source, config, findings } = loadConfig(root);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0 || config === undefined) {
    throw new SitrepError(
      `${source.path} has ${errors.length} error(s), so nothing was sent:\n${errors.map((f) => `  ${f.message} (${f.hint})`).join("\n")}`,
      {
        hint: "Run `npx sitrep validate` for their lines, fix them, then run notify again.",
        exitCode: 2,
      },
    );
  }
  return config;
}
