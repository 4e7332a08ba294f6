// Words for incident and maintenance statuses, shared by the feeds, the calendar and the site.

export const UPDATE_STATUS_LABELS: Record<string, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

/** "In progress" for in_progress; the raw value for anything unknown. */
export function updateStatusLabel(status: string): string {
  return UPDATE_STATUS_LABELS[status] ?? status;
}
