// Who a build is for. The public build never sees internal records, drills or unpublished
// postmortems; the internal build sees everything. Every publisher filters through here first,
// so there is exactly one place that decides what is public.
import type { IncidentRecord, PostmortemRecord, Repository } from "../records/record-types.ts";
import { isPublic } from "../model/incident-facts.ts";
import { isPostmortemPublished } from "../model/postmortem-policy.ts";

export { isPostmortemPublished };

export type Audience = "public" | "internal";

/** Whether an incident may appear in a build for `audience`. */
export function isIncidentVisible(incident: IncidentRecord, audience: Audience): boolean {
  // Near-misses default to internal in the loader's defaults, so only an explicit `visibility: public` shows one.
  return audience === "internal" || isPublic(incident.data);
}

/** The incidents (maintenance and near-misses included) a build for `audience` may show, in repository order. */
export function incidentsFor(repository: Repository, audience: Audience): IncidentRecord[] {
  return repository.incidents.filter((incident) => isIncidentVisible(incident, audience));
}

/**
 * The postmortems a build for `audience` may show. Public: public, published, and about an
 * incident that is itself public (a public postmortem of an internal incident or a drill stays out).
 */
export function postmortemsFor(repository: Repository, audience: Audience): PostmortemRecord[] {
  if (audience === "internal") return [...repository.postmortems];
  const publicIncidents = new Set(incidentsFor(repository, "public").map((incident) => incident.id));
  return repository.postmortems.filter(
    (postmortem) => isPostmortemPublished(postmortem.data) && publicIncidents.has(postmortem.data.incident),
  );
}

/** Reads SITREP_AUDIENCE-like text; anything but "internal" is the public audience (fail closed). */
export function parseAudience(value: string | undefined): Audience {
  return value === "internal" ? "internal" : "public";
}
