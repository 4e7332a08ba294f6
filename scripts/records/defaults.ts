// Applies the schema's documented defaults (and policy-derived ones) to schema-valid data. Pure.
import type {
  ActionItem, Config, ConfigData, Incident, IncidentData, Postmortem, PostmortemData, Runbook, RunbookData, Severity,
} from "./model.ts";

export const DEFAULT_SEVERITIES: Severity[] = [
  { id: "SEV1", name: "Critical", impact: "critical", update_every_minutes: 15, postmortem_required: true,
    description: "Most customers cannot use a core feature, or data is at risk." },
  { id: "SEV2", name: "Major", impact: "major", update_every_minutes: 30, postmortem_required: true,
    description: "A core feature is unavailable or badly degraded for many customers." },
  { id: "SEV3", name: "Minor", impact: "minor", update_every_minutes: 60, postmortem_required: false,
    description: "A non-core feature is degraded, or a few customers are affected." },
  { id: "SEV4", name: "Low", impact: "none", update_every_minutes: 240, postmortem_required: false,
    description: "Little or no customer impact; worth tracking." },
];

export function applyConfigDefaults(data: ConfigData): Config {
  const due = data.policies?.action_item_due_days;
  return {
    site: { ...data.site, timezone: data.site.timezone ?? "UTC" },
    components: data.components,
    severities: (data.severities ?? DEFAULT_SEVERITIES).map((s) => ({ ...s, postmortem_required: s.postmortem_required ?? false })),
    policies: {
      postmortem_due_days: data.policies?.postmortem_due_days ?? 5,
      action_item_due_days: { P1: due?.P1 ?? 14, P2: due?.P2 ?? 30, P3: due?.P3 ?? 90 },
      runbook_review_days: data.policies?.runbook_review_days ?? 180,
    },
    github: { repository: data.github?.repository, labels: data.github?.labels ?? ["incident-action-item"] },
    notifications: data.notifications ?? [],
  };
}

export function applyIncidentDefaults(data: IncidentData): Incident {
  const type = data.type ?? "incident";
  return {
    ...data,
    type,
    visibility: data.visibility ?? (type === "near_miss" ? "internal" : "public"),
    drill: data.drill ?? false,
    components: data.components ?? {},
    runbooks: data.runbooks ?? [],
    updates: data.updates ?? [],
    timeline: data.timeline ?? [],
  };
}

/**
 * `due` defaults to the incident's resolution (or start) plus the priority's SLO days; when
 * neither is known, to the day the postmortem was published, or else `now`.
 */
export function applyPostmortemDefaults(data: PostmortemData, config: Config, incident: Incident | undefined, now: Date): Postmortem {
  const anchor = incident?.resolved_at ?? incident?.started_at ?? data.published_at ?? now.toISOString();
  const action_items: ActionItem[] = (data.action_items ?? []).map((item) => ({
    ...item,
    due: item.due ?? addDays(anchor, config.policies.action_item_due_days[item.priority]),
  }));
  return { ...data, visibility: data.visibility ?? "internal", authors: data.authors ?? [], action_items };
}

export function applyRunbookDefaults(data: RunbookData, config: Config): Runbook {
  return {
    ...data,
    components: data.components ?? [],
    alerts: data.alerts ?? [],
    review_every_days: data.review_every_days ?? config.policies.runbook_review_days,
  };
}

/** The UTC date `days` after an RFC 3339 time, as YYYY-MM-DD. */
export function addDays(time: string, days: number): string {
  let instant = Date.parse(time);
  // A leap second (`23:59:60Z`) passes the schema's date-time format but is NaN to Date.parse.
  if (Number.isNaN(instant)) instant = Date.parse(time.slice(0, 10));
  const date = new Date(instant + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}
