// The handoff note one on-call person leaves the next (`sitrep oncall handoff`): what is open,
// what is coming, what is due, and room for what only the outgoing person knows. Pure: records,
// the handoff and `now` in, the note's path and Markdown out (written by the command).
import type { Repository } from "../records/record-types.ts";
import { incidentFacts } from "../model/incident-facts.ts";
import { isActionItemOverdue, runbookReview } from "../model/due-dates.ts";
import { utcDate } from "../core/time.ts";
import type { OnCallAt } from "./on-call-at.ts";
import { formatLocal } from "./local-time.ts";
import { ONCALL_FOLDER } from "./load-schedules.ts";

const DAY_MS = 86_400_000;

export interface HandoffNote {
  /** From the records root: oncall/handoffs/<date>-<schedule>.md. */
  path: string;
  text: string;
}

export function handoffNote(input: { repository: Repository; onCall: OnCallAt; now: Date; notes?: string }): HandoffNote {
  const { repository, onCall, now } = input;
  const { schedule, current, next } = onCall;
  const zone = schedule.data.timezone;
  const handoffAt = current?.to ?? next?.from ?? now.getTime();
  const weekAhead = now.getTime() + 7 * DAY_MS;
  const facts = repository.incidents.map((record) => incidentFacts(record, repository.config, now));

  const open = facts
    .filter((f) => f.record.data.type !== "maintenance" && f.phase === "open" && !f.record.data.drill)
    .map((f) =>
      `- ${f.record.data.severity ?? ""} ${f.record.data.title} — ${f.record.data.status} (\`${f.record.source.path}\`)`.replace(
        "-  ",
        "- ",
      ),
    );
  const maintenance = facts
    .filter((f) => f.record.data.type === "maintenance" && f.phase !== "over" && (f.start ?? Infinity) <= weekAhead)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
    .map(
      (f) =>
        `- ${formatLocal(f.start!, zone).slice(0, 16).replace("T", " ")} ${f.record.data.title} — ${f.record.data.status} (\`${f.record.source.path}\`)`,
    );
  const weekEnd = utcDate(weekAhead);
  const items = repository.postmortems
    .flatMap((p) =>
      p.data.action_items
        .filter((i) => i.status === "open" && i.due <= weekEnd)
        .map((i) => `- ${i.due} ${i.title} — ${i.owner}${isActionItemOverdue(i, now) ? " (overdue)" : ""} (\`${p.id}/${i.id}\`)`),
    )
    .sort();
  const runbooks = repository.runbooks
    .map((r) => ({ r, review: runbookReview(r.data, now) }))
    .filter(({ review }) => review.due <= weekEnd)
    .map(({ r, review }) => `- ${r.data.title} — review due ${review.due}${review.overdue ? " (overdue)" : ""} (\`${r.source.path}\`)`);

  const from = current?.who ?? "nobody";
  const to = next?.who ?? "nobody";
  const when = formatLocal(handoffAt, zone);
  const section = (title: string, lines: string[], none: string) => [`## ${title}`, "", ...(lines.length ? lines : [none]), ""];
  const text = [
    "---",
    `schedule: ${schedule.id}`,
    `from: ${from}`,
    `to: ${to}`,
    `handoff_at: ${when}`,
    `written_at: ${now.toISOString().replace(".000Z", "Z")}`,
    "---",
    "",
    `# Handoff: ${schedule.data.name}, ${from} → ${to}`,
    "",
    `At ${when.slice(0, 16).replace("T", " ")} (${zone}).`,
    "",
    ...section("Open incidents", open, "None."),
    ...section("Maintenance in the next 7 days", maintenance, "None scheduled."),
    ...section("Action items due within 7 days", items, "None."),
    ...section("Runbooks due for review within 7 days", runbooks, "None."),
    "## Notes",
    "",
    input.notes?.trim() || "(What you watched, what is flaky, what to expect — write it here before you hand off.)",
    "",
  ].join("\n");
  return { path: `${ONCALL_FOLDER}/handoffs/${utcDate(handoffAt)}-${schedule.id}.md`, text };
}
