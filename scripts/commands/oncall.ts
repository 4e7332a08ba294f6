// `sitrep oncall`: who is on call now (or --at a time) in every schedule of oncall/, until when
// and who is next; `--for <person>` lists their coming shifts; `sitrep oncall report` gives the
// load per person and the fairness of each rotation over a range. Returns data; prints nothing.
import type { Command, CommandInput } from "../cli/command.ts";
import { jsonOption, timeOption } from "../cli/common-options.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { InvalidRecordsError, SitrepError, UsageError } from "../errors.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import { handoffNote } from "../oncall/handoff-note.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";
import { parseTimeInput } from "../authoring/flags/time-input.ts";
import { LOOK_AROUND_MS, onCallAt, shiftsOf } from "../oncall/on-call-at.ts";
import { onCallEntry, shiftEntry, type OnCallEntry, type ShiftEntry } from "../oncall/oncall-views.ts";
import { loadReport, type LoadReport } from "../oncall/load-report.ts";
import { formatLoadReport, formatOnCall, formatShifts } from "../metrics/format-oncall.ts";
import { finalSchedule } from "../oncall/final-schedule.ts";
import { buildShiftsCalendar } from "../oncall/shifts-calendar.ts";
import type { Schedule } from "../oncall/schedule.ts";

type Result =
  | { kind: "now"; at: string; entries: OnCallEntry[]; json: boolean }
  | { kind: "for"; person: string; shifts: ShiftEntry[]; json: boolean }
  | { kind: "report"; report: LoadReport; json: boolean }
  | { kind: "ical"; calendar: string; json: false }
  | { kind: "handoff"; path: string; text: string; written: boolean; json: boolean };

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const command: Command<Result> = {
  spec: {
    name: "oncall",
    summary: "Who is on call now or at a time, a person's shifts, and the on-call load report.",
    usage:
      "sitrep oncall [report|handoff] [--at time] [--for handle] [--schedule ids] [--weeks n] [--ical] [--from date|time] [--to date|time] [--message text] [--print] [--json]",
    description:
      "Schedules are oncall/<id>.yaml (docs/oncall.md). Without a subcommand: for every schedule, who is on call\n" +
      "at --at (default now), until when, and who is next. --for lists a person's shifts in the next --weeks weeks.\n" +
      "`sitrep oncall report --from --to`: per person, hours on call, out of working hours, on weekends and at night\n" +
      "(working hours and nights from `oncall` in sitrep.config.yaml), incidents that started during their shifts,\n" +
      "incidents they commanded; and per rotation the most and fewest hours and each person's share of the nights.\n" +
      "`sitrep oncall handoff --schedule id` writes oncall/handoffs/<date>-<schedule>.md for the next handoff: open\n" +
      "incidents, maintenance and action items due in the next 7 days, runbooks due for review, and your --message.\n" +
      "--ical prints the shifts (of --for, or of every schedule) from 4 weeks before --at to --weeks after it as an\n" +
      "iCalendar feed, for a calendar app. A date alone (YYYY-MM-DD) is midnight UTC.",
    options: {
      at: timeOption("The instant to ask about (default now): RFC 3339 with an offset, `now`, or relative (-2h, +1d)."),
      for: { type: "string", valueName: "handle", description: "List this person's shifts instead (from --at, for --weeks weeks)." },
      weeks: { type: "string", valueName: "n", description: "How many weeks ahead --for and --ical look (default 4)." },
      schedule: {
        type: "string",
        multiple: true,
        valueName: "ids",
        description: "Only these schedules (file names without .yaml; comma-separated or repeated).",
      },
      message: { type: "string", short: "m", valueName: "text", description: "handoff: the free-text notes for the next person." },
      print: { type: "boolean", description: "handoff: print the note instead of writing it." },
      ical: { type: "boolean", description: "Print the shifts as an iCalendar feed (with --for: that person's)." },
      from: { type: "string", valueName: "date|time", description: "report: start of the range (default 28 days before now)." },
      to: { type: "string", valueName: "date|time", description: "report: end of the range, exclusive (default now)." },
      json: jsonOption("Print JSON: a list of { schedule, on_call, from, to, next }, of shifts with --for, or the report."),
    },
    positionals: true,
    examples: [
      "npx sitrep oncall",
      "npx sitrep oncall --at 2026-10-25T03:00:00+01:00 --json",
      "npx sitrep oncall --for priya-n --weeks 8",
      "npx sitrep oncall --for priya-n --ical --weeks 26 > priya-n.ics",
      "npx sitrep oncall report --from 2026-10-01 --to 2026-11-01",
      'npx sitrep oncall handoff --schedule platform-primary --message "Payout retries are noisy; ignore below 5 %."',
    ],
    exitCodes: "0 answered; 1 the records or schedules have errors (run `sitrep validate`); 2 usage error.",
  },

  async run(input) {
    const { values, positionals } = input;
    const [sub, ...rest] = positionals;
    if (rest.length > 0 || (sub !== undefined && sub !== "report" && sub !== "handoff")) {
      throw new UsageError(
        `Unknown subcommand \`${positionals.join(" ")}\`.`,
        "Use `sitrep oncall` (who is on call), `sitrep oncall report` (load per person) or `sitrep oncall handoff` (a handoff note).",
      );
    }
    const json = values.json === true;
    const loaded = load(input);
    const { repository } = loaded;
    const schedules = onlySchedules(loaded.schedules, values.schedule);
    if (sub === "report") {
      if (values.at !== undefined || values.for !== undefined)
        throw new UsageError("--at and --for are for `sitrep oncall`, not `oncall report`.", "Give the range with --from and --to.");
      const to = values.to === undefined ? input.now.getTime() : instant(String(values.to), input, "--to");
      const from = values.from === undefined ? to - 28 * DAY_MS : instant(String(values.from), input, "--from");
      if (to <= from) throw new UsageError("--to must be later than --from.", "e.g. --from 2026-10-01 --to 2026-11-01");
      return {
        kind: "report",
        report: loadReport({ schedules, incidents: repository.incidents, config: repository.config, from, to }),
        json,
      };
    }
    if (sub === "handoff") {
      if (schedules.length !== 1) {
        throw new UsageError(
          schedules.length === 0 ? "There is no on-call schedule in oncall/." : "Which schedule is handed off?",
          `Name it with --schedule (${loaded.schedules.map((s) => s.id).join(", ") || "add oncall/<id>.yaml first"}).`,
        );
      }
      const note = handoffNote({
        repository,
        onCall: onCallAt(schedules[0], input.now.getTime()),
        now: input.now,
        notes: values.message === undefined ? undefined : String(values.message),
      });
      const root = findRecordsRoot(input.cwd);
      if (values.print !== true) {
        if (existsSync(path.join(root, note.path)))
          throw new SitrepError(`${note.path} already exists.`, { hint: "Edit it, or remove it to write a fresh one.", exitCode: 1 });
        writeChanges(root, [{ path: note.path, text: note.text }]);
      }
      return { kind: "handoff", path: note.path, text: note.text, written: values.print !== true, json };
    }
    if (values.from !== undefined || values.to !== undefined)
      throw new UsageError("--from and --to are for `sitrep oncall report`.", "Use --at to ask about one instant.");
    const at = values.at === undefined ? input.now.getTime() : instant(String(values.at), input, "--at");
    const weeks = values.weeks === undefined ? 4 : Number(values.weeks);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104)
      throw new UsageError(`--weeks is \`${String(values.weeks)}\`, not a whole number of weeks from 1 to 104.`, "e.g. --weeks 8");
    if (values.ical === true) {
      if (json) throw new UsageError("--ical and --json cannot be combined.", "Pick one output format.");
      const person = values.for === undefined ? undefined : String(values.for).replace(/^@/, "");
      const from = at - 28 * DAY_MS;
      const to = at + weeks * 7 * DAY_MS;
      // Computed with room on both sides, so shifts at the edges keep their real times (and UIDs).
      const wide = { from: from - LOOK_AROUND_MS, to: to + LOOK_AROUND_MS };
      const shifts = (
        person
          ? shiftsOf(schedules, person, wide.from, wide.to)
          : schedules.flatMap((schedule) => finalSchedule(schedule, wide.from, wide.to).map((shift) => ({ schedule, shift })))
      ).filter(({ shift }) => shift.to > from && shift.from < to);
      const name = person ? `On call: ${person}` : `On call: ${schedules.map((s) => s.data.name).join(", ")}`;
      return {
        kind: "ical",
        calendar: buildShiftsCalendar({ name, shifts, now: input.now, uidDomain: new URL(repository.config.site.url).host }),
        json: false,
      };
    }
    if (values.for !== undefined) {
      const person = String(values.for).replace(/^@/, "");
      const shifts = shiftsOf(schedules, person, at, at + weeks * 7 * DAY_MS).map(({ schedule, shift }) => shiftEntry(schedule, shift));
      return { kind: "for", person, shifts, json };
    }
    return { kind: "now", at: new Date(at).toISOString(), entries: schedules.map((schedule) => onCallEntry(onCallAt(schedule, at))), json };
  },

  present(result) {
    if (result.kind === "handoff") {
      if (result.json)
        return { stdout: JSON.stringify({ path: result.path, written: result.written, text: result.text }, null, 2), exitCode: 0 };
      return {
        stdout: result.written ? `Wrote ${result.path}. Fill in the notes, then commit it for the next person.` : result.text,
        exitCode: 0,
      };
    }
    if (result.json) {
      const data = result.kind === "now" ? result.entries : result.kind === "for" ? result.shifts : result.report;
      return { stdout: JSON.stringify(data, null, 2), exitCode: 0 };
    }
    if (result.kind === "ical") return { stdout: result.calendar, exitCode: 0 };
    if (result.kind === "now") return { stdout: formatOnCall(result.entries, result.at), exitCode: 0 };
    if (result.kind === "for") return { stdout: formatShifts(result.person, result.shifts), exitCode: 0 };
    return { stdout: formatLoadReport(result.report), exitCode: 0 };
  },
};

/** The records and schedules, or every error validate would report. */
function load(input: CommandInput) {
  const { repository, schedules, diagnostics } = validateRepository(findRecordsRoot(input.cwd), { now: input.now });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new InvalidRecordsError(errors);
  return { repository, schedules };
}

/** The schedules named by --schedule (all without it); an unknown id is a usage error naming the known ones. */
function onlySchedules(schedules: Schedule[], flag: unknown): Schedule[] {
  if (flag === undefined) return schedules;
  const ids = (flag as string[])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const known = schedules.map((s) => s.id);
  const unknown = ids.find((id) => !known.includes(id));
  if (unknown !== undefined)
    throw new UsageError(`Unknown schedule \`${unknown}\`.`, `Schedules are the files in oncall/: ${known.join(", ") || "none yet"}.`);
  return schedules.filter((s) => ids.includes(s.id));
}

function instant(text: string, input: CommandInput, flag: string): number {
  if (DATE.test(text.trim())) return Date.parse(`${text.trim()}T00:00:00Z`);
  return Date.parse(parseTimeInput(text, input.now, flag));
}
