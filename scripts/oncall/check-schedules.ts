// The on-call rules validate runs over schedules that passed the schema: time zone, members
// known, handoff times that exist, recurrence rules that parse and fire, overrides in order and
// not overlapping, and no gap (nobody on call) in the coming weeks unless the schedule allows it.
// A gap is a warning: it appears as the clock advances, and like a stale runbook (decision 0004)
// it must not stop the status site's deploy or the declaration of the next incident.
// Pure: schedules + known people + `now` → findings at JSON paths of the schedule file.
import type { Finding } from "../records/finding.ts";
import type { DiagnosticSeverity } from "../records/finding.ts";
import { closest } from "../records/closest.ts";
import { isTimeZone, suggestTimeZone } from "../records/time-zone-names.ts";
import type { Schedule } from "./schedule.ts";
import { existsLocally, formatLocal, fromFloating, parseLocal } from "./local-time.ts";
import { fixedLength, neverFires, recurrenceRule } from "./rotation.ts";
import { finalSchedule, gaps } from "./final-schedule.ts";

/** Every rule id this file reports, with its severity (docs/validation.md lists them). */
export const ONCALL_RULES: readonly { id: string; severity: DiagnosticSeverity }[] = [
  { id: "oncall-timezone", severity: "error" },
  { id: "oncall-unknown-member", severity: "error" },
  { id: "oncall-handoff-time", severity: "error" },
  { id: "oncall-rrule-invalid", severity: "error" },
  { id: "oncall-rrule-never-fires", severity: "error" },
  { id: "oncall-override-order", severity: "error" },
  { id: "oncall-override-overlap", severity: "error" },
  { id: "oncall-gap", severity: "warning" },
];

const SEVERITY = new Map(ONCALL_RULES.map((r) => [r.id, r.severity]));
const WEEK_MS = 7 * 86_400_000;

export interface CheckContext {
  people: ReadonlySet<string>;
  now: Date;
  /** How many weeks ahead to look for gaps. */
  checkWeeks: number;
}

export function checkSchedules(schedules: readonly Schedule[], context: CheckContext): Finding[] {
  return schedules.flatMap((schedule) => checkSchedule(schedule, context));
}

