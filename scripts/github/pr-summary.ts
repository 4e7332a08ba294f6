// What a pull request does to the records, for the CI comment and job summary: which incidents
// it declares, updates or resolves (severity, status, components), which postmortems and
// runbooks it touches. Pure: two loaded repositories in, data and Markdown out.
import type { IncidentRecord, PostmortemRecord, Repository, RunbookRecord } from "../records/record-types.ts";
import { GITHUB_BODY_LIMIT } from "./issue-body.ts";
import { isFinished } from "../model/incident-times.ts";

export const PR_SUMMARY_MARKER = "<!-- sitrep:pr-summary -->";

export type IncidentChangeKind = "declares" | "schedules" | "updates" | "resolves" | "completes" | "removes";

export interface IncidentChange {
  kind: IncidentChangeKind;
  id: string;
  file: string;
  title: string;
  type: string;
  severity: string | undefined;
  previousSeverity: string | undefined;
  status: string;
  previousStatus: string | undefined;
  /** Component impact as declared in the head (`components:`), e.g. checkout-api: major_outage. */
  components: Record<string, string>;
  visibility: string;
  drill: boolean;
}

export interface RecordChange {
  kind: "adds" | "updates" | "removes";
  id: string;
  file: string;
  detail: string;
}

export interface PrSummary {
  incidents: IncidentChange[];
  postmortems: RecordChange[];
  runbooks: RecordChange[];
  /** Validation of the head: counts only; the annotations carry the details. */
  errors: number;
  warnings: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function summarizePullRequest(
  base: Repository | undefined,
  head: Repository,
  validation: { errors: number; warnings: number },
): PrSummary {
  const before = new Map((base?.incidents ?? []).map((i) => [i.id, i]));
  const after = new Map(head.incidents.map((i) => [i.id, i]));
  const incidents: IncidentChange[] = [];
  for (const incident of head.incidents) {
    const old = before.get(incident.id);
    if (old && same(old.raw, incident.raw) && old.body === incident.body) continue;
    incidents.push(incidentChange(incident, old));
  }
  for (const old of before.values()) if (!after.has(old.id)) incidents.push({ ...incidentChange(old, old), kind: "removes" });
  return {
    incidents,
    postmortems: recordChanges(base?.postmortems ?? [], head.postmortems, postmortemDetail),
    runbooks: recordChanges(
      base?.runbooks ?? [],
      head.runbooks,
      (r) => `${r.data.title}${r.data.last_reviewed ? `, reviewed ${r.data.last_reviewed}` : ""}`,
    ),
    errors: validation.errors,
    warnings: validation.warnings,
  };
}

function incidentChange(incident: IncidentRecord, old: IncidentRecord | undefined): IncidentChange {
  const d = incident.data;
  const finished = isFinished(d);
  const wasFinished = old !== undefined && isFinished(old.data);
  const kind: IncidentChangeKind = !old
    ? d.type === "maintenance"
      ? "schedules"
      : "declares"
    : finished && !wasFinished
      ? d.type === "maintenance"
        ? "completes"
        : "resolves"
      : "updates";
  return {
    kind,
    id: incident.id,
    file: incident.source.path,
    title: d.title,
    type: d.type,
    severity: d.severity,
    previousSeverity: old?.data.severity,
    status: d.status,
    previousStatus: old?.data.status,
    components: Object.fromEntries(Object.entries(d.components).map(([id, impact]) => [id, String(impact)])),
    visibility: d.visibility,
    drill: d.drill,
  };
}

function postmortemDetail(p: PostmortemRecord): string {
  const items = p.data.action_items;
  const open = items.filter((i) => i.status === "open").length;
  return `${p.data.status}, ${p.data.visibility}; ${items.length} action item(s), ${open} open`;
}

function recordChanges<R extends PostmortemRecord | RunbookRecord>(base: R[], head: R[], detail: (r: R) => string): RecordChange[] {
  const before = new Map(base.map((r) => [r.id, r]));
  const after = new Set(head.map((r) => r.id));
  const changes: RecordChange[] = [];
  for (const record of head) {
    const old = before.get(record.id);
    if (old && same(old.raw, record.raw) && old.body === record.body) continue;
    changes.push({ kind: old ? "updates" : "adds", id: record.id, file: record.source.path, detail: detail(record) });
  }
  for (const old of base) if (!after.has(old.id)) changes.push({ kind: "removes", id: old.id, file: old.source.path, detail: "" });
  return changes;
}

/** Inside a code span backslashes are literal: only what would end the span, the cell or the line. */
const codeCell = (text: string) =>
  text
    .replace(/[\r\n]+/g, " ")
    .replace(/`/g, "'")
    .replace(/\|/g, "\\|");
/**
 * Text in a table cell or list item: Markdown escaped, and an `@` that starts a name followed by a
 * zero-width joiner, so a title like "@org/team" shows as written but GitHub notifies nobody of
 * the PR comment.
 */
const cell = (text: string) =>
  text
    .replace(/[\r\n]+/g, " ")
    .replace(/([|\\`*_[\]<>])/g, "\\$1")
    .replace(/(?<![\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_-])/gu, "@\u200d");
