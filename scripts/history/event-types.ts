// The shapes of history events and timelines, apart from the walk that makes them (events.ts)
// so the walk's parts (lineage.ts, record-events.ts, item-events.ts) can name them without an
// import cycle back to events.ts.
import type { RecordKind } from "../records/record-types.ts";

export type EventType =
  | "declared"
  | "status_changed"
  | "reopened"
  | "renamed"
  | "deleted"
  | "restored"
  | "postmortem_created"
  | "postmortem_published"
  | "action_item_added"
  | "action_item_done"
  | "action_item_wont_do"
  | "action_item_reopened"
  | "action_item_moved"
  | "action_item_removed";

export interface HistoryEvent {
  type: EventType;
  /** Committer date (UTC) of the main-line commit that made the change. */
  at: string;
  commit: string;
  kind: RecordKind;
  /** The record's id today (its last file name). */
  record: string;
  /** The file's path at that commit. */
  path: string;
  from?: string;
  to?: string;
  /** Action-item events: the item's key today, `<postmortem id>/<item id>`. */
  item?: string;
}

export interface StatusAt {
  at: string;
  status: string;
}

export interface RecordTimeline {
  kind: RecordKind;
  /** Id today: the last file name without .md. */
  id: string;
  path: string;
  /** Earlier paths, oldest first. */
  previousPaths: string[];
  declaredAt: string;
  declaredCommit: string;
  /** Set when the file no longer exists on the main line. */
  deletedAt?: string;
  /** Status of each parsed revision where it changed, oldest first. */
  statuses: StatusAt[];
  /** Incidents: when it was first committed as resolved (or completed). */
  firstResolvedAt?: string;
  /** Postmortems: when it was first committed as published. */
  publishedAt?: string;
}

export interface ActionItemTimeline {
  /** `<postmortem id>/<item id>` today. */
  key: string;
  postmortem: string;
  id: string;
  previousKeys: string[];
  addedAt: string;
  /** Status when added, then each change, oldest first. */
  statuses: StatusAt[];
  /** Set when the item is no longer in any postmortem. */
  removedAt?: string;
}

export interface HistoryEvents {
  events: HistoryEvent[];
  /** Keyed by `recordKey(kind, id)` with today's id. */
  records: Map<string, RecordTimeline>;
  /** Keyed by today's `<postmortem id>/<item id>`. */
  actionItems: Map<string, ActionItemTimeline>;
}
