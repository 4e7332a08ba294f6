// One record revision of a commit: follows the file through deletes, renames and restores, and
// emits declared / status_changed / reopened / postmortem_published. See events.ts for the rules.
import type { IncidentSnapshot, PostmortemSnapshot, Revision } from "./revision.ts";
import type { CommitScope, Derivation, Lineage } from "./lineage.ts";
import { diffItems } from "./item-events.ts";

const CLOSED = new Set(["resolved", "completed", "cancelled"]);

export function applyRevision(state: Derivation, scope: CommitScope, revision: Revision): void {
  const { kind, path, change } = revision;
  if (change === "deleted") {
    const lineage = state.live.get(path);
    if (!lineage) return;
    state.live.delete(path);
    state.deleted.set(path, lineage);
    lineage.deletedAt = scope.at;
    scope.emit("deleted", lineage, path);
    if (kind === "postmortem") diffItems(state, scope, lineage, undefined, path);
    return;
  }
  const lineage = followLineage(state, scope, revision);
  state.live.set(path, lineage);

  const snapshot = revision.snapshot;
  if (!snapshot) return; // deleted or broken at the time: nothing to compare
  if (snapshot.kind === "incident" || snapshot.kind === "postmortem") applyStatus(scope, lineage, snapshot, path);
  if (snapshot.kind === "postmortem") diffItems(state, scope, lineage, snapshot, path);
}

/** The lineage a revision continues (renamed, modified, restored), or a new one (declared). */
function followLineage(state: Derivation, scope: CommitScope, revision: Revision): Lineage {
  const { kind, path, change } = revision;
  let lineage: Lineage | undefined;
  if (change === "renamed" && revision.previousPath !== undefined) {
    lineage = state.live.get(revision.previousPath);
    if (lineage) {
      state.live.delete(revision.previousPath);
      lineage.previousPaths.push(lineage.path);
      lineage.path = path;
      scope.emit("renamed", lineage, path, { from: revision.previousPath, to: path });
    }
  } else {
    lineage = state.live.get(path);
  }
  if (lineage) return lineage;
  lineage = state.deleted.get(path);
  if (lineage && lineage.kind === kind) {
    state.deleted.delete(path);
    lineage.deletedAt = undefined;
    scope.emit("restored", lineage, path);
    return lineage;
  }
  lineage = { kind, path, previousPaths: [], declaredAt: scope.at, declaredCommit: scope.commit, statuses: [] };
  state.lineages.push(lineage);
  scope.emit(kind === "postmortem" ? "postmortem_created" : "declared", lineage, path);
  return lineage;
}

function applyStatus(scope: CommitScope, lineage: Lineage, snapshot: IncidentSnapshot | PostmortemSnapshot, path: string): void {
  const status = snapshot.status;
  if (status === undefined || status === lineage.lastStatus) return;
  const from = lineage.lastStatus;
  lineage.statuses.push({ at: scope.at, status });
  if (from !== undefined) scope.emit("status_changed", lineage, path, { from, to: status });
  if (snapshot.kind === "incident") {
    if (from !== undefined && CLOSED.has(from) && !CLOSED.has(status)) scope.emit("reopened", lineage, path, { from, to: status });
    if (CLOSED.has(status) && lineage.firstResolvedAt === undefined) lineage.firstResolvedAt = scope.at;
  } else if (status === "published") {
    lineage.publishedAt ??= scope.at;
    scope.emit("postmortem_published", lineage, path, { from, to: status });
  }
  lineage.lastStatus = status;
}
