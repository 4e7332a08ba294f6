// Adds imported components to sitrep.config.yaml, keeping the rest of the file (comments, order,
// quoting) as it is: the yaml Document API appends to `components:`. Pure: text in, text out.
import { isMap, isSeq, parseDocument } from "yaml";
import { SitrepError } from "../errors.ts";
import type { AddedComponent } from "./component-match.ts";

export function addComponents(configText: string, added: readonly AddedComponent[]): string {
  if (added.length === 0) return configText;
  const doc = parseDocument(configText);
  const root = doc.contents;
  const list = isMap(root) ? root.get("components", true) : undefined;
  if (!isSeq(list)) {
    throw new SitrepError("sitrep.config.yaml has no `components:` list to add the imported components to.", {
      hint: "Run `npx sitrep validate` and fix the configuration first (components is required).",
      exitCode: 1,
    });
  }
  for (const component of added) list.add(doc.createNode({ ...component }));
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
