// What the history reader returns: every revision of every record file on the main line,
// oldest first, each with a compact snapshot of the fields events are derived from.
import type { RecordKind } from "../records/record-types.ts";

/** One commit of the first-parent (main line) history that touched a record file. */
export interface CommitInfo {
  id: string;
  /** Committer date in UTC (RFC 3339): when the change reached the main line. */
  at: string;
  /** Number of parents (2+ = a merge commit; its diff is against the first parent). */
  parents: number;
}

/** The fields of a record revision that events need, read from its front matter. */
export type Snapshot = IncidentSnapshot | PostmortemSnapshot | RunbookSnapshot;

export interface IncidentSnapshot {
  kind: "incident";
  status?: string;
  type?: string;
  severity?: string;
}

export interface ActionItemSnapshot {
  id: string;
  title?: string;
  status?: string;
  priority?: string;
}

export interface PostmortemSnapshot {
  kind: "postmortem";
  incident?: string;
  status?: string;
  items: ActionItemSnapshot[];
}

export interface RunbookSnapshot {
  kind: "runbook";
}

/** One change to one record file in one commit. */
export interface Revision {
  commit: CommitInfo;
  kind: RecordKind;
  /** Path from the records root after this change (the old path for a deletion). */
  path: string;
  /** For renames: the path before. */
  previousPath?: string;
  change: "added" | "modified" | "renamed" | "deleted";
  /** The blob after this change; undefined for a deletion. */
  blob?: string;
  /**
   * The parsed content. Undefined for deletions, for runbooks (no event needs their content),
   * and for revisions that did not parse (they were broken at the time; see `unparseable`).
   */
  snapshot?: Snapshot;
  /** True when the blob was read but could not be decoded or parsed. */
  unparseable?: boolean;
}

export interface History {
  /** Every revision on the main line, oldest commit first; within a commit, in git's order. */
  revisions: Revision[];
  /** Commits on the main line that touched records. */
  commitCount: number;
  /** Distinct blobs of incidents and postmortems (read and parsed, or reused). */
  blobCount: number;
  /** Of those, blobs identical to today's files, whose parse was taken from the loader. */
  reusedBlobCount: number;
  /** Revisions whose content did not parse (broken at the time) and were ignored. */
  unparseableCount: number;
  /** The commit the history was read at (HEAD). */
  head: string;
}
