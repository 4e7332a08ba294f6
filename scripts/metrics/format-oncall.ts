// Text for `sitrep oncall` and its load report (also a section of the weekly report): what was computed, laid out for a
// terminal or Markdown. Pure.
import { table, type Flavour } from "./format-table.ts";
import type { OnCallEntry, ShiftEntry } from "../oncall/oncall-views.ts";
import type { LoadReport } from "../oncall/load-report.ts";

/** `2026-10-19T09:00:00+02:00` → `2026-10-19 09:00 +02:00`. */
function short(time: string): string {
  return `${time.slice(0, 10)} ${time.slice(11, 16)} ${time.slice(19)}`;
}

export function formatOnCall(entries: readonly OnCallEntry[], at: string): string {
  if (entries.length === 0) return "No on-call schedules (oncall/*.yaml). See docs/oncall.md.";
  const rows = entries.map((e) => [
    e.name,
    e.on_call ?? "nobody",
    e.to ? short(e.to) : "–",
    e.next ? `${e.next.on_call} (${short(e.next.from)})` : "–",
  ]);
  return `On call at ${at}:\n\n${table(["schedule", "on call", "until", "next"], rows, "text")}`;
}

export function formatShifts(person: string, shifts: readonly ShiftEntry[]): string {
  if (shifts.length === 0) return `${person} has no shifts in this range.`;
  return `Shifts of ${person}:\n\n${table(
    ["schedule", "from", "to", "layer"],
    shifts.map((s) => [s.name, short(s.from), short(s.to), s.sources.join(", ")]),
    "text",
  )}`;
}

export function formatLoadReport(report: LoadReport, flavour: Flavour = "text"): string {
  return `On-call load from ${report.from} to ${report.to}\n\n${formatLoadTables(report, flavour)}`;
}

/** The people table and the fairness table (the weekly report puts them under its own heading). */
export function formatLoadTables(report: LoadReport, flavour: Flavour): string {
  const hours = (n: number) => n.toFixed(1);
  const people = table(
    ["person", "shifts", "hours", "out of hours", "weekend", "night", "incidents", "at night", "commanded"],
    report.people.map((p) => [
      p.person,
      String(p.shifts),
      hours(p.hours),
      hours(p.out_of_hours),
      hours(p.weekend_hours),
      hours(p.night_hours),
      String(p.incidents),
      String(p.night_incidents),
      String(p.commanded),
    ]),
    flavour,
    ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  );
  const fairness = table(
    ["rotation", "people", "max hours", "min hours", "night share"],
    report.fairness.map((f) => [
      f.name,
      String(f.people),
      hours(f.max_hours),
      hours(f.min_hours),
      Object.entries(f.night_share)
        .map(([who, share]) => `${who} ${Math.round(share * 100)} %`)
        .join(", ") || "–",
    ]),
    flavour,
    ["left", "right", "right", "right", "left"],
  );
  return `${people}\n\nFairness per rotation\n\n${fairness}`;
}
