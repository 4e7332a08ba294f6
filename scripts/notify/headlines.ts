// What each kind of event is called in a message and in notify's report.
import type { EventKind } from "./new-events.ts";

export const HEADLINES: Record<EventKind, string> = {
  incident_declared: "New incident",
  incident_updated: "Incident update",
  incident_resolved: "Incident resolved",
  maintenance_scheduled: "Maintenance scheduled",
  maintenance_started: "Maintenance started",
  maintenance_updated: "Maintenance update",
  maintenance_completed: "Maintenance completed",
  postmortem_published: "Postmortem published",
  maintenance_cancelled: "Maintenance cancelled",
  maintenance_rescheduled: "Maintenance rescheduled",
};
