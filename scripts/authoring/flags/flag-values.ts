// Flag values → checked record values, with errors that name the flag and the fix. Pure.
import { UsageError } from "../../errors.ts";
import type { Config, ComponentImpact } from "../../records/record-types.ts";
import { closest } from "../../records/closest.ts";
import { matchChoice } from "../../cli/match-choice.ts";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, worseStatus } from "../../model/vocabulary.ts";

export const IMPACTS = ["degraded_performance", "partial_outage", "major_outage", "under_maintenance"] as const;
export const UPDATE_IMPACTS = ["operational", ...IMPACTS] as const;
export type UpdateImpact = (typeof UPDATE_IMPACTS)[number];
export const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** A flag that may be given once or repeated: always a list. */
export function list(value: string | boolean | string[] | undefined): string[] {
  if (value === undefined || typeof value === "boolean") return [];
  return Array.isArray(value) ? value : [value];
}

export function str(value: string | boolean | string[] | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.at(-1);
  return undefined;
}

export function checkComponentId(id: string, config: Config, flag = "--component"): string {
  const ids = config.components.map((c) => c.id);
  if (ids.includes(id)) return id;
  const suggestion = closest(id, ids);
  throw new UsageError(
    `${flag}: unknown component \`${id}\`.`,
    `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Components in sitrep.config.yaml: ${ids.join(", ")}.`,
  );
}

/** `checkout-api=major_outage` pairs → a map; `allowed` is the impacts the field accepts. */
export function parseComponentImpacts<T extends string>(
  values: string[],
  config: Config,
  allowed: readonly T[],
  defaultImpact?: T,
): Record<string, T> {
  const result: Record<string, T> = {};
  for (const value of values) {
    const [id, impact = defaultImpact, ...extra] = value.split("=").map((s) => s.trim());
    if (!id || impact === undefined || extra.length > 0) {
      throw new UsageError(
        `--component \`${value}\` is not <component-id>=<impact>.`,
        `For example --component checkout-api=major_outage. Impacts: ${allowed.join(", ")}.`,
      );
    }
    checkComponentId(id, config);
    const known = matchChoice(impact, allowed);
    if (known === undefined) {
      const suggestion = closest(impact, allowed);
      throw new UsageError(
        `--component ${id}: unknown impact \`${impact}\`.`,
        `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use one of: ${allowed.join(", ")}.`,
      );
    }
    result[id] = known;
  }
  return result;
}

export function checkSeverity(value: string, config: Config): string {
  const ids = config.severities.map((s) => s.id);
  const match = matchChoice(value, ids);
  if (match) return match;
  const suggestion = closest(value, ids);
  // `-s` was --status in `update` before it meant --severity everywhere (ADR 0085).
  const isStatus = matchChoice(value, [...INCIDENT_STATUSES, ...MAINTENANCE_STATUSES]) !== undefined;
  throw new UsageError(
    `--severity: unknown severity \`${value}\`.`,
    `${isStatus ? `\`-s\` is short for --severity in every command; for the status write \`--status ${value}\`. ` : suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Severities in sitrep.config.yaml: ${config.severities.map((s) => `${s.id} (${s.name})`).join(", ")}.`,
  );
}

export function checkStatus(value: string, allowed: readonly string[], noun: string): string {
  const match = matchChoice(value, allowed);
  if (match) return match;
  const suggestion = closest(value, allowed);
  throw new UsageError(
    `--status: \`${value}\` is not a status for ${noun}.`,
    `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use one of: ${allowed.join(", ")}.`,
  );
}

/** A GitHub handle, with a leading @ forgiven. */
export function checkHandle(value: string, flag: string): string {
  const handle = value.replace(/^@/, "");
  if (HANDLE.test(handle)) return handle;
  throw new UsageError(
    `${flag} \`${value}\` is not a GitHub handle.`,
    "Use the handle without spaces, e.g. ada-lovelace (letters, digits and hyphens).",
  );
}

/** The worse of two impacts, for the incident's overall `components` map. */
export function worseImpact(a: ComponentImpact | undefined, b: ComponentImpact): ComponentImpact {
  return a === undefined ? b : worseStatus(a, b);
}
