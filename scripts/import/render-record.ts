// The text of an imported incident, maintenance or postmortem record: front matter serialised
// from data by js-yaml's dump (never by string interpolation, so a quote or colon in a title
// cannot break it), keys in the order the templates use, `source` right after the status. The
// same input always gives the same text, which is what makes a second import a no-op. js-yaml
// rather than the yaml Document authoring uses: 10,000 records dump in a fraction of the time,
// and with the core schema (the one the loader reads with) times stay unquoted. Pure.
import { CORE_SCHEMA, dump } from "js-yaml";
import type { ImportedIncident } from "./imported.ts";

export interface RenderContext {
  /** Source component key → config id. */
  idOf: ReadonlyMap<string, string>;
  severity?: string;
}

export function incidentFrontMatter(incident: ImportedIncident, context: RenderContext): Record<string, unknown> {
  const ids = (map: Record<string, string>) => {
    const out: Record<string, string> = {};
    for (const [key, status] of Object.entries(map)) out[context.idOf.get(key) ?? key] = status;
    return out;
  };
  const data: Record<string, unknown> = { title: incident.title };
  if (incident.type === "maintenance") data.type = "maintenance";
  if (context.severity) data.severity = context.severity;
  data.status = incident.status;
  data.source = incident.source;
  if (Object.keys(incident.components).length > 0) data.components = ids(incident.components);
  for (const field of ["started_at", "mitigated_at", "resolved_at", "scheduled_start", "scheduled_end"] as const) {
    if (incident[field] !== undefined) data[field] = incident[field];
  }
  if (incident.updates.length > 0)
    data.updates = incident.updates.map((u) => ({
      at: u.at,
      status: u.status,
      body: u.body,
      ...(u.components ? { components: ids(u.components) } : {}),
    }));
  return data;
}

export function renderRecord(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = dump(frontMatter, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true });
  return `---\n${yaml}---\n${body ? `\n${body.trimEnd()}\n` : ""}`;
}

export function incidentText(incident: ImportedIncident, context: RenderContext): string {
  return renderRecord(incidentFrontMatter(incident, context), incident.body);
}

/** The postmortem of an imported incident: published and public, as the old page showed it. */
export function postmortemText(incidentId: string, postmortem: NonNullable<ImportedIncident["postmortem"]>): string {
  return renderRecord(
    { incident: incidentId, status: "published", visibility: "public", published_at: postmortem.published_at },
    postmortem.body,
  );
}
