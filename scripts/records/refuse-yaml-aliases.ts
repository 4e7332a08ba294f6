// Records and the configuration may not use YAML anchors, aliases or tags.
//
// Nothing a record says needs them, and aliases defeat the 1 MiB file limit: one anchored
// 20 kB update repeated by aliases makes a 110 kB file that expands to gigabytes in the site
// build (docs/decisions/0080-refuse-yaml-anchors-aliases-tags.md). The check runs on the fast
// path's own parser events (js-yaml), so a clean file costs one linear pass over events it
// already has, and a refused one is never expanded; the events carry source offsets, so the
// diagnostic needs no second parse for its position.
import { EVENT_ALIAS, parseEvents } from "js-yaml";
import type { Finding } from "./finding.ts";

type YamlEvent = ReturnType<typeof parseEvents>[number];

export interface RefusedNode {
  kind: "anchor" | "alias" | "tag";
  /** The text as written: `&name`, `*name` or `!tag`. */
  text: string;
  /** Offset of the `&`, `*` or `!` in the source. */
  offset: number;
}

/** True when any event carries an anchor, a tag, or is an alias: the fast path's cheap check. */
export function hasRefusedNode(events: readonly YamlEvent[]): boolean {
  for (const event of events) {
    if (event.type === EVENT_ALIAS) return true;
    if ("anchorStart" in event && (event.anchorStart >= 0 || ("tagStart" in event && event.tagStart >= 0))) return true;
  }
  return false;
}

/** Every anchor, alias and tag in the source, in order; [] when it has none or does not parse. */
export function refusedNodes(source: string): RefusedNode[] {
  let events: YamlEvent[];
  try {
    events = parseEvents(source, {});
  } catch {
    return [];
  }
  const nodes: RefusedNode[] = [];
  for (const event of events) {
    if (!("anchorStart" in event)) continue;
    // js-yaml's anchor range excludes the `&`/`*` indicator; its tag range includes the `!`.
    if (event.type === EVENT_ALIAS) {
      nodes.push({ kind: "alias", text: `*${source.slice(event.anchorStart, event.anchorEnd)}`, offset: event.anchorStart - 1 });
      continue;
    }
    if (event.anchorStart >= 0)
      nodes.push({ kind: "anchor", text: `&${source.slice(event.anchorStart, event.anchorEnd)}`, offset: event.anchorStart - 1 });
    if ("tagStart" in event && event.tagStart >= 0)
      nodes.push({ kind: "tag", text: source.slice(event.tagStart, event.tagEnd), offset: event.tagStart });
  }
  return nodes.sort((a, b) => a.offset - b.offset);
}

const ALIAS_HINT =
  "Records and sitrep.config.yaml may not use YAML anchors (`&name`) or aliases (`*name`): write the value out where it is needed.";
const REFUSED: Record<RefusedNode["kind"], { rule: string; hint: string }> = {
  anchor: { rule: "yaml-alias", hint: ALIAS_HINT },
  alias: { rule: "yaml-alias", hint: ALIAS_HINT },
  tag: {
    rule: "yaml-tag",
    hint: 'Records and sitrep.config.yaml may not use YAML tags (`!!str`, `!custom`): remove the tag, and quote the value if it must stay text ("…").',
  },
};

/** One finding per kind (anchor, alias, tag) at its first use, counting the others: a bomb has thousands. */
export function refusedYamlFindings(file: string, source: string, nodes: readonly RefusedNode[]): Finding[] {
  const findings: Finding[] = [];
  for (const kind of ["anchor", "alias", "tag"] as const) {
    const ofKind = nodes.filter((n) => n.kind === kind);
    if (ofKind.length === 0) continue;
    const first = ofKind[0];
    const more = ofKind.length > 1 ? ` (and ${ofKind.length - 1} more in this file)` : "";
    findings.push({
      file,
      rule: REFUSED[kind].rule,
      severity: "error",
      message: `YAML ${kind} \`${printable(first.text)}\` is not allowed${more}.`,
      hint: REFUSED[kind].hint,
      ...positionOf(source, first.offset),
    });
  }
  return findings;
}

/** 1-based line and column (in UTF-16 units, like the `yaml` package's LineCounter) of an offset. */
function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf("\n"); i !== -1 && i < offset; i = source.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function printable(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
