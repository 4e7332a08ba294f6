// Whether an incident needs a postmortem, and by when. Required for real incidents (not
// near-misses, maintenance, drills or imported history) whose severity has `postmortem_required`; due
// `policies.postmortem_due_days` after `resolved_at`. Read by `postmortem-required`, the
// metrics, the weekly report and `sitrep resolve`.
import type { Config, IncidentData, PostmortemData } from "../records/record-types.ts";
import { DAY_MS, toMillis } from "../core/time.ts";

type Facts = Pick<IncidentData, "type" | "drill" | "severity" | "source">;

/** A postmortem meant for the public site: public and published (its incident must be public too: status/audience.ts). */
export function isPostmortemPublished(data: Pick<PostmortemData, "visibility" | "status">): boolean {
  return data.visibility === "public" && data.status === "published";
}

/** Whether incidents like this one need a postmortem once resolved (what `resolve` reminds of). */
export function needsPostmortem(data: Facts, config: Config): boolean {
  // Imported history (`source`) was run elsewhere: its postmortems are what the old page had (decision 0131).
  if (data.type !== "incident" || data.drill === true || !data.severity || data.source !== undefined) return false;
  return config.severities.find((s) => s.id === data.severity)?.postmortem_required === true;
}

/**
 * The due time (ms) of a required postmortem: undefined while the incident is not resolved, when
 * none is required, or when `resolved_at` is no real instant (a leap second the date-time format
 * accepts: no due date to miss).
 */
export function postmortemDue(data: Facts & Pick<IncidentData, "status" | "resolved_at">, config: Config): number | undefined {
  if (!needsPostmortem(data, config) || data.status !== "resolved") return undefined;
  const resolvedAt = toMillis(data.resolved_at);
  return resolvedAt === undefined ? undefined : resolvedAt + config.policies.postmortem_due_days * DAY_MS;
}
