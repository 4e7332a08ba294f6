// Statuspage documents (from a folder, the public API or the Manage API) → the neutral import
// data: components with their groups, incidents and maintenances, what was skipped. Pure.
import type { ImportSourceData, IsCurrent } from "./imported.ts";
import { statuspageComponents } from "./statuspage-components.ts";
import { convertStatuspage } from "./statuspage-convert.ts";
import type { StatuspageDocuments } from "./statuspage-folder.ts";

export function statuspageSource(
  documents: StatuspageDocuments,
  origin: string,
  where: { incidents: string; components: string },
  isCurrent?: IsCurrent,
): ImportSourceData {
  const components = statuspageComponents(documents.components, where.components, documents.groups);
  const converted = convertStatuspage(documents.incidents, components, where.incidents, isCurrent);
  return {
    system: "statuspage",
    origin,
    components: converted.components,
    incidents: converted.incidents,
    skipped: converted.skipped,
    current: converted.current,
    notes: converted.notes,
  };
}
