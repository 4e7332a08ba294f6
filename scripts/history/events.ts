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
//
// The walk lives in record-events.ts (files and statuses) and item-events.ts (action items),
// over the working state of lineage.ts; the shapes they share are event-types.ts.
import type { RecordKind } from "../records/record-types.ts";
import type { ActionItemTimeline, EventType, HistoryEvent, HistoryEvents, RecordTimeline, StatusAt } from "./event-types.ts";
import type { History, Revision } from "./revision.ts";
import { idOf, newCommitScope, newDerivation, type ItemLineage, type Lineage, type PendingEvent } from "./lineage.ts";
import { applyRevision } from "./record-events.ts";
import { settleItems } from "./item-events.ts";

export type { ActionItemTimeline, EventType, HistoryEvent, HistoryEvents, RecordTimeline, StatusAt };

export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

const ORDER: Record<Revision["change"], number> = { deleted: 0, renamed: 1, modified: 2, added: 3 };

export function deriveEvents(history: Pick<History, "revisions">): HistoryEvents {
  const state = newDerivation();
  const revisions = history.revisions;
  let start = 0;
  while (start < revisions.length) {
    let end = start;
    while (end < revisions.length && revisions[end].commit.id === revisions[start].commit.id) end++;
    // Within a commit: deletions and renames first, so a path freed in it can be taken in it.
    const batch = revisions.slice(start, end).sort((a, b) => ORDER[a.change] - ORDER[b.change]);
    start = end;
    const scope = newCommitScope(state, batch[0].commit);
    for (const revision of batch) applyRevision(state, scope, revision);
    settleItems(state, scope);
  }
  return { events: state.pending.map(toEvent), records: recordTimelines(state.lineages), actionItems: itemTimelines(state.items) };
}

const itemKey = (postmortem: Lineage, id: string) => `${idOf(postmortem.path)}/${id}`;

function toEvent(e: PendingEvent): HistoryEvent {
  const event: HistoryEvent = {
    type: e.type,
    at: e.at,
    commit: e.commit,
    kind: e.lineage.kind,
    record: idOf(e.lineage.path),
    path: e.path,
  };
  if (e.from !== undefined) event.from = e.from;
  if (e.to !== undefined) event.to = e.to;
  if (e.item) event.item = itemKey(e.item.postmortem, e.item.id);
  return event;
}

function recordTimelines(lineages: readonly Lineage[]): Map<string, RecordTimeline> {
  const records = new Map<string, RecordTimeline>();
  for (const l of lineages) {
    const timeline: RecordTimeline = {
      kind: l.kind,
      id: idOf(l.path),
      path: l.path,
      previousPaths: l.previousPaths,
      declaredAt: l.declaredAt,
      declaredCommit: l.declaredCommit,
      statuses: l.statuses,
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
  return records;
}

function itemTimelines(items: readonly ItemLineage[]): Map<string, ActionItemTimeline> {
  const actionItems = new Map<string, ActionItemTimeline>();
  for (const i of items) {
    const key = itemKey(i.postmortem, i.id);
    const timeline: ActionItemTimeline = {
      key,
      postmortem: idOf(i.postmortem.path),
      id: i.id,
      previousKeys: i.previousKeys.map((k) => itemKey(k.postmortem, k.id)),
      addedAt: i.addedAt,
      statuses: i.statuses,
    };
    if (i.removedAt) timeline.removedAt = i.removedAt;
    const existing = actionItems.get(key);
    if (!existing || existing.removedAt) actionItems.set(key, timeline);
  }
  return actionItems;
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
