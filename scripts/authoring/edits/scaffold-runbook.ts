// A runbook from runbooks/_template.md: the template's comments and sections, with the given
// title, components, owner and today's review date. Pure.
import { parseDocument, isMap, isScalar, type YAMLMap } from "yaml";
import { PRINT_OPTIONS, splitForEdit } from "./front-matter-edit.ts";

export interface RunbookInput {
  title: string;
  components: string[];
  owner: string;
  alerts: string[];
  /** YYYY-MM-DD */
  today: string;
  /** The text of runbooks/_template.md. */
  template: string;
}

export function scaffoldRunbook(input: RunbookInput): string {
  const parts = splitForEdit(input.template, "runbooks/_template.md");
  const doc = parseDocument(parts.yaml);
  const map = doc.contents as unknown as YAMLMap;
  if (!isMap(map)) throw new Error("runbooks/_template.md front matter is not a mapping");
  const setScalar = (key: string, value: string) => {
    const node = map.get(key, true);
    if (isScalar(node)) node.value = value;
    else map.set(key, value);
  };
  const setList = (key: string, values: string[]) => {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = doc.createNode(values);
    if (values.length === 0) node.flow = true;
    if (pair) pair.value = node;
    else map.set(key, node);
  };
  setScalar("title", input.title);
  setList("components", input.components);
  setScalar("owner", input.owner);
  setScalar("last_reviewed", input.today);
  // The review interval then follows policies.runbook_review_days unless someone sets it.
  map.delete("review_every_days");
  setList("alerts", input.alerts);
  return `---\n${doc.toString(PRINT_OPTIONS)}${parts.suffix.replace(/\r\n/g, "\n")}`;
}
