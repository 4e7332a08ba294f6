// Command-line flags → a metrics Selection, checked against the config (unknown ids are usage
// errors). Flag parsing is the CLI's; the Selection and its default are metrics/selection.ts.
import { UsageError } from "../errors.ts";
import type { OptionSpec, OptionValues } from "./command.ts";
import type { Config } from "../records/record-types.ts";
import { GROUP_BY, type GroupBy, type Selection } from "../metrics/selection.ts";
import { parseBoundary } from "../metrics/time-boundaries.ts";
import { matchChoice } from "./match-choice.ts";

export const SELECTION_OPTIONS: Record<string, OptionSpec> = {
  since: { type: "string", valueName: "date", description: "Only incidents that started on or after this date or time (UTC dates)." },
  until: { type: "string", valueName: "date", description: "Only incidents that started on or before this date (the whole day) or time." },
  severity: {
    type: "string",
    multiple: true,
    valueName: "id",
    description: "Only these severities (comma-separated or repeated), e.g. SEV1,SEV2.",
  },
  component: {
    type: "string",
    multiple: true,
    valueName: "id",
    description: "Only incidents that touched these components (comma-separated or repeated).",
  },
  "include-drills": { type: "boolean", description: "Count game-day drills too." },
  "include-near-misses": { type: "boolean", description: "Count near-misses too." },
};

export function selectionFromFlags(values: OptionValues, config: Config): Selection {
  const list = (name: string) =>
    ((values[name] as string[] | undefined) ?? [])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
  const severities = list("severity").map(
    (s) =>
      matchChoice(
        s,
        config.severities.map((x) => x.id),
      ) ?? s,
  );
  const components = list("component");
  const knownSeverities = config.severities.map((s) => s.id);
  const knownComponents = config.components.map((c) => c.id);
  for (const s of severities) {
    if (!knownSeverities.includes(s))
      throw new UsageError(`Unknown severity \`${s}\`.`, `Severities in sitrep.config.yaml: ${knownSeverities.join(", ")}.`);
  }
  for (const c of components) {
    if (!knownComponents.includes(c))
      throw new UsageError(`Unknown component \`${c}\`.`, `Components in sitrep.config.yaml: ${knownComponents.join(", ")}.`);
  }
  const since = typeof values.since === "string" ? parseBoundary("since", values.since, "start") : undefined;
  const until = typeof values.until === "string" ? parseBoundary("until", values.until, "end") : undefined;
  if (since && until && since > until)
    throw new UsageError(`--since ${values.since} is after --until ${values.until}.`, "Swap them, or widen the range.");
  return {
    since,
    until,
    severities,
    components,
    includeDrills: values["include-drills"] === true,
    includeNearMisses: values["include-near-misses"] === true,
  };
}

export function groupByFromFlag(value: unknown): GroupBy | undefined {
  if (value === undefined) return undefined;
  const match = typeof value === "string" ? matchChoice(value, GROUP_BY) : undefined;
  if (match) return match;
  throw new UsageError(`--by is \`${String(value)}\`.`, `Group by one of: ${GROUP_BY.join(", ")}.`);
}
