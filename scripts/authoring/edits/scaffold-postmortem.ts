// A postmortem draft from an incident and postmortems/_template.md: the template's comments and
// sections, with Summary, Impact and Timeline pre-filled from the incident's facts. Pure.
import { parseDocument, isMap, isScalar, type Document } from "yaml";
import type { Config, Incident } from "../../records/record-types.ts";
import { PRINT_OPTIONS, splitForEdit } from "./front-matter-edit.ts";
import { between, utcMinute } from "./text-times.ts";
import { startTime } from "../../model/incident-times.ts";
import { INTERNAL_MARK } from "../../model/postmortem-public-text.ts";
import { handlesToRoles } from "./handles-to-roles.ts";

const ACTION_ITEM_STUB = [
  " No action items yet: agree them in the review, then replace `[]` with a list like this one:",
  " action_items:",
  "   - id: add-canary-check          # kebab-case, unique in this file, never reused",
  "     title: Describe the change as an issue title",
  "     owner: your-handle            # GitHub handle of the accountable person",
  "     priority: P2                  # P1 | P2 | P3",
  "     kind: prevent                 # prevent | mitigate | detect | process",
  "     status: open                  # open | done | wont_do",
].join("\n");

export interface PostmortemInput {
  incidentId: string;
  incident: Incident;
  config: Config;
  authors: string[];
  /** The text of postmortems/_template.md. */
  template: string;
  /** Keep people's handles in the text (and say so: `keep_handles: true`); by default roles replace them. */
  keepHandles?: boolean;
}

export function scaffoldPostmortem(input: PostmortemInput): string {
  const parts = splitForEdit(input.template, "postmortems/_template.md");
  const doc = parseDocument(parts.yaml);
  fillFrontMatter(doc, input);
  const body = fillBody(parts.suffix.replace(/^---[ \t]*\r?\n/, "").replace(/\r\n/g, "\n"), input);
  return `---\n${doc.toString(PRINT_OPTIONS)}---\n${body}`;
}

function fillFrontMatter(doc: Document, { incidentId, authors, keepHandles }: PostmortemInput): void {
  const map = doc.contents;
  if (!isMap(map)) throw new Error("postmortems/_template.md front matter is not a mapping");
  const set = (key: string, value: unknown) => {
    const node = map.get(key, true);
    if (isScalar(node)) node.value = value;
    else map.set(key, doc.createNode(value));
  };
  set("incident", incidentId);
  set("status", "draft");
  const authorList = doc.createNode(authors);
  if (authors.length === 0) authorList.flow = true;
  map.set("authors", authorList);
  map.delete("published_at");
  if (keepHandles === true) {
    const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === "authors");
    map.items.splice(at + 1, 0, doc.createPair("keep_handles", true));
  }
  const items = doc.createNode([]);
  items.flow = true;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === "action_items");
  if (pair && isScalar(pair.key)) {
    pair.key.commentBefore = [pair.key.commentBefore, ACTION_ITEM_STUB].filter(Boolean).join("\n");
    pair.value = items;
  } else {
    const key = doc.createNode("action_items");
    key.commentBefore = ACTION_ITEM_STUB;
    map.items.push(doc.createPair(key, items));
  }
}

