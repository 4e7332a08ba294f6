// The working state of deriveEvents (events.ts) while it walks the commits: one lineage per
// record followed through renames, one per action item followed through moves, and the events
// emitted so far. Ids are only known at the end (a record's id is its last file name).
import type { ActionItemSnapshot, Revision } from "./revision.ts";
import type { EventType, RecordTimeline, StatusAt } from "./event-types.ts";

/** A record's timeline while it is being built. */
export interface Lineage extends Omit<RecordTimeline, "id"> {
  lastStatus?: string;
  /** Postmortems: items as of the last parsed revision. */
  items?: Map<string, ActionItemSnapshot>;
}

export interface ItemLineage {
  postmortem: Lineage;
  id: string;
  previousKeys: { postmortem: Lineage; id: string }[];
  addedAt: string;
  statuses: StatusAt[];
  removedAt?: string;
}

export interface PendingEvent {
  type: EventType;
  at: string;
  commit: string;
  lineage: Lineage;
  path: string;
  from?: string;
  to?: string;
  item?: ItemLineage;
}

export interface Derivation {
  /** Lineages of files that exist, by path. */
  live: Map<string, Lineage>;
  /** Lineages of deleted files, by their last path (a re-added file continues them). */
  deleted: Map<string, Lineage>;
  lineages: Lineage[];
  items: ItemLineage[];
  /** Live items: postmortem lineage → item id → item lineage. */
  liveItems: Map<Lineage, Map<string, ItemLineage>>;
  /** Removed items, to revive when the same postmortem gets the item back. */
  removedItems: Map<Lineage, Map<string, ItemLineage>>;
  pending: PendingEvent[];
}

/** What one commit has seen so far, and how it emits events. */
export interface CommitScope {
  at: string;
  commit: string;
  emit(type: EventType, lineage: Lineage, path: string, extra?: Partial<PendingEvent>): void;
  itemsRemoved: { postmortem: Lineage; item: ItemLineage; snapshot: ActionItemSnapshot }[];
  itemsAdded: { postmortem: Lineage; snapshot: ActionItemSnapshot }[];
}

export function newDerivation(): Derivation {
  return { live: new Map(), deleted: new Map(), lineages: [], items: [], liveItems: new Map(), removedItems: new Map(), pending: [] };
}

export function newCommitScope(state: Derivation, commit: Revision["commit"]): CommitScope {
  const { at, id } = commit;
  return {
    at,
    commit: id,
    emit: (type, lineage, path, extra = {}) => state.pending.push({ type, at, commit: id, lineage, path, ...extra }),
    itemsRemoved: [],
    itemsAdded: [],
  };
}

/** The record id a path gives: its file name without .md. */
export const idOf = (file: string) => file.slice(file.lastIndexOf("/") + 1, -3);
