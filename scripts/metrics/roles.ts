// Role concentration: is incident command spread over people, or does one person carry it? Pure.
import type { IncidentRecord } from "../records/record-types.ts";
import { rate } from "./statistics.ts";

export interface RoleMetrics {
  /** Incidents that name a commander. */
  with_commander: number;
  distinct_commanders: number;
  /** The handle that led the most incidents (ties: alphabetical first), or null. */
  busiest_commander: string | null;
  busiest_count: number;
  /** busiest_count ÷ with_commander. */
  busiest_share: number | null;
}

export function roleMetrics(incidents: readonly IncidentRecord[]): RoleMetrics {
  const counts = new Map<string, number>();
  for (const { data } of incidents) {
    const commander = data.roles?.commander;
    if (commander) counts.set(commander, (counts.get(commander) ?? 0) + 1);
  }
  const withCommander = [...counts.values()].reduce((a, b) => a + b, 0);
  const [busiest] = [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    with_commander: withCommander,
    distinct_commanders: counts.size,
    busiest_commander: busiest?.[0] ?? null,
    busiest_count: busiest?.[1] ?? 0,
    busiest_share: rate(busiest?.[1] ?? 0, withCommander),
  };
}
