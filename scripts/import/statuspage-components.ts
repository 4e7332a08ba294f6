// Statuspage components → source components with their group names. A page lists groups as
// components with `group: true` (public API) or in a separate list (Manage API
// `component-groups`); a component points at its group by `group_id`. Pure.
import type { SourceComponent } from "./imported.ts";
import { sourceError } from "./source-error.ts";

interface RawComponent {
  id?: unknown;
  name?: unknown;
  group?: unknown;
  group_id?: unknown;
}

/** `groups`: the Manage API's component groups ({id, name}); the public API has none apart. */
export function statuspageComponents(raw: unknown[], where: string, groups: unknown[] = []): SourceComponent[] {
  const groupNames = new Map<string, string>();
  for (const group of [...groups, ...raw.filter((c) => (c as RawComponent)?.group === true)] as RawComponent[]) {
    if (typeof group?.id === "string" && typeof group.name === "string") groupNames.set(group.id, group.name.trim());
  }
  const components: SourceComponent[] = [];
  raw.forEach((item, index) => {
    const c = item as RawComponent;
    if (c?.group === true) return;
    const id = typeof c?.id === "string" ? c.id : undefined;
    const name = typeof c?.name === "string" ? c.name.trim() : "";
    if (!id || !name) {
      throw sourceError(
        `${where}, component ${index + 1}${id ? ` (id ${id})` : ""}`,
        `it has no ${id ? "name" : "id"}.`,
        "Every component needs an id and a name: fix the export, or remove the component from components.json.",
      );
    }
    const group = typeof c.group_id === "string" ? groupNames.get(c.group_id) : undefined;
    components.push({ key: id, name, ...(group ? { group } : {}) });
  });
  return components;
}
