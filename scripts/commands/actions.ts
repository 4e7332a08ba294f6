// `sitrep actions`: every postmortem action item with owner, due date, age and whether it is overdue.
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { matchChoice } from "../cli/match-choice.ts";
import { isHistoryUnavailable, UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadRepository } from "../validate/load-repository.ts";
import { startHistory } from "../history/read-history.ts";
import { deriveEvents, type HistoryEvents } from "../history/events.ts";
import type { History } from "../history/revision.ts";
import { actionItemMetrics, actionItemRows, type ActionItemMetrics, type ActionItemRow } from "../metrics/action-items.ts";
import { table } from "../metrics/format-table.ts";
import { toUtc } from "../metrics/time-boundaries.ts";

const STATUSES = ["open", "done", "wont_do"] as const;

export interface ActionsReport {
  version: number;
  generated_at: string;
  /** "git" when ages and dates come from history; "none" when they come from the records alone. */
  history: "git" | "none";
  /** Why history was not used, when it was not. */
  history_note: string | null;
  filters: { owner: string[]; status: string[]; overdue: boolean; postmortem: string[] };
  summary: ActionItemMetrics;
  items: ActionsRow[];
}

/** A row, with why its age is not shown when it cannot be measured (age_days is then null). */
export type ActionsRow = ActionItemRow & { age_note: string | null };

export const AGE_NOTES = {
  firstCommit: "in the records since the repository's first commit (e.g. copied from the template), so when it was added is unknown",
  committedClosed: "committed already done (or won't do), so it was never seen open and the time to close it cannot be measured",
} as const;