const arrow = (from: string | undefined, to: string | undefined) =>
  from !== undefined && from !== to ? `${from} → ${to ?? "—"}` : (to ?? "—");

const VERB: Record<IncidentChangeKind, string> = {
  declares: "🆕 declares",
  schedules: "🗓️ schedules",
  updates: "🔄 updates",
  resolves: "✅ resolves",
  completes: "✅ completes",
  removes: "🗑️ removes",
};

/** The comment / job summary. Starts with the marker the comment upsert looks for. */
export function formatPrSummary(summary: PrSummary): string {
  const lines: string[] = [PR_SUMMARY_MARKER, "### sitrep: what this change does to the records", ""];
  const check =
    summary.errors > 0
      ? `❌ validation: ${summary.errors} error(s), ${summary.warnings} warning(s) — see the annotations on the files.`
      : summary.warnings > 0
        ? `⚠️ validation: no errors, ${summary.warnings} warning(s).`
        : "✔️ validation: no problems.";
  lines.push(check, "");
  if (summary.incidents.length + summary.postmortems.length + summary.runbooks.length === 0) {
    lines.push("No incident, maintenance, postmortem or runbook records change.");
    return lines.join("\n");
  }
  if (summary.incidents.length > 0) {
    lines.push("| | Incident | Severity | Status | Components |", "|---|---|---|---|---|");
    for (const c of summary.incidents) {
      const flags = [c.type !== "incident" ? c.type : "", c.visibility === "internal" ? "internal" : "", c.drill ? "drill" : ""].filter(
        Boolean,
      );
      const components =
        Object.entries(c.components)
          .map(([id, impact]) => `\`${id}: ${impact}\``)
          .join(", ") || "—";
      lines.push(
        `| ${VERB[c.kind]} | ${cell(c.title)} (\`${codeCell(c.file)}\`)${flags.length ? ` _${flags.join(", ")}_` : ""} | ${arrow(c.previousSeverity, c.severity)} | ${arrow(c.previousStatus, c.status)} | ${components} |`,
      );
    }
    lines.push("");
  }
  for (const [name, changes] of [
    ["Postmortems", summary.postmortems],
    ["Runbooks", summary.runbooks],
  ] as const) {
    if (changes.length === 0) continue;
    lines.push(`**${name}**`, "");
    for (const c of changes) lines.push(`- ${c.kind} \`${codeCell(c.file)}\`${c.detail ? ` — ${cell(c.detail)}` : ""}`);
    lines.push("");
  }
  const text = lines.join("\n").trimEnd();
  return text.length <= GITHUB_BODY_LIMIT ? text : `${text.slice(0, GITHUB_BODY_LIMIT - 80)}\n\n…(trimmed to fit GitHub's comment limit)`;
}