function checkSchedule(schedule: Schedule, context: CheckContext): Finding[] {
  const found: Finding[] = [];
  const report = (rule: string, path: (string | number)[], message: string, hint: string) =>
    found.push({ file: schedule.source.path, rule, severity: SEVERITY.get(rule) ?? "error", path, at: "value", message, hint });
  const { data } = schedule;

  if (!isTimeZone(data.timezone)) {
    const suggestion = suggestTimeZone(data.timezone);
    report(
      "oncall-timezone",
      ["timezone"],
      `\`timezone\` is \`${data.timezone}\`, which is not an IANA time zone.`,
      `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Write a zone like \`Europe/Berlin\` or \`America/Chicago\`.`,
    );
    return found; // every other check needs local times
  }

  const people = [...context.people];
  const checkMember = (who: string, path: (string | number)[]) => {
    if (context.people.has(who)) return;
    const suggestion = closest(who, people);
    report(
      "oncall-unknown-member",
      path,
      `\`${who}\` is not a person sitrep knows.`,
      `${suggestion ? `Did you mean \`${suggestion}\`? ` : ""}Add the handle to \`oncall.people\` in sitrep.config.yaml if it is right.`,
    );
  };

  let rulesUsable = true;
  data.layers.forEach((layer, i) => {
    for (const [j, who] of layer.members.entries()) checkMember(who, ["layers", i, "members", j]);
    for (const field of ["start", "end"] as const) {
      const value = layer[field];
      if (value !== undefined && !existsLocally(parseLocal(value), data.timezone)) {
        report(
          "oncall-handoff-time",
          ["layers", i, field],
          `\`${value}\` does not exist in ${data.timezone}: the clocks skip it that night.`,
          "Pick a time outside the daylight-saving jump (e.g. an hour later); handoffs keep the local time of `start`.",
        );
      }
    }
    if (layer.end !== undefined && parseLocal(layer.end) <= parseLocal(layer.start)) {
      report(
        "oncall-handoff-time",
        ["layers", i, "end"],
        `The layer ends (\`${layer.end}\`) before it starts (\`${layer.start}\`).`,
        "Make `end` later than `start`, or remove it.",
      );
    }
    if (fixedLength(layer.rotation) === 0) {
      report(
        "oncall-handoff-time",
        ["layers", i, "rotation"],
        `A rotation of \`${layer.rotation}\` never hands off.`,
        "Use a length of at least 1, e.g. `12h`, `1d` or `1w`.",
      );
      rulesUsable = false;
    } else if (fixedLength(layer.rotation) === undefined) {
      try {
        recurrenceRule(layer);
      } catch (error) {
        rulesUsable = false;
        report(
          "oncall-rrule-invalid",
          ["layers", i, "rotation"],
          `\`${layer.rotation}\` is not an RFC 5545 recurrence rule (${(error as Error).message}).`,
          "Write it like `FREQ=WEEKLY;BYDAY=MO` or `FREQ=DAILY;INTERVAL=2`; leave DTSTART out (the layer's `start` is it).",
        );
        return;
      }
      if (neverFires(layer)) {
        rulesUsable = false;
        report(
          "oncall-rrule-never-fires",
          ["layers", i, "rotation"],
          `\`${layer.rotation}\` never fires after \`${layer.start}\`, so this layer never hands off.`,
          "Check COUNT, UNTIL and BY… parts against `start` (e.g. BYMONTHDAY=31 with BYMONTH=2 never happens).",
        );
      }
    }
  });

  const overrides = data.overrides.map((o, i) => ({ ...o, index: i, start: Date.parse(o.from), end: Date.parse(o.to) }));
  for (const override of overrides) {
    checkMember(override.who, ["overrides", override.index, "who"]);
    if (override.end <= override.start) {
      report(
        "oncall-override-order",
        ["overrides", override.index, "to"],
        `The override ends (\`${override.to}\`) at or before it starts (\`${override.from}\`).`,
        "Make `to` later than `from` (check the offsets).",
      );
    }
  }
  const ordered = overrides.filter((o) => o.end > o.start).sort((a, b) => a.start - b.start || a.index - b.index);
  for (let i = 1; i < ordered.length; i++) {
    const overlapping = ordered.slice(0, i).find((o) => o.end > ordered[i].start);
    if (!overlapping) continue;
    const later = ordered[i].index > overlapping.index ? ordered[i] : overlapping;
    const other = later === ordered[i] ? overlapping : ordered[i];
    report(
      "oncall-override-overlap",
      ["overrides", later.index, "from"],
      `This override (${later.who}, ${later.from} to ${later.to}) overlaps overrides[${other.index}] (${other.who}, ${other.from} to ${other.to}).`,
      "Overrides of one schedule must not overlap: shorten one, or merge them into one entry.",
    );
  }

  if (!data.allow_gaps && rulesUsable) reportGaps(schedule, context, report);
  return found;
}

function reportGaps(
  schedule: Schedule,
  context: CheckContext,
  report: (rule: string, path: (string | number)[], message: string, hint: string) => void,
): void {
  const { data } = schedule;
  const begins = Math.min(...data.layers.map((layer) => fromFloating(parseLocal(layer.start), data.timezone)));
  const from = Math.max(context.now.getTime(), begins);
  const to = context.now.getTime() + context.checkWeeks * WEEK_MS;
  if (to <= from) return;
  for (const gap of gaps(finalSchedule(schedule, from, to), from, to).slice(0, 3)) {
    report(
      "oncall-gap",
      gapPath(schedule, gap.from),
      `Nobody is on call from ${formatLocal(gap.from, data.timezone)} to ${formatLocal(gap.to, data.timezone)} (${data.timezone}).`,
      "Add a layer or an override that covers it, widen the restrictions, or set `allow_gaps: true` if the schedule is meant to leave times uncovered.",
    );
  }
}

/** Where a gap most likely comes from: a layer that ended, a layer's restrictions, else the layers. */
function gapPath(schedule: Schedule, at: number): (string | number)[] {
  const { layers, timezone } = schedule.data;
  for (let i = layers.length - 1; i >= 0; i--) {
    const end = layers[i].end;
    if (end !== undefined && fromFloating(parseLocal(end), timezone) <= at) return ["layers", i, "end"];
  }
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i].restrictions) return ["layers", i, "restrictions"];
  return ["layers"];
}
