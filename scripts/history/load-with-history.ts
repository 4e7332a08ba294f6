// Records and their history together, for metrics and reports. I/O at the edge.
//
// `startHistory` (read-history.ts) starts `git log` into a file at once, so git walks the history
// while the records load here (synchronous, CPU bound); reading the log and the blobs it names
// (`git cat-file --batch`, also through a file) then needs only today's snapshots, to skip the
// blobs it already has (decisions 0188 and 0195).
import { loadRepository } from "../validate/load-repository.ts";
import type { Repository } from "../records/record-types.ts";
import { deriveEvents, type HistoryEvents } from "./events.ts";
import { startHistory } from "./read-history.ts";
import type { History } from "./revision.ts";

export interface RecordsWithHistory {
  repository: Repository;
  history: History;
  events: HistoryEvents;
}

/** What a metrics report says about the history it read (metrics/compute-metrics.ts prints it). */
export interface HistorySummary {
  head: string;
  commits: number;
  revisions: number;
  blobs: number;
  unparseable_revisions: number;
}

export function historySummary(history: History): HistorySummary {
  return {
    head: history.head,
    commits: history.commitCount,
    revisions: history.revisions.length,
    blobs: history.blobCount,
    unparseable_revisions: history.unparseableCount,
  };
}

export async function loadWithHistory(root: string, now: Date): Promise<RecordsWithHistory> {
  const pending = startHistory(root); // throws at once for no git, no commits, shallow
  let repository: Repository;
  try {
    repository = loadRepository(root, { now });
  } catch (error) {
    pending.cancel();
    throw error;
  }
  const history = await pending.read(repository);
  return { repository, history, events: deriveEvents(history) };
}
