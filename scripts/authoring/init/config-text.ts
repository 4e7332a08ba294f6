// The team's sitrep.config.yaml, made from the template's: site and components replaced, the
// severities, policies and github sections kept with their comments. Pure: text in, text out.
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { UsageError } from "../../errors.ts";
import { PRINT_OPTIONS } from "../edits/front-matter-edit.ts";
import { SLUG } from "../edits/slug.ts";
import { isTimeZone, suggestTimeZone } from "../../records/time-zone-names.ts";
import { NEUTRAL_SEVERITY_DESCRIPTIONS } from "./example-records.ts";

export interface ComponentEntry {
  id: string;
  name: string;
  group?: string;
}

export interface SiteAnswers {
  title: string;
  url: string;
  timezone: string;
  description?: string;
  components: ComponentEntry[];
  /** owner/name for action-item issues; undefined removes the template's example repository. */
  repository?: string;
  /** Keep the template's components too (with --keep-examples, whose records reference them). */
  keepComponents: boolean;
}

/** `checkout-api=Checkout API@Payments` → {id, name, group}. */
export function parseComponentDefinition(value: string): ComponentEntry {
  const match = /^\s*([^=\s]+)\s*=\s*([^@]+?)\s*(?:@\s*(.+?)\s*)?$/.exec(value);
  if (!match) {
    throw new UsageError(
      `--component \`${value}\` is not <id>=<Name>[@<Group>].`,
      'For example --component checkout-api="Checkout API@Payments" (the group is optional).',
    );
  }
  const [, id, name, group] = match;
  if (!SLUG.test(id))
    throw new UsageError(
      `--component id \`${id}\` is not kebab-case.`,
      "Ids are lower-case letters, digits and single hyphens, e.g. checkout-api; records refer to them, so pick them for good.",
    );
  return group ? { id, name, group } : { id, name };
}

/** The IANA name in its canonical spelling (`europe/berlin` → `Europe/Berlin`), or a UsageError with a did-you-mean. */
export function checkTimezone(value: string): string {
  const problem = timezoneProblem(value);
  if (problem) throw new UsageError(`--timezone \`${value}\` is not an IANA time zone.`, problem);
  return new Intl.DateTimeFormat("en", { timeZone: value.trim() }).resolvedOptions().timeZone;
}

/** Why `value` is not a time zone (with the closest name when it looks like a typo), or undefined. */
export function timezoneProblem(value: string): string | undefined {
  if (isTimeZone(value.trim())) return undefined;
  const suggestion = suggestTimeZone(value);
  return `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Use an IANA name such as UTC, Europe/Berlin or America/New_York.`;
}

export function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--url \`${value}\` is not a URL.`,
      "Give the full address the status page is served from, e.g. https://status.example.com or https://example.github.io/status/.",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UsageError(`--url \`${value}\` is not an http(s) URL.`, "e.g. https://status.example.com");
  return value;
}

export function initConfigText(templateText: string, answers: SiteAnswers): string {
  const doc = parseDocument(templateText.replace(/\r\n/g, "\n"));
  const root = doc.contents as unknown as YAMLMap;
  if (!isMap(root)) throw new UsageError("sitrep.config.yaml is not a YAML mapping.", "Restore it from the sitrep template.");

  // The header names the example company; the yaml package keeps a header comment on the
  // document, or on the first key when no blank line separates them.
  const header = (comment: string) =>
    comment.replace(/^ sitrep configuration for .*$/m, ` sitrep configuration for ${answers.title.replace(/\n/g, " ")}.`);
  if (doc.commentBefore) doc.commentBefore = header(doc.commentBefore);
  const firstKey = root.items[0]?.key;
  if (isScalar(firstKey) && firstKey.commentBefore) firstKey.commentBefore = header(firstKey.commentBefore);

  const site = root.get("site", true);
  const siteMap = isMap(site) ? (site as YAMLMap) : (doc.createNode({}) as YAMLMap);
  if (!isMap(site)) root.set("site", siteMap);
  const setSite = (key: string, value: string | undefined) => {
    if (value === undefined) {
      siteMap.delete(key);
      return;
    }
    const node = siteMap.get(key, true);
    if (isScalar(node)) node.value = value;
    else siteMap.set(key, value);
  };
  setSite("title", answers.title);
  setSite("url", answers.url);
  setSite("description", answers.description);
  setSite("timezone", answers.timezone);

  const existing = root.get("components", true);
  // Kept components stay in their order; a given one with the same id replaces it in place.
  const kept = answers.keepComponents && isSeq(existing) ? ((existing as YAMLSeq).toJSON() as ComponentEntry[]) : [];
  const components = [
    ...kept.map((item) => answers.components.find((c) => c.id === item.id) ?? item),
    ...answers.components.filter((c) => !kept.some((item) => item.id === c.id)),
  ];
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === "components");
  const node = doc.createNode(components);
  if (pair) pair.value = node;
  else root.set("components", node);

  // The template's severity descriptions speak of the example company's merchants and payments;
  // a description still word for word the template's becomes a neutral one to adapt.
  const severities = root.get("severities", true);
  if (isSeq(severities)) {
    for (const item of (severities as YAMLSeq).items) {
      if (!isMap(item)) continue;
      const id = (item as YAMLMap).get("id");
      const description = (item as YAMLMap).get("description", true);
      const neutral = NEUTRAL_SEVERITY_DESCRIPTIONS.find((d) => d.id === id);
      if (neutral && isScalar(description) && description.value === neutral.template) description.value = neutral.text;
    }
  }

  const github = root.get("github", true);
  if (isMap(github)) {
    const repository = (github as YAMLMap).get("repository", true);
    if (answers.repository === undefined) {
      // The yaml package hangs a comment above a block map's first key on the map itself.
      if (
        (github as YAMLMap).items[0] &&
        isScalar((github as YAMLMap).items[0].key) &&
        ((github as YAMLMap).items[0].key as { value: unknown }).value === "repository"
      ) {
        (github as YAMLMap).commentBefore =
          " repository: owner/name of the repository that holds action-item issues; when absent,\n sitrep sync uses GITHUB_REPOSITORY (set by GitHub Actions).";
      }
      (github as YAMLMap).delete("repository");
    } else if (isScalar(repository)) repository.value = answers.repository;
    else (github as YAMLMap).set("repository", answers.repository);
  } else if (answers.repository !== undefined) {
    root.set("github", doc.createNode({ repository: answers.repository }));
  }
  return doc.toString(PRINT_OPTIONS);
}
