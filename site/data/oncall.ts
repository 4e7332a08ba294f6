// On-call on the internal site: who was on call for each schedule when an incident started, and
// each schedule's and each person's shifts as iCalendar feeds (oncall/<schedule>.ics,
// oncall/people/<person>.ics), so people see their shifts in their own calendar. Internal only:
// the public build publishes no names of responders.
import { onCallSummary } from "../../scripts/oncall/incident-on-call.ts";
import { finalSchedule } from "../../scripts/oncall/final-schedule.ts";
import { buildShiftsCalendar, type CalendarShift } from "../../scripts/oncall/shifts-calendar.ts";
import { DAY_MS } from "../../scripts/core/time.ts";
import type { BuildContext } from "./build-context.ts";

/** The calendars reach four weeks back and half a year ahead of the build. */
const CALENDAR_BACK_MS = 28 * DAY_MS;
const CALENDAR_AHEAD_MS = 182 * DAY_MS;

export interface IncidentOnCall {
  schedule: string;
  name: string;
  person: string | null;
}

const summaries = new WeakMap<BuildContext, Map<string, IncidentOnCall[]>>();

/** Who was on call for each schedule when the incident started; empty on the public build or without schedules. */
export function incidentOnCall(context: BuildContext, incidentId: string): IncidentOnCall[] {
  if (context.audience !== "internal" || context.schedules.length === 0) return [];
  let byIncident = summaries.get(context);
  if (!byIncident) {
    const names = new Map(context.schedules.map((s) => [s.id, s.data.name]));
    const summary = onCallSummary(context.repository.incidents, context.schedules);
    byIncident = new Map(
      summary.incidents.map((row) => [
        row.incident,
        row.on_call.map((o) => ({ schedule: o.schedule, name: names.get(o.schedule) ?? o.schedule, person: o.on_call })),
      ]),
    );
    summaries.set(context, byIncident);
  }
  return byIncident.get(incidentId) ?? [];
}

/** A calendar file to publish (published.ts places it with the other machine-readable files). */
export interface CalendarFile {
  path: string;
  contentType: "text/calendar";
  body: string;
}

/** The shift calendars of the internal build: one per schedule and one per person. */
export function onCallCalendars(context: BuildContext): CalendarFile[] {
  if (context.audience !== "internal" || context.schedules.length === 0) return [];
  const from = context.now.getTime() - CALENDAR_BACK_MS;
  const to = context.now.getTime() + CALENDAR_AHEAD_MS;
  const uidDomain = new URL(context.siteUrl).host;
  const all: CalendarShift[] = context.schedules.flatMap((schedule) =>
    finalSchedule(schedule, from, to).map((shift) => ({ schedule, shift })),
  );
  const calendar = (name: string, shifts: CalendarShift[]) => buildShiftsCalendar({ name, shifts, now: context.now, uidDomain });
  const files: CalendarFile[] = context.schedules.map((schedule) => ({
    path: `oncall/${schedule.id}.ics`,
    contentType: "text/calendar",
    body: calendar(
      `On call: ${schedule.data.name}`,
      all.filter((s) => s.schedule === schedule),
    ),
  }));
  const people = [...new Set(all.map((s) => s.shift.who))].sort();
  for (const person of people) {
    files.push({
      path: `oncall/people/${person}.ics`,
      contentType: "text/calendar",
      body: calendar(
        `On call: ${person}`,
        all.filter((s) => s.shift.who === person),
      ),
    });
  }
  return files;
}
