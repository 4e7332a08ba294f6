// The configuration notify needs, and nothing else: sitrep.config.yaml, checked like
// `sitrep validate` checks it. Records are never read — the public build is notify's only input.
import { SitrepError } from "../errors.ts";
import type { Config, ConfigData } from "../records/model.ts";
import { applyConfigDefaults } from "../records/defaults.ts";
import { readConfig } from "../records/read-config.ts";
import { checkConfigIds } from "../validate/config-ids.ts";
import { checkSchema } from "../validate/schema-check.ts";
import { checkNotifications } from "./check-config.ts";

export function loadNotifyConfig(root: string): { config: Config; data: ConfigData } {
  const parsed = readConfig(root);
  const findings = [...parsed.findings];
  if (parsed.data !== undefined) findings.push(...checkSchema("config", parsed.source.path, parsed.data));
  let config: Config | undefined;
  if (findings.length === 0) {
    config = applyConfigDefaults(parsed.data as ConfigData);
    findings.push(...checkConfigIds(parsed.source.path, config), ...checkNotifications(parsed.source.path, parsed.data as ConfigData, config));
  }
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0 || config === undefined) {
    throw new SitrepError(`${parsed.source.path} has ${errors.length} error(s), so nothing was sent:\n${errors.map((f) => `  ${f.message} (${f.hint})`).join("\n")}`, {
      hint: "Run `npx sitrep validate` for their lines, fix them, then run notify again.",
      exitCode: 2,
    });
  }
  return { config, data: parsed.data as ConfigData };
}
