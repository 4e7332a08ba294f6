// Statuspage impact → sitrep severity. By default the first severity in sitrep.config.yaml whose
// `impact` is that impact (the template's SEV1 critical … SEV4 none); `--severity-map
// critical=SEV1,major=SEV2,…` changes any of them. Unknown impacts or severities are usage
// errors that name the closest id. Pure.
import { UsageError } from "../errors.ts";
import { closest } from "../records/closest.ts";
import type { Config } from "../records/record-types.ts";
import type { SourceImpact } from "./imported.ts";

const IMPACTS: readonly SourceImpact[] = ["none", "minor", "major", "critical"];

export type SeverityMap = Record<SourceImpact, string>;

export function severityMap(config: Config, flag: string | undefined): SeverityMap {
  const ids = config.severities.map((s) => s.id);
  const map = {} as SeverityMap;
  for (const impact of IMPACTS) {
    const match = config.severities.find((s) => s.impact === impact);
    if (match) map[impact] = match.id;
  }
  for (const pair of (flag ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [impact, severity] = pair.split("=").map((p) => p.trim());
    if (!IMPACTS.includes(impact as SourceImpact) || !severity) {
      throw new UsageError(
        `--severity-map has \`${pair}\`, not <impact>=<severity>.`,
        `Impacts are ${IMPACTS.join(", ")}; e.g. --severity-map critical=SEV1,major=SEV2.`,
      );
    }
    if (!ids.includes(severity)) {
      const near = closest(severity, ids);
      throw new UsageError(
        `--severity-map names \`${severity}\`, which is not a severity in sitrep.config.yaml.`,
        `${near ? `Did you mean \`${near}\`? ` : ""}Severities: ${ids.join(", ")}.`,
      );
    }
    map[impact as SourceImpact] = severity;
  }
  return map;
}

/** The severity for an impact, or a usage error saying how to map it. */
export function severityFor(map: SeverityMap, impact: SourceImpact, label: string): string {
  const severity = map[impact];
  if (severity) return severity;
  throw new UsageError(
    `Incident ${label} has the impact \`${impact}\`, and no severity in sitrep.config.yaml has \`impact: ${impact}\`.`,
    `Map it: --severity-map ${impact}=<severity id>, or give a severity \`impact: ${impact}\` in sitrep.config.yaml.`,
  );
}
