// Postmortems against policy, and their lead time. Pure.
//
// Required and due: model/postmortem-policy.ts (the definition `validate` uses). Missing = no
// postmortem file; overdue = past due and missing, or past due and not yet published.
// Lead time = published_at − resolved_at (recorded times), in days, for every selected
// incident with a published postmortem.
import type { Config, IncidentRecord, PostmortemRecord } from "../records/record-types.ts";
import { distribution, type Distribution } from "./statistics.ts";
import { postmortemDue } from "../model/postmortem-policy.ts";
import { daysBetween, toUtc } from "./time-boundaries.ts";

export interface PostmortemMetrics {
  required: number;
  with_postmortem: number;
  published: number;
  /** Required, no postmortem at all (due or not). */
  missing: number;
  /** Required, past due, no postmortem. */
  missing_overdue: number;
  /** Required, past due, a postmortem exists but is not published. */
  unpublished_overdue: number;
  /** published_at − resolved_at, days. */
  lead_time: Distribution;
}

export interface PostmortemDue {
  incident: string;
  severity: string;
  resolved_at: string;
  due_at: string;
  postmortem: string | null;
  status: "missing" | "draft" | "in_review" | "published";
  overdue: boolean;
}

export function postmortemDues(
  incidents: readonly IncidentRecord[],
  postmortems: readonly PostmortemRecord[],
  config: Config,
  now: Date,
): PostmortemDue[] {
  const byIncident = new Map(postmortems.map((p) => [p.data.incident, p]));
  const dues: PostmortemDue[] = [];
  for (const incident of incidents) {
    const { severity, resolved_at } = incident.data;
    const dueMs = postmortemDue(incident.data, config);
    if (dueMs === undefined || !severity || !resolved_at) continue;
    const postmortem = byIncident.get(incident.id);
    const dueAt = toUtc(dueMs);
    const pmStatus = postmortem ? postmortem.data.status : "missing";
    dues.push({
      incident: incident.id,
      severity,
      resolved_at: toUtc(resolved_at),
      due_at: dueAt,
      postmortem: postmortem?.id ?? null,
      status: pmStatus,
      overdue: pmStatus !== "published" && now.getTime() > Date.parse(dueAt),
    });
  }
  return dues;
}

export function postmortemMetrics(
  incidents: readonly IncidentRecord[],
  postmortems: readonly PostmortemRecord[],
  config: Config,
  now: Date,
): PostmortemMetrics {
  const dues = postmortemDues(incidents, postmortems, config, now);
  const byIncident = new Map(postmortems.map((p) => [p.data.incident, p]));
  const leadTimes: number[] = [];
  for (const incident of incidents) {
    const postmortem = byIncident.get(incident.id);
    const { resolved_at } = incident.data;
    if (postmortem?.data.status === "published" && postmortem.data.published_at && resolved_at)
      leadTimes.push(daysBetween(resolved_at, postmortem.data.published_at));
  }
  return {
    required: dues.length,
    with_postmortem: dues.filter((d) => d.postmortem !== null).length,
    published: dues.filter((d) => d.status === "published").length,
    missing: dues.filter((d) => d.status === "missing").length,
    missing_overdue: dues.filter((d) => d.status === "missing" && d.overdue).length,
    unpublished_overdue: dues.filter((d) => d.status !== "missing" && d.overdue).length,
    lead_time: distribution(leadTimes, "days"),
  };
}