/** Replaces the content of the Summary, Impact and Timeline sections; the template's guidance stays as a comment. */
function fillBody(body: string, input: PostmortemInput): string {
  const people = (text: string) => (input.keepHandles === true ? text : handlesToRoles(text, input.incident.roles));
  const generated: Record<string, string> = {
    summary: people(summary(input)),
    impact: people(impact(input)),
    timeline: people(timeline(input)),
  };
  const sections = body.split(/^(?=## )/m);
  return sections
    .map((section) => {
      const heading = /^## (.+)\n/.exec(section);
      const key = heading?.[1].trim().toLowerCase();
      if (!heading || !key || !(key in generated)) return section;
      const guidance = section.slice(heading[0].length).trim();
      const note = guidance ? `\n\n<!-- ${guidance.replace(/-->/g, "—>")} -->` : "";
      return `${heading[0]}\n${generated[key]}${note}\n\n`;
    })
    .join("");
}

function componentList({ incident, config }: PostmortemInput): string[] {
  return Object.entries(incident.components).map(
    ([id, impact]) => `${config.components.find((c) => c.id === id)?.name ?? id} (${impact.replace(/_/g, " ")})`,
  );
}

function summary(input: PostmortemInput): string {
  const { incident, config } = input;
  const severity = config.severities.find((s) => s.id === incident.severity);
  const kind = incident.type === "near_miss" ? "near-miss" : incident.drill ? "drill" : "incident";
  const start = startTime(incident);
  const window = start
    ? incident.resolved_at
      ? ` from ${utcMinute(start)} to ${sameDay(start, incident.resolved_at) ? utcMinute(incident.resolved_at).slice(11) : utcMinute(incident.resolved_at)} UTC (${between(start, incident.resolved_at)})`
      : ` since ${utcMinute(start)} UTC (not yet resolved)`
    : "";
  const components = componentList(input);
  return (
    `${incident.title}: a ${incident.severity ?? ""}${severity ? ` (${severity.name})` : ""} ${kind}${window}` +
    `${components.length > 0 ? `, affecting ${components.join(", ")}` : ""}.`
  );
}

function impact(input: PostmortemInput): string {
  const { incident } = input;
  const components = componentList(input);
  const start = incident.started_at;
  const end = incident.mitigated_at ?? incident.resolved_at;
  const lines = [
    `- Components: ${components.length > 0 ? components.join(", ") : "none recorded"}.`,
    `- Customer impact: ${start ? `${utcMinute(start)} UTC` : "start unknown"} → ${end ? `${utcMinute(end)} UTC (${between(start, end) ?? "unknown"})` : "not yet mitigated"}.`,
  ];
  const measures = [
    ["detect", between(incident.started_at, incident.detected_at)],
    ["acknowledge", between(incident.detected_at, incident.acknowledged_at)],
    ["mitigate", between(incident.started_at, incident.mitigated_at)],
    ["resolve", between(incident.started_at, incident.resolved_at)],
  ].filter(([, value]) => value !== undefined);
  if (measures.length > 0) lines.push(`- Time to ${measures.map(([name, value]) => `${name} ${value}`).join(" · ")}.`);
  lines.push("- Customers, requests or payments affected: (fill in)");
  return lines.join("\n");
}

function timeline({ incident }: PostmortemInput): string {
  const milestones: [string | undefined, string, RegExp | undefined][] = [
    [incident.started_at, "Customer impact began (`started_at`).", undefined],
    [incident.detected_at, "Detected (`detected_at`).", /detect|alert|fired/i],
    [incident.acknowledged_at, "Acknowledged (`acknowledged_at`).", /acknowledg/i],
    [incident.mitigated_at, "Customer impact stopped (`mitigated_at`).", /mitigat/i],
    [incident.resolved_at, "Resolved (`resolved_at`).", /resolv/i],
  ];
  // A milestone the internal timeline already tells at the same minute is not repeated.
  const told = (at: string, pattern: RegExp | undefined) =>
    pattern !== undefined && incident.timeline.some((t) => utcMinute(t.at) === utcMinute(at) && pattern.test(t.event));
  const events = [
    ...milestones
      .filter((m): m is [string, string, RegExp | undefined] => m[0] !== undefined && !told(m[0], m[2]))
      .map(([at, text]) => ({ at, text })),
    // The incident's timeline is internal: its lines stay off the public page until an author removes the mark.
    ...incident.timeline.map((t) => ({ at: t.at, text: `${oneLine(t.event)} ${INTERNAL_MARK}` })),
    ...incident.updates.map((u) => ({ at: u.at, text: `Public update (${u.status}): ${oneLine(u.body)}` })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  let day = "";
  const lines = events.map(({ at, text }) => {
    const [date, minute] = utcMinute(at).split(" ");
    const stamp = date === day ? minute : `${date} ${minute}`;
    day = date;
    return `- ${stamp} — ${text}`;
  });
  const note =
    incident.timeline.length > 0
      ? " Lines from the internal timeline end in an `internal` comment: the public page leaves them out; remove the comment from a line to publish it."
      : "";
  return [
    `All times UTC, from the incident record; add what happened before detection (the contributing change).${note}`,
    "",
    ...lines,
  ].join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sameDay(a: string, b: string): boolean {
  return utcMinute(a).slice(0, 10) === utcMinute(b).slice(0, 10);
}
