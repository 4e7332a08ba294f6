// Defaults. The schema's `default` values are the only ones: the compiled validators fill them in
// as they check (ajv's useDefaults, see schema-check.ts). What is left here is what depends on
// other data — an action item's due date (its incident and the priority's SLO) and a runbook's
// review interval (the configured policy) — and filling in schema defaults for data that did not
// come through the loader (authoring's single-file reads, tests). Pure.
import type { ValidateFunction } from "ajv";
import * as compiled from "./compiled-validators.js";
import type {
  ActionItem,
  Config,
  ConfigData,
  Incident,
  IncidentData,
  Postmortem,
  PostmortemData,
  PostmortemWithDefaults,
  Runbook,
  RunbookWithDefaults,
} from "./record-types.ts";
import { DAY_MS, toMillis, utcDate } from "../core/time.ts";
import { dueAnchor } from "./incident-start.ts";

/** What an action item's default `due` needs of its incident (an Incident has it). */
export type DueAnchorTimes = Parameters<typeof dueAnchor>[0];

type Kind = "incident" | "postmortem" | "runbook" | "config";
const validators: Record<Kind, ValidateFunction> = compiled;

/** A copy of `data` with the schema's defaults filled in (whether or not it is valid). */
export function withSchemaDefaults<T>(kind: Kind, data: unknown): T {
  const copy = structuredClone(data);
  validators[kind](copy);
  return copy as T;
}

export function applyConfigDefaults(data: ConfigData): Config {
  return withSchemaDefaults<Config>("config", data);
}

export function applyIncidentDefaults(data: IncidentData): Incident {
  return withSchemaDefaults<Incident>("incident", data);
}

export function applyPostmortemDefaults(data: PostmortemData, config: Config, incident: DueAnchorTimes | undefined, now: Date): Postmortem {
  return withPolicyDue(withSchemaDefaults<PostmortemWithDefaults>("postmortem", data), config, incident, now);
}

/**
 * `due` defaults to the incident's resolution (or start: incident-start.ts's dueAnchor) plus the priority's SLO days; when
 * neither is known, to the day the postmortem was published, or else `now`.
 */
export function withPolicyDue(data: PostmortemWithDefaults, config: Config, incident: DueAnchorTimes | undefined, now: Date): Postmortem {
  const anchor = (incident && dueAnchor(incident)) ?? data.published_at ?? now.toISOString();
  const action_items: ActionItem[] = data.action_items.map((item) => ({
    ...item,
    due: item.due ?? addDays(anchor, config.policies.action_item_due_days[item.priority]),
  }));
  return { ...data, action_items };
}

export function withPolicyReview(data: RunbookWithDefaults, config: Config): Runbook {
  return { ...data, review_every_days: data.review_every_days ?? config.policies.runbook_review_days };
}

/** The UTC date `days` after an RFC 3339 time, as YYYY-MM-DD. */
export function addDays(time: string, days: number): string {
  // Only schema-valid times reach here; a date alone is read as its midnight UTC.
  const instant = toMillis(time) ?? Date.parse(time.slice(0, 10));
  return utcDate(instant + days * DAY_MS);
}
