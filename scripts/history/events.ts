// Revisions → what happened, and when the repository learned it. Pure.
//
// Identity: a record is followed through renames (git's -M), so its events carry its id today
// (its last file name). A record deleted and later added again at the same path (a revert of
// the deletion) continues its old history ("restored").
//
// Action items are keyed `<postmortem id>/<item id>` using the postmortem's id today. An item
// that disappears from one postmortem and appears in another in the same commit — matched by
// item id, else by identical title — is a move: it keeps its history (added date, status
// changes) under its new key, and its old keys are listed in `previousKeys`. An item removed in
// one commit and added elsewhere in a later commit is a removal and a new item.
//
// Revisions that did not parse are skipped for status comparisons (the next good revision is
// compared with the last good one), but a file's first revision declares it even when broken.
import type { RecordKind } from "../records/model.ts";
import type { ActionItemSnapshot, History, PostmortemSnapshot, Revision } from "./revision.ts";

export type EventType =
  | "declared" | "status_changed" | "reopened" | "renamed" | "deleted" | "restored"
  | "postmortem_created" | "postmortem_published"
  | "action_item_added" | "action_item_done" | "action_item_wont_do" | "action_item_reopened"
  | "action_item_moved" | "action_item_removed";

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

export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

const CLOSED = new Set(["resolved", "completed"]);

/** A record's timeline while it is being built (its id is only known at the end). */
interface Lineage extends Omit<RecordTimeline, "id"> {
  lastStatus?: string;
  /** Postmortems: items as of the last parsed revision. */
  items?: Map<string, ActionItemSnapshot>;
}

interface ItemLineage {
  postmortem: Lineage;
  id: string;
  previousKeys: { postmortem: Lineage; id: string }[];
  addedAt: string;
  statuses: StatusAt[];
  removedAt?: string;
}

interface PendingEvent {
  type: EventType;
  at: string;
  commit: string;
  lineage: Lineage;
  path: string;
  from?: string;
  to?: string;
  item?: ItemLineage;
}

const idOf = (file: string) => file.slice(file.lastIndexOf("/") + 1, -3);
const ORDER: Record<Revision["change"], number> = { deleted: 0, renamed: 1, modified: 2, added: 3 };

