// The component questions of the wizards: pick from the configured components (no id to
// mistype), then, for an incident, each one's impact from the allowed list.
import type { Config } from "../../records/record-types.ts";
import { askChoice, askMany, type AskContext } from "./ask.ts";

const IMPACT_LABELS: Record<string, string> = {
  degraded_performance: "slow or flaky, but working",
  partial_outage: "failing for some customers or some requests",
  major_outage: "down for most or all customers",
};

export function componentOptions(config: Config): { value: string; label: string; hint?: string }[] {
  return config.components.map((c) => ({ value: c.id, label: c.id, hint: c.name }));
}

/** Components and their impacts, asked one component at a time (partial_outage preselected). */
export async function askComponentImpacts<T extends string>(
  config: Config,
  ask: AskContext,
  impacts: readonly T[],
): Promise<Record<string, T>> {
  const ids = await askMany([], "component", ask, {
    message: "Affected components (space to pick, enter to confirm)",
    options: componentOptions(config),
  });
  const result: Record<string, T> = {};
  for (const id of ids) {
    result[id] = (await askChoice(undefined, "component", ask, {
      message: `Impact on ${id}`,
      options: impacts.map((impact) => ({ value: impact, label: impact, hint: IMPACT_LABELS[impact] })),
      initialValue: impacts.find((i) => i === "partial_outage"),
    })) as T;
  }
  return result;
}
