// cState issues (Hugo Markdown files from content/issues/) and systems (config.yml) → neutral
// imported incidents. cState keeps an incident's updates in its body, newest first, each ending
// in a `{{< track "<time>" >}}` shortcode and usually starting with `*Resolved* -`; times have no
// offset and cState asks for UTC. `severity` (down, disrupted, notice) gives the impact and the
// status of the `affected` systems; `informational` posts affect nothing. Pure.
import { parse } from "yaml";
import type { ImportedIncident, ImportedUpdate, ImportSourceData, SourceComponent, SourceImpact } from "./imported.ts";
import { sourceError, utcTime } from "./source-error.ts";

export interface CstateFile {
  /** File name in content/issues/, e.g. 2018-05-25-us-east-conn-issues.md. */
  name: string;
  text: string;
}

const SEVERITY: Record<string, { impact: SourceImpact; status: string }> = {
  down: { impact: "critical", status: "major_outage" },
  disrupted: { impact: "major", status: "partial_outage" },
  notice: { impact: "minor", status: "degraded_performance" },
};
const LABELS: Record<string, string> = {
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
  update: "",
  updated: "",
};
const TRACK = /\{\{[<%]\s*track\s+"([^"]+)"\s*[>%]\}\}/g;
const RESOLVED_BODY = "This incident was marked resolved.";

/** `config.yml` → systems, with their categories as groups (`params.systems`, names or {name, category}). */
export function cstateSystems(configText: string, where: string): SourceComponent[] {
  let config: unknown;
  try {
    config = parse(configText);
  } catch (error) {
    throw sourceError(
      where,
      `is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      "Fix config.yml (cState builds from it too), then import again.",
    );
  }
  // biome-ignore lint/suspicious/noExplicitAny: cState's config.yml as parsed; every field is checked with typeof before use.
  const root = (config ?? {}) as Record<string, any>;
  const systems: unknown[] = root.params?.systems ?? root.systems ?? [];
  return (Array.isArray(systems) ? systems : []).map((s, i) => {
    // biome-ignore lint/suspicious/noExplicitAny: a system as parsed from YAML; checked with typeof here.
    const name = typeof s === "string" ? s.trim() : typeof (s as any)?.name === "string" ? (s as any).name.trim() : "";
    if (!name) throw sourceError(`${where}, system ${i + 1}`, "it has no name.", "Give every system in params.systems a name.");
    // biome-ignore lint/suspicious/noExplicitAny: a system as parsed from YAML; checked with typeof here.
    const group = typeof (s as any)?.category === "string" ? (s as any).category : undefined;
    return { key: name, name, ...(group ? { group } : {}) };
  });
}

export function convertCstate(files: readonly CstateFile[], systems: readonly SourceComponent[], origin: string): ImportSourceData {
  const data: ImportSourceData = { system: "cstate", origin, components: [...systems], incidents: [], skipped: [], notes: [] };
  const known = new Set(systems.map((s) => s.key));
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const id = file.name.replace(/\.md$/, "");
    const where = `content/issues/${file.name}`;
    const { front, body } = splitFrontMatter(file.text, where);
    const title = typeof front.title === "string" ? front.title.replace(/\s+/g, " ").trim() : "";
    if (!title) throw sourceError(where, "it has no `title`.", "Give the issue a title, or move the file out of content/issues/.");
    const source = `cstate:${id}`;
    const label = `${id} "${title}"`;
    if (front.draft === true) {
      data.skipped.push({ source, label, reason: "it is a draft (cState does not publish it)" });
      continue;
    }
    const date = cstateTime(front.date, where, "date");
    const informational = front.informational === true;
    const severity = SEVERITY[String(front.severity ?? "notice")];
    if (!severity && !informational)
      throw sourceError(where, `its severity is \`${front.severity}\`.`, "cState severities are down, disrupted and notice.");
    const affected = Array.isArray(front.affected) ? front.affected.map((a: unknown) => String(a).trim()).filter(Boolean) : [];
    const components: Record<string, string> = {};
    if (!informational) {
      for (const name of affected) {
        if (!known.has(name)) {
          known.add(name);
          data.components.push({ key: name, name });
          data.notes.push(`${label}: the system "${name}" is not in config.yml; it was added as a component.`);
        }
        components[name] = severity.status;
      }
    }
    const { updates, description } = parseUpdates(body, where);
    const startedAt = updates.length > 0 && Date.parse(updates[0].at) < Date.parse(date) ? updates[0].at : date;
    const resolved = front.resolved === true || informational;
    if (resolved && updates.length > 0 && updates[updates.length - 1].status !== "resolved") {
      const at = front.resolvedWhen ? cstateTime(front.resolvedWhen, where, "resolvedWhen") : updates[updates.length - 1].at;
      updates.push({
        at: Date.parse(at) < Date.parse(updates[updates.length - 1].at) ? updates[updates.length - 1].at : at,
        status: "resolved",
        body: RESOLVED_BODY,
      });
    }
    if (!resolved && updates.length > 0 && updates[updates.length - 1].status === "resolved")
      updates[updates.length - 1].status = "monitoring";
    const status = updates.length > 0 ? updates[updates.length - 1].status : resolved ? "resolved" : "investigating";
    const incident: ImportedIncident = {
      source,
      label,
      type: "incident",
      title: title.length > 200 ? `${title.slice(0, 199)}…` : title,
      impact: informational ? "none" : severity.impact,
      status,
      started_at: startedAt,
      components,
      updates,
      body: description,
    };
    if (status === "resolved") {
      const when = front.resolvedWhen ? cstateTime(front.resolvedWhen, where, "resolvedWhen") : (updates.at(-1)?.at ?? date);
      const floor = updates.at(-1)?.at ?? startedAt;
      incident.resolved_at = Date.parse(when) < Date.parse(floor) ? floor : when;
    }
    data.incidents.push(incident);
  }
  return data;
}