export function deriveEvents(history: Pick<History, "revisions">): HistoryEvents {
  const live = new Map<string, Lineage>();
  const deleted = new Map<string, Lineage>();
  const lineages: Lineage[] = [];
  const items: ItemLineage[] = [];
  /** Live items: postmortem lineage → item id → item lineage. */
  const liveItems = new Map<Lineage, Map<string, ItemLineage>>();
  /** Removed items, to revive when the same postmortem gets the item back. */
  const removedItems = new Map<Lineage, Map<string, ItemLineage>>();
  const pending: PendingEvent[] = [];

  const revisions = history.revisions;
  let start = 0;
  while (start < revisions.length) {
    let end = start;
    while (end < revisions.length && revisions[end].commit.id === revisions[start].commit.id) end++;
    const batch = revisions.slice(start, end).sort((a, b) => ORDER[a.change] - ORDER[b.change]);
    start = end;
    const { at, id: commit } = batch[0].commit;
    const emit = (type: EventType, lineage: Lineage, path: string, extra: Partial<PendingEvent> = {}) =>
      pending.push({ type, at, commit, lineage, path, ...extra });
    const itemsRemoved: { postmortem: Lineage; item: ItemLineage; snapshot: ActionItemSnapshot }[] = [];
    const itemsAdded: { postmortem: Lineage; snapshot: ActionItemSnapshot }[] = [];

    const diffItems = (lineage: Lineage, next: PostmortemSnapshot | undefined, path: string) => {
      const before = lineage.items ?? new Map<string, ActionItemSnapshot>();
      const after = new Map((next?.items ?? []).map((i) => [i.id, i]));
      let current = liveItems.get(lineage);
      if (!current) liveItems.set(lineage, (current = new Map()));
      for (const [itemId, snapshot] of before) {
        if (after.has(itemId)) continue;
        const item = current.get(itemId);
        if (item) itemsRemoved.push({ postmortem: lineage, item, snapshot });
      }
      for (const [itemId, snapshot] of after) {
        const previous = before.get(itemId);
        if (!previous) {
          itemsAdded.push({ postmortem: lineage, snapshot });
          continue;
        }
        const item = current.get(itemId);
        if (item && snapshot.status !== undefined && snapshot.status !== previous.status) changeItemStatus(item, snapshot.status, path);
      }
      lineage.items = after;
    };

    const changeItemStatus = (item: ItemLineage, status: string, path: string) => {
      const last = item.statuses[item.statuses.length - 1]?.status;
      if (last === status) return;
      item.statuses.push({ at, status });
      const type: EventType | undefined =
        status === "done" ? "action_item_done" : status === "wont_do" ? "action_item_wont_do" : status === "open" && last !== undefined ? "action_item_reopened" : undefined;
      if (type) emit(type, item.postmortem, path, { item, from: last, to: status });
    };

    for (const revision of batch) {
      const { kind, path, change } = revision;
      if (change === "deleted") {
        const lineage = live.get(path);
        if (!lineage) continue;
        live.delete(path);
        deleted.set(path, lineage);
        lineage.deletedAt = at;
        emit("deleted", lineage, path);
        if (kind === "postmortem") diffItems(lineage, undefined, path);
        continue;
      }
      let lineage: Lineage | undefined;
      if (change === "renamed" && revision.previousPath !== undefined) {
        lineage = live.get(revision.previousPath);
        if (lineage) {
          live.delete(revision.previousPath);
          lineage.previousPaths.push(lineage.path);
          lineage.path = path;
          emit("renamed", lineage, path, { from: revision.previousPath, to: path });
        }
      } else {
        lineage = live.get(path);
      }
      if (!lineage) {
        lineage = deleted.get(path);
        if (lineage && lineage.kind === kind) {
          deleted.delete(path);
          lineage.deletedAt = undefined;
          emit("restored", lineage, path);
        } else {
          lineage = { kind, path, previousPaths: [], declaredAt: at, declaredCommit: commit, statuses: [] };
          lineages.push(lineage);
          emit(kind === "postmortem" ? "postmortem_created" : "declared", lineage, path);
        }
      }
      live.set(path, lineage);

      const snapshot = revision.snapshot;
      if (!snapshot) continue; // deleted or broken at the time: nothing to compare
      if (snapshot.kind === "incident" || snapshot.kind === "postmortem") {
        const status = snapshot.status;
        if (status !== undefined && status !== lineage.lastStatus) {
          const from = lineage.lastStatus;
          lineage.statuses.push({ at, status });
          if (from !== undefined) emit("status_changed", lineage, path, { from, to: status });
          if (snapshot.kind === "incident") {
            if (from !== undefined && CLOSED.has(from) && !CLOSED.has(status)) emit("reopened", lineage, path, { from, to: status });
            if (CLOSED.has(status) && lineage.firstResolvedAt === undefined) lineage.firstResolvedAt = at;
          } else if (status === "published") {
            lineage.publishedAt ??= at;
            emit("postmortem_published", lineage, path, { from, to: status });
          }
          lineage.lastStatus = status;
        }
      }
      if (snapshot.kind === "postmortem") diffItems(lineage, snapshot, path);
    }

    // Moves: an item gone from one postmortem and new in another in this commit.
    const unmatched = new Set(itemsRemoved);
    for (const added of itemsAdded) {
      const candidates = [...unmatched].filter((r) => r.postmortem !== added.postmortem);
      const match =
        candidates.find((r) => r.snapshot.id === added.snapshot.id && r.snapshot.title === added.snapshot.title) ??
        candidates.find((r) => r.snapshot.id === added.snapshot.id) ??
        (added.snapshot.title !== undefined ? candidates.find((r) => r.snapshot.title === added.snapshot.title) : undefined);
      const path = added.postmortem.path;
      if (match) {
        unmatched.delete(match);
        const item = match.item;
        liveItems.get(match.postmortem)?.delete(item.id);
        item.previousKeys.push({ postmortem: item.postmortem, id: item.id });
        item.postmortem = added.postmortem;
        item.id = added.snapshot.id;
        liveItems.get(added.postmortem)?.set(item.id, item);
        emit("action_item_moved", added.postmortem, path, { item });
        if (added.snapshot.status !== undefined) changeItemStatus(item, added.snapshot.status, path);
        continue;
      }
      let item = removedItems.get(added.postmortem)?.get(added.snapshot.id);
      if (item) {
        removedItems.get(added.postmortem)?.delete(added.snapshot.id);
        item.removedAt = undefined;
        liveItems.get(added.postmortem)?.set(item.id, item);
        emit("action_item_added", added.postmortem, path, { item, to: added.snapshot.status });
        if (added.snapshot.status !== undefined) changeItemStatus(item, added.snapshot.status, path);
        continue;
      }
      item = { postmortem: added.postmortem, id: added.snapshot.id, previousKeys: [], addedAt: at, statuses: [] };
      if (added.snapshot.status !== undefined) item.statuses.push({ at, status: added.snapshot.status });
      items.push(item);
      liveItems.get(added.postmortem)?.set(item.id, item);
      emit("action_item_added", added.postmortem, path, { item, to: added.snapshot.status });
    }
    for (const removed of unmatched) {
      const item = removed.item;
      item.removedAt = at;
      liveItems.get(removed.postmortem)?.delete(item.id);
      let bucket = removedItems.get(removed.postmortem);
      if (!bucket) removedItems.set(removed.postmortem, (bucket = new Map()));
      bucket.set(item.id, item);
      emit("action_item_removed", removed.postmortem, removed.postmortem.path, { item });
    }
  }

  const itemKey = (postmortem: Lineage, id: string) => `${idOf(postmortem.path)}/${id}`;
  const events: HistoryEvent[] = pending.map((e) => {
    const event: HistoryEvent = { type: e.type, at: e.at, commit: e.commit, kind: e.lineage.kind, record: idOf(e.lineage.path), path: e.path };
    if (e.from !== undefined) event.from = e.from;
    if (e.to !== undefined) event.to = e.to;
    if (e.item) event.item = itemKey(e.item.postmortem, e.item.id);
    return event;
  });

  const records = new Map<string, RecordTimeline>();
  for (const l of lineages) {
    const timeline: RecordTimeline = {
      kind: l.kind, id: idOf(l.path), path: l.path, previousPaths: l.previousPaths,
      declaredAt: l.declaredAt, declaredCommit: l.declaredCommit, statuses: l.statuses,
    };
    if (l.deletedAt) timeline.deletedAt = l.deletedAt;
    if (l.firstResolvedAt) timeline.firstResolvedAt = l.firstResolvedAt;
    if (l.publishedAt) timeline.publishedAt = l.publishedAt;
    const key = recordKey(l.kind, timeline.id);
    // Two lineages can end with the same id (a file deleted, another later added elsewhere
    // under the same name): the one that still exists wins.
    const existing = records.get(key);
    if (!existing || existing.deletedAt) records.set(key, timeline);
  }

  const actionItems = new Map<string, ActionItemTimeline>();
  for (const i of items) {
    const key = itemKey(i.postmortem, i.id);
    const timeline: ActionItemTimeline = {
      key, postmortem: idOf(i.postmortem.path), id: i.id,
      previousKeys: i.previousKeys.map((k) => itemKey(k.postmortem, k.id)),
      addedAt: i.addedAt, statuses: i.statuses,
    };
    if (i.removedAt) timeline.removedAt = i.removedAt;
    const existing = actionItems.get(key);
    if (!existing || existing.removedAt) actionItems.set(key, timeline);
  }
  return { events, records, actionItems };
}

/** The item's status at `time` (ISO), or undefined when it did not exist then. */
export function itemStatusAt(item: ActionItemTimeline, time: string): string | undefined {
  if (item.addedAt > time) return undefined;
  if (item.removedAt !== undefined && item.removedAt <= time) return undefined;
  let status: string | undefined;
  for (const s of item.statuses) {
    if (s.at > time) break;
    status = s.status;
  }
  return status;
}

/** When the item last became done (the done that stands today), or undefined. */
export function lastDoneAt(item: ActionItemTimeline): string | undefined {
  const last = item.statuses[item.statuses.length - 1];
  return last?.status === "done" ? last.at : undefined;
}
