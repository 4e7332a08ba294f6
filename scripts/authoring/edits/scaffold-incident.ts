// The text of a new incident or maintenance file, built as a yaml Document (never by string
// interpolation, so a quote or colon in a title cannot break it). Pure.
import { Document } from "yaml";
import { PRINT_OPTIONS } from "./front-matter-edit.ts";
import { INCIDENT_KEY_ORDER } from "./incident-edits.ts";

export interface NewIncidentFields {
  title: string;
  type?: "near_miss" | "maintenance";
  severity?: string;
  status: string;
  visibility?: "internal";
  drill?: true;
  components: Record<string, string>;
  started_at?: string;
  detected_at?: string;
  scheduled_start?: string;
  scheduled_end?: string;
  roles?: Partial<Record<"commander" | "tech_lead" | "communications" | "scribe", string>>;
  runbooks?: string[];
  updates: { at: string; status: string; body: string; components?: Record<string, string> }[];
  timeline?: { at: string; event: string }[];
}

export const INCIDENT_BODY_PLACEHOLDER =
  "<!-- Public description, shown on the incident's page when public: what customers experience(d),\n" +
  "     since when, and what we are doing about it. One or two paragraphs, no internal names or blame.\n" +
  "     Fill it in once you know; the status updates in the front matter carry the news until then. -->\n";

/** The front matter in the template's key order, empty fields left out. */
export function incidentFrontMatter(fields: NewIncidentFields): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of INCIDENT_KEY_ORDER) {
    const value = (fields as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value === "object" && value !== null && Object.keys(value).length === 0) continue;
    ordered[key] = value;
  }
  return ordered;
}

export function renderNewRecord(frontMatter: Record<string, unknown>, body: string): string {
  const yaml = new Document(frontMatter, { aliasDuplicateObjects: false }).toString(PRINT_OPTIONS);
  return `---\n${yaml}---\n\n${body}`;
}

export function newIncidentText(fields: NewIncidentFields, body = INCIDENT_BODY_PLACEHOLDER): string {
  return renderNewRecord(incidentFrontMatter(fields), body);
}