// biome-ignore lint/suspicious/noExplicitAny: cState front matter as parsed; each field is checked with typeof before use.
function splitFrontMatter(text: string, where: string): { front: Record<string, any>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match)
    throw sourceError(
      where,
      "has no front matter between `---` lines.",
      "Every cState issue starts with YAML front matter (title, date, severity…).",
    );
  try {
    const front = parse(match[1]);
    if (typeof front !== "object" || front === null || Array.isArray(front)) throw new Error("the front matter is not a mapping");
    return { front, body: match[2] };
  } catch (error) {
    throw sourceError(
      where,
      `its front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
      "Fix the front matter (Hugo would fail on it too), then import again.",
    );
  }
}

/** cState times: `2018-05-25 04:13:00` (UTC, as cState asks), or with an offset. */
function cstateTime(value: unknown, where: string, field: string): string {
  const text = value instanceof Date ? value.toISOString() : String(value ?? "").trim();
  const iso = text.replace(" ", "T");
  return utcTime(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !/T/.test(iso) ? normaliseOffset(iso) : `${iso}Z`, where, field);
}

function normaliseOffset(text: string): string {
  if (!/T/.test(text) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text}T00:00:00Z`;
  return text.replace(/\s*([+-]\d\d)(\d\d)$/, "$1:$2");
}

/** Updates from the body (oldest first), and the text outside them (the description). */
function parseUpdates(body: string, where: string): { updates: ImportedUpdate[]; description: string } {
  const updates: ImportedUpdate[] = [];
  let rest = "";
  let last = 0;
  for (const match of body.matchAll(TRACK)) {
    const chunk = body.slice(last, match.index).trim();
    last = match.index + match[0].length;
    const at = cstateTime(match[1], where, "track");
    const labelled = /^(\*{1,2}|_)([^*_\n]+)\1\s*[-–—:]?\s*/.exec(chunk);
    const word = labelled ? labelled[2].trim().toLowerCase() : "";
    const status = labelled ? LABELS[word] : undefined;
    const text = status !== undefined ? chunk.slice(labelled![0].length).trim() : chunk;
    updates.push({ at, status: status || "", body: text || (labelled ? labelled[2].trim() : "(No message was posted with this update.)") });
  }
  rest = body.slice(last).trim();
  updates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let previous = "investigating";
  for (const update of updates) {
    if (!update.status) update.status = previous === "resolved" ? "monitoring" : previous;
    previous = update.status;
  }
  return { updates, description: updates.length > 0 ? rest : body.trim() };
}
