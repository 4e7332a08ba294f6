// One past revision's bytes → its snapshot (the few fields events need), or null when the
// revision did not parse then. Pure. The loader's own parseRecord decides what parses, so a past
// revision reads exactly as it would have been read that day.
import type { RecordFile } from "../records/discover.ts";
import { parseRecord } from "../records/read-record.ts";
import type { Intern } from "./interned-text.ts";
import type { Snapshot } from "./revision.ts";
import { snapshotOf } from "./snapshot.ts";

export function snapshotOfBlob(file: RecordFile, bytes: Uint8Array, intern?: Intern): Snapshot | null {
  const { record, findings } = parseRecord(file, bytes);
  return findings.length === 0 ? (snapshotOf(file.kind, record.data, intern) ?? null) : null;
}
