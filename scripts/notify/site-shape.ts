// Is a published site's JSON the shape notify reads? Every field notify uses is checked before
// it is used, so a malformed or truncated site (a hand-edited branch, a proxy's error page served
// as JSON) is reported as "<file>: <path> is not …" and compared with nothing — never a crash.
// Pure: parsed JSON in, the first problem (or undefined) out.
import { toMillis } from "../core/time.ts";
import { SITE_FILES, type SiteFile } from "./site-files.ts";

type Json = Partial<Record<SiteFile, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isTime = (value: unknown): boolean => typeof value === "string" && toMillis(value) !== undefined;

export function shapeProblem(json: Json): string | undefined {
  const incidents = json.incidents;
  if (!isObject(incidents) || !isObject(incidents.page)) return `${SITE_FILES.incidents} has no page object`;
  if (!isTime(incidents.page.updated_at)) return `${SITE_FILES.incidents}: page.updated_at is not a time`;
  const status = json.status;
  if (!isObject(status) || !isObject(status.status)) return `${SITE_FILES.status} has no status object`;
  const lists: [SiteFile, string][] = [
    ["incidents", "incidents"],
    ["maintenances", "scheduled_maintenances"],
  ];
  if (json.history !== undefined) lists.push(["history", "incidents"], ["history", "scheduled_maintenances"]);
  for (const [file, key] of lists) {
    const problem = listProblem((json[file] as Record<string, unknown> | undefined)?.[key], `${SITE_FILES[file]}: ${key}`);
    if (problem) return problem;
  }
  if (json.stamp !== undefined) {
    const stamp = json.stamp;
    if (!isObject(stamp) || typeof stamp.version !== "string" || !isTime(stamp.built_at))
      return `${SITE_FILES.stamp} has no version and built_at`;
  }
  return undefined;
}

function listProblem(list: unknown, where: string): string | undefined {
  if (!Array.isArray(list)) return `${where} is not a list`;
  for (const [i, incident] of list.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(incident)) return `${at} is not an object`;
    for (const field of ["id", "name", "status", "impact", "shortlink"])
      if (typeof incident[field] !== "string") return `${at}.${field} is not a string`;
    if (!isTime(incident.created_at)) return `${at}.created_at is not a time`;
    if (!Array.isArray(incident.components) || !incident.components.every(isObject)) return `${at}.components is not a list of objects`;
    if (!Array.isArray(incident.incident_updates)) return `${at}.incident_updates is not a list`;
    for (const [j, update] of incident.incident_updates.entries()) {
      const u = `${at}.incident_updates[${j}]`;
      if (!isObject(update)) return `${u} is not an object`;
      if (typeof update.id !== "string" || typeof update.status !== "string") return `${u} has no id or status`;
      if (typeof update.body !== "string") return `${u}.body is not a string`;
      if (!isTime(update.created_at)) return `${u}.created_at is not a time`;
      if (update.affected_components != null && !(Array.isArray(update.affected_components) && update.affected_components.every(isObject)))
        return `${u}.affected_components is not a list`;
    }
  }
  return undefined;
}
