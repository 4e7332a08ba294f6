// One past revision's bytes → its snapshot (the few fields events need), or null when the
// revision did not parse then. Pure.
//
// The answer is the loader's: parseRecord decides what parses. Most revisions are plain block
// YAML, which simple-yaml.ts reads exactly and ~10× faster than js-yaml; the bytes are decoded
// and split as parseRecord does (the same functions), and whatever the simple reader declines
// goes through parseRecord itself.
import { decodeSource } from "../records/decode-source.ts";
import type { RecordFile } from "../records/discover.ts";
import { splitFrontMatter } from "../records/front-matter.ts";
import { parseRecord } from "../records/read-record.ts";
import type { Snapshot } from "./revision.ts";
import { parseSimpleYaml } from "./simple-yaml.ts";
import { snapshotOf } from "./snapshot.ts";

export function snapshotOfBlob(file: RecordFile, bytes: Uint8Array): Snapshot | null {
  const decoded = decodeSource(file.path, bytes);
  if (decoded.ok) {
    const split = splitFrontMatter(file.path, decoded.text);
    const data = split.ok ? parseSimpleYaml(split.value.yaml) : undefined;
    if (data !== undefined) return snapshotOf(file.kind, data) ?? null;
  }
  const { record, findings } = parseRecord(file, bytes);
  return findings.length === 0 ? (snapshotOf(file.kind, record.data) ?? null) : null;
}
