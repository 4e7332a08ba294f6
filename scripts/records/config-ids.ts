// Checks of the configuration that its schema cannot express: ids must be unique.
import type { Config } from "./record-types.ts";
import type { Finding } from "./finding.ts";

export function checkConfigIds(file: string, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const [list, name] of [
    [config.components, "components"],
    [config.severities, "severities"],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        findings.push({
          file,
          rule: "config-unique-ids",
          severity: "error",
          path: [name, i, "id"],
          message: `${name}[${i}] repeats the id \`${item.id}\`.`,
          hint: `Ids in \`${name}\` must be unique; rename or remove one.`,
        });
      }
      seen.add(item.id);
    });
  }
  return findings;
}
