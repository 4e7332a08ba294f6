// Maps a JSON path in a record's front matter back to a line and column.
import type { Node } from "yaml";
import { parseYamlWithPositions, yamlPackage, type PositionedDocument } from "./parse-yaml.ts";

export interface Position {
  line: number;
  column: number;
}

export interface PositionLocator {
  /** Position of the node at `path`, or of its nearest existing ancestor. */
  locate(path: readonly (string | number)[], at?: "key" | "value"): Position;
}

/** Builds a locator for one file's front matter (YAML lines are file lines; see front-matter.ts). */
export function createLocator(yamlText: string): PositionLocator {
  let parsed: PositionedDocument | undefined;
  return {
    locate(path, at = "value") {
      parsed ??= parseYamlWithPositions(yamlText);
      return locateIn(parsed, path, at);
    },
  };
}

function locateIn({ document, lineCounter }: PositionedDocument, path: readonly (string | number)[], at: "key" | "value"): Position {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node: unknown = document.contents;
  let position = firstContentPosition(yamlTextStart(node, lineCounter));
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return position;
      const keyPos = rangeStart(pair.key as Node, lineCounter) ?? position;
      if (isLast && at === "key") return keyPos;
      node = pair.value;
      position = rangeStart(node as Node, lineCounter) ?? keyPos;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return position;
      node = item;
      position = rangeStart(node as Node, lineCounter) ?? position;
    } else {
      return position;
    }
  }
  return position;
}

function rangeStart(node: Node | null | undefined, lineCounter: PositionedDocument["lineCounter"]): Position | undefined {
  if (!node || !node.range) return undefined;
  const { line, col } = lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

function yamlTextStart(node: unknown, lineCounter: PositionedDocument["lineCounter"]): Position | undefined {
  return rangeStart(node as Node, lineCounter);
}

/** An empty front matter points at its opening line. */
function firstContentPosition(position: Position | undefined): Position {
  return position ?? { line: 1, column: 1 };
}
