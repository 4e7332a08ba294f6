// sitrep.config.yaml as the rest of sitrep uses it: read, schema-checked, ids checked, defaults
// applied. Every command that needs the configuration (alone or with the records) starts here.
import type { Finding } from "./finding.ts";
import { readConfig } from "./read-config.ts";
import { checkSchema } from "./schema-check.ts";
import { checkConfigIds } from "./config-ids.ts";
import { checkNotifications } from "./config-notifications.ts";
import { checkConfigSite } from "./config-site.ts";
import { checkRecordFormat } from "./record-format.ts";
import { checkBranding } from "./config-branding.ts";
import type { Config, SourceFile } from "./record-types.ts";

export interface LoadedConfig {
  source: SourceFile;
  /** Undefined when the file is missing, unreadable or not schema-valid. */
  config: Config | undefined;
  findings: Finding[];
}

export function loadConfig(root: string): LoadedConfig {
  const { source, data, findings } = readConfig(root);
  if (data === undefined) return { source, config: undefined, findings };
  // Before the schema: a newer format's fields would read as a list of unknown ones.
  const format = checkRecordFormat(source.path, data);
  if (format?.severity === "error") return { source, config: undefined, findings: [...findings, format] };
  if (format) findings.push(format);
  // The check fills in the schema's defaults.
  const schemaFindings = checkSchema("config", source.path, data);
  if (schemaFindings.length > 0) return { source, config: undefined, findings: [...findings, ...schemaFindings] };
  const config = data as Config;
  return {
    source,
    config,
    findings: [
      ...findings,
      ...checkConfigIds(source.path, config),
      ...checkConfigSite(source.path, config),
      ...checkBranding(root, source.path, config),
      ...checkNotifications(source.path, config),
    ],
  };
}
