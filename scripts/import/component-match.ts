// Source components → component ids of sitrep.config.yaml. A component is matched by name
// (case does not matter), or by `--component "<source name>=<id>"`; any other is added to the
// config with its group, under an id made from its name, and when a configured name is close
// the summary says which ("did you mean"), so a near-duplicate is one flag away from fixed. Pure.
import { UsageError } from "../errors.ts";
import { closest } from "../records/closest.ts";
import type { Config } from "../records/record-types.ts";
import type { SourceComponent } from "./imported.ts";
import { slug, unique } from "./unique-id.ts";

export interface AddedComponent {
  id: string;
  name: string;
  group?: string;
}

export interface ComponentMatch {
  /** Source key → config id. */
  idOf: Map<string, string>;
  added: AddedComponent[];
  notes: string[];
}

/** `flags`: "<source name>=<config id>" pairs from --component. */
export function matchComponents(
  source: readonly SourceComponent[],
  config: Pick<Config, "components">,
  flags: readonly string[],
): ComponentMatch {
  const configured = config.components;
  const ids = new Set(configured.map((c) => c.id));
  const byName = new Map(configured.map((c) => [c.name.toLowerCase(), c.id]));
  const explicit = new Map<string, string>();
  for (const flag of flags) {
    const at = flag.lastIndexOf("=");
    const name = flag.slice(0, at).trim();
    const id = flag.slice(at + 1).trim();
    if (at <= 0 || !id)
      throw new UsageError(`--component is \`${flag}\`, not "<source name>=<component id>".`, `e.g. --component "API=public-api".`);
    if (!ids.has(id)) {
      const near = closest(id, [...ids]);
      throw new UsageError(
        `--component maps "${name}" to \`${id}\`, which is not a component in sitrep.config.yaml.`,
        `${near ? `Did you mean \`${near}\`? ` : ""}Map it to one of: ${[...ids].join(", ")}.`,
      );
    }
    explicit.set(name.toLowerCase(), id);
  }

  const result: ComponentMatch = { idOf: new Map(), added: [], notes: [] };
  const addedByName = new Map<string, string>();
  for (const component of source) {
    const lower = component.name.toLowerCase();
    const id = explicit.get(lower) ?? byName.get(lower) ?? addedByName.get(lower);
    if (id) {
      result.idOf.set(component.key, id);
      continue;
    }
    const newId = unique(slug(component.name, "component"), ids);
    addedByName.set(lower, newId);
    result.idOf.set(component.key, newId);
    result.added.push({ id: newId, name: component.name, ...(component.group ? { group: component.group } : {}) });
    const near = closest(
      component.name,
      configured.map((c) => c.name),
    );
    if (near) {
      const nearId = byName.get(near.toLowerCase());
      result.notes.push(
        `Component "${component.name}" was added as \`${newId}\`; did you mean "${near}" (\`${nearId}\`)? To use it, import with --component "${component.name}=${nearId}" (try it with --dry-run first).`,
      );
    }
  }
  return result;
}
