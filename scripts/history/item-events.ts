// Action items across commits: added, status changes, removed, and moved between postmortems.
// An item gone from one postmortem and new in another in the same commit (matched by id and
// title, else id, else title) is a move and keeps its history; see events.ts for the rules.
import type { ActionItemSnapshot, PostmortemSnapshot } from "./revision.ts";
import type { EventType } from "./event-types.ts";
import type { CommitScope, Derivation, ItemLineage, Lineage } from "./lineage.ts";

/** Compares a postmortem's items with its previous parsed revision; notes adds and removals for settleItems. */
export function diffItems(
  state: Derivation,
  scope: CommitScope,
  lineage: Lineage,
  next: PostmortemSnapshot | undefined,
  path: string,
): void {
  const before = lineage.items ?? new Map<string, ActionItemSnapshot>();
  const after = new Map((next?.items ?? []).map((i) => [i.id, i]));
  let current = state.liveItems.get(lineage);
  if (!current) state.liveItems.set(lineage, (current = new Map()));
  for (const [itemId, snapshot] of before) {
    if (after.has(itemId)) continue;
    const item = current.get(itemId);
    if (item) scope.itemsRemoved.push({ postmortem: lineage, item, snapshot });
  }
  for (const [itemId, snapshot] of after) {
    const previous = before.get(itemId);
    if (!previous) {
      scope.itemsAdded.push({ postmortem: lineage, snapshot });
      continue;
    }
    const item = current.get(itemId);
    if (item && snapshot.status !== undefined && snapshot.status !== previous.status) changeItemStatus(scope, item, snapshot.status, path);
  }
  lineage.items = after;
}

function changeItemStatus(scope: CommitScope, item: ItemLineage, status: string, path: string): void {
  const last = item.statuses[item.statuses.length - 1]?.status;
  if (last === status) return;
  item.statuses.push({ at: scope.at, status });
  const type: EventType | undefined =
    status === "done"
      ? "action_item_done"
      : status === "wont_do"
        ? "action_item_wont_do"
        : status === "open" && last !== undefined
          ? "action_item_reopened"
          : undefined;
  if (type) scope.emit(type, item.postmortem, path, { item, from: last, to: status });
}

/** At the end of a commit: pairs removals with additions as moves, revives re-added items, records the rest. */
export function settleItems(state: Derivation, scope: CommitScope): void {
  const unmatched = new Set(scope.itemsRemoved);
  for (const added of scope.itemsAdded) {
    const candidates = [...unmatched].filter((r) => r.postmortem !== added.postmortem);
    const match =
      candidates.find((r) => r.snapshot.id === added.snapshot.id && r.snapshot.title === added.snapshot.title) ??
      candidates.find((r) => r.snapshot.id === added.snapshot.id) ??
      (added.snapshot.title !== undefined ? candidates.find((r) => r.snapshot.title === added.snapshot.title) : undefined);
    if (match) {
      unmatched.delete(match);
      moveItem(state, scope, match, added);
      continue;
    }
    addItem(state, scope, added);
  }
  for (const removed of unmatched) {
    const item = removed.item;
    item.removedAt = scope.at;
    state.liveItems.get(removed.postmortem)?.delete(item.id);
    let bucket = state.removedItems.get(removed.postmortem);
    if (!bucket) state.removedItems.set(removed.postmortem, (bucket = new Map()));
    bucket.set(item.id, item);
    scope.emit("action_item_removed", removed.postmortem, removed.postmortem.path, { item });
  }
}

type Added = CommitScope["itemsAdded"][number];
type Removed = CommitScope["itemsRemoved"][number];

function moveItem(state: Derivation, scope: CommitScope, removed: Removed, added: Added): void {
  const item = removed.item;
  state.liveItems.get(removed.postmortem)?.delete(item.id);
  item.previousKeys.push({ postmortem: item.postmortem, id: item.id });
  item.postmortem = added.postmortem;
  item.id = added.snapshot.id;
  state.liveItems.get(added.postmortem)?.set(item.id, item);
  const path = added.postmortem.path;
  scope.emit("action_item_moved", added.postmortem, path, { item });
  if (added.snapshot.status !== undefined) changeItemStatus(scope, item, added.snapshot.status, path);
}

/** A new item, or one removed from this postmortem earlier and now back (it keeps its history). */
function addItem(state: Derivation, scope: CommitScope, added: Added): void {
  const path = added.postmortem.path;
  let item = state.removedItems.get(added.postmortem)?.get(added.snapshot.id);
  if (item) {
    state.removedItems.get(added.postmortem)?.delete(added.snapshot.id);
    item.removedAt = undefined;
    state.liveItems.get(added.postmortem)?.set(item.id, item);
    scope.emit("action_item_added", added.postmortem, path, { item, to: added.snapshot.status });
    if (added.snapshot.status !== undefined) changeItemStatus(scope, item, added.snapshot.status, path);
    return;
  }
  item = { postmortem: added.postmortem, id: added.snapshot.id, previousKeys: [], addedAt: scope.at, statuses: [] };
  if (added.snapshot.status !== undefined) item.statuses.push({ at: scope.at, status: added.snapshot.status });
  state.items.push(item);
  state.liveItems.get(added.postmortem)?.set(item.id, item);
  scope.emit("action_item_added", added.postmortem, path, { item, to: added.snapshot.status });
}