export const command: Command<{ report: ActionsReport; json: boolean }> = {
  spec: {
    name: "actions",
    summary: "List postmortem action items with owner, due date and age.",
    usage: "sitrep actions [--owner handle] [--status open|done|wont_do] [--overdue] [--postmortem id] [--json] [--no-history]",
    description:
      "Ages and done dates come from git history (when an item reached the main line, when it became done).\n" +
      "Outside a git repository, or in a shallow clone, it works from the files alone: age counts from the\n" +
      'incident\'s resolution and done dates are unknown (said on stderr, and as "history": "none" in JSON).',
    options: {
      owner: {
        type: "string",
        multiple: true,
        valueName: "handle",
        description: "Only items owned by these handles (comma-separated or repeated).",
      },
      status: { type: "string", multiple: true, valueName: "status", description: "Only items with these statuses: open, done, wont_do." },
      overdue: { type: "boolean", description: "Only open items past their due date." },
      postmortem: { type: "string", multiple: true, valueName: "id", description: "Only items of these postmortems." },
      json: jsonOption("Print JSON (documented in docs/metrics.md)."),
      "no-history": { type: "boolean", description: "Do not read git history; use the files alone." },
    },
    examples: [
      "npx sitrep actions",
      "npx sitrep actions --overdue",
      "npx sitrep actions --owner dtanaka --status open",
      "npx sitrep actions --json",
    ],
  },

  async run({ values, cwd, now }) {
    const list = (name: string) =>
      ((values[name] as string[] | undefined) ?? [])
        .flatMap((v) => v.split(","))
        .map((v) => v.trim().replace(/^@/, ""))
        .filter(Boolean);
    const statuses = list("status").map((s) => {
      const match = matchChoice(s, STATUSES);
      if (!match) throw new UsageError(`Unknown status \`${s}\`.`, `Use one of: ${STATUSES.join(", ")}.`);
      return match;
    });
    const root = findRecordsRoot(cwd);
    let pending: ReturnType<typeof startHistory> | undefined;
    let note: string | null = null;
    if (values["no-history"]) note = "--no-history was given";
    else {
      try {
        pending = startHistory(root);
      } catch (error) {
        if (!isHistoryUnavailable(error)) throw error;
        note = error.message;
      }
    }
    let repository;
    try {
      repository = loadRepository(root, { now });
    } catch (error) {
      pending?.cancel();
      throw error;
    }
    let events: HistoryEvents | undefined;
    let inFirstCommit = new Set<string>();
    if (pending) {
      const history = await pending.read(repository);
      events = deriveEvents(history);
      inFirstCommit = itemsAddedInRootCommits(history, events);
    }
    const owners = new Set(list("owner"));
    const postmortems = new Set(list("postmortem"));
    const rows = actionItemRows(repository.postmortems, repository.incidents, repository.config, events, now)
      .map((r) => withAgeNote(r, inFirstCommit))
      .filter(
        (r) =>
          (owners.size === 0 || owners.has(r.owner)) &&
          (statuses.length === 0 || statuses.includes(r.status)) &&
          (!values.overdue || r.overdue) &&
          (postmortems.size === 0 || postmortems.has(r.postmortem)),
      );
    rows.sort(
      (a, b) =>
        STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) ||
        b.days_overdue - a.days_overdue ||
        a.due.localeCompare(b.due) ||
        a.key.localeCompare(b.key),
    );
    const report: ActionsReport = {
      version: 1,
      generated_at: toUtc(now),
      history: events ? "git" : "none",
      history_note: note,
      filters: { owner: [...owners], status: statuses, overdue: values.overdue === true, postmortem: [...postmortems] },
      summary: actionItemMetrics(rows),
      items: rows,
    };
    return { report, json: values.json === true };
  },

  present({ report, json }) {
    const stderr =
      report.history === "none"
        ? `note: ages count from each incident's resolution and done dates are unknown, because history was not read (${(report.history_note ?? "").replace(/\.$/, "")}).`
        : undefined;
    if (json) return { stdout: JSON.stringify(report, null, 2), stderr, exitCode: 0 };
    if (report.items.length === 0) return { stdout: "No action items match.", stderr, exitCode: 0 };
    const rows = report.items.map((r) => [
      r.key,
      r.owner,
      r.priority,
      r.status === "wont_do" ? "won't do" : r.status,
      r.due,
      r.age_days === null ? (r.age_note ? `— ${footnote(r.age_note)}` : "—") : `${Math.floor(r.age_days)} d`,
      r.overdue ? `${r.days_overdue} d overdue` : "",
      r.issue === null ? "" : `#${r.issue}`,
    ]);
    const s = report.summary;
    const notes = [...new Set(report.items.map((r) => r.age_note).filter((n): n is string => n !== null))].map(
      (n) => `${footnote(n)} age not shown: ${n}.`,
    );
    const summary = [`${s.total} item(s): ${s.open} open (${s.overdue} overdue), ${s.done} done, ${s.wont_do} won't do.`, ...notes].join(
      "\n",
    );
    return {
      stdout: `${table(["item", "owner", "prio", "status", "due", "age", "overdue", "issue"], rows, "text", ["left", "left", "left", "left", "left", "right", "left", "left"])}\n\n${summary}`,
      stderr,
      exitCode: 0,
    };
  },
};

/** Keys of the action items that arrived with a root commit (a template's squashed first commit). */
function itemsAddedInRootCommits(history: History, events: HistoryEvents): Set<string> {
  const roots = new Set(history.revisions.filter((r) => r.commit.parents === 0).map((r) => r.commit.id));
  return new Set(events.events.filter((e) => e.type === "action_item_added" && roots.has(e.commit) && e.item).map((e) => e.item!));
}

/**
 * Ages that would be shown as a number but measure nothing: an item that was never seen open
 * (its "age" is 0 d), or one whose first sighting is the repository's first commit. Shown as
 * "—" with the reason instead.
 */
function withAgeNote(row: ActionItemRow, inFirstCommit: ReadonlySet<string>): ActionsRow {
  if (row.added_at_source === "git" && inFirstCommit.has(row.key)) return { ...row, age_days: null, age_note: AGE_NOTES.firstCommit };
  if (
    row.status !== "open" &&
    row.added_at_source === "git" &&
    row.time_to_done_days === null &&
    row.closed_at !== null &&
    row.closed_at === row.added_at
  ) {
    return { ...row, age_days: null, age_note: AGE_NOTES.committedClosed };
  }
  return { ...row, age_note: null };
}

function footnote(note: string): string {
  return note === AGE_NOTES.firstCommit ? "(a)" : "(b)";
}
