// The times two rules hold against a clock (not-in-future: now; not-after-commit: the commit that
// added them): every incident and near-miss milestone, update and timeline entry, and every
// postmortem's `published_at`. Maintenance is left out: its window and progress updates may be
// written ahead on purpose (ADR 0111).
import type { IncidentRecord, PostmortemRecord } from "../records/record-types.ts";

const MILESTONES = ["started_at", "detected_at", "acknowledged_at", "mitigated_at", "resolved_at"] as const;

export interface CheckedTime {
  record: IncidentRecord | PostmortemRecord;
  path: (string | number)[];
  /** The key the time is written under: a milestone's name, `at`, or `published_at`. */
  field: string;
  time: string;
}

/**
 * Visits every checked time for which `when(time)` holds (every one without it). The filter sees
 * the bare string first, so a run where every time is fine builds no CheckedTime and no path for
 * the ~150,000 times of 10,000 incidents.
 */
export function eachCheckedTime(
  incidents: readonly IncidentRecord[],
  postmortems: readonly PostmortemRecord[],
  visit: (time: CheckedTime) => void,
  when: (time: string) => boolean = () => true,
): void {
  for (const record of incidents) {
    const data = record.data;
    if (data.type === "maintenance") continue;
    for (const field of MILESTONES) {
      const time = data[field];
      if (time !== undefined && when(time)) visit({ record, path: [field], field, time });
    }
    const { updates, timeline } = data;
    for (let i = 0; i < updates.length; i++)
      if (when(updates[i].at)) visit({ record, path: ["updates", i, "at"], field: "at", time: updates[i].at });
    for (let i = 0; i < timeline.length; i++)
      if (when(timeline[i].at)) visit({ record, path: ["timeline", i, "at"], field: "at", time: timeline[i].at });
  }
  for (const record of postmortems) {
    const time = record.data.published_at;
    if (time !== undefined && when(time)) visit({ record, path: ["published_at"], field: "published_at", time });
  }
}

/** How a path is named in a message: `resolved_at`, updates[2].at. */
export function timeName(path: (string | number)[]): string {
  return path.length === 1 ? `\`${path[0]}\`` : `${path[0]}[${path[1]}].at`;
}
