// A written record, taken apart for assertions on what matters — its fields, the comments it
// keeps, its body — instead of restating the whole file in a snapshot.
import { parse } from "yaml";
import { splitFrontMatter } from "../../scripts/records/front-matter.ts";

export interface RecordFile {
  /** The front matter as data (times stay strings, as the YAML core schema reads them). */
  data: Record<string, unknown>;
  /** The front matter's comment lines, trimmed, with their `#`. */
  comments: string[];
  body: string;
}

export function recordFile(text: string, file = "record.md"): RecordFile {
  const split = splitFrontMatter(file, text);
  if (!split.ok) throw new Error(`${file}: ${split.finding.message}`);
  return {
    data: parse(split.value.yaml) as Record<string, unknown>,
    comments: split.value.yaml
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.startsWith("#")),
    body: split.value.body,
  };
}
