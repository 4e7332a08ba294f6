// On-call shifts as an iCalendar feed (RFC 5545), so people see their shifts in their own
// calendar: one event per shift, a UID that stays the same while the shift does (schedule,
// person and start), DTSTAMP = `now`. Pure: shifts in, text out.
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import type { Schedule, Shift } from "./schedule.ts";

export interface CalendarShift {
  schedule: Schedule;
  shift: Shift;
}

export function buildShiftsCalendar(input: { name: string; shifts: readonly CalendarShift[]; now: Date; uidDomain: string }): string {
  const calendar = ical({
    name: input.name,
    description: "On-call shifts, from the schedules in oncall/ (sitrep).",
    prodId: { company: "sitrep", product: "sitrep", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const { schedule, shift } of input.shifts) {
    calendar.createEvent({
      id: `oncall-${schedule.id}-${shift.who}-${new Date(shift.from).toISOString().replace(/[-:]|\.000/g, "")}@${input.uidDomain}`,
      start: new Date(shift.from),
      end: new Date(shift.to),
      stamp: input.now,
      summary: `On call: ${shift.who} (${schedule.data.name})`,
      description: `${shift.who} is on call for ${schedule.data.name} (${shift.sources.join(", ")}). Schedule: oncall/${schedule.id}.yaml.`,
      status: ICalEventStatus.CONFIRMED,
      // A shift is not a meeting: it must not block the person's free/busy time.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
