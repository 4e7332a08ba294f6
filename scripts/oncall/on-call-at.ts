// Who is on call at an instant, until when, and who comes next — per schedule, from the final
// schedule around that instant. Pure: schedule + instant → answer.
import type { Schedule, Shift } from "./schedule.ts";
import { finalSchedule } from "./final-schedule.ts";

const DAY_MS = 86_400_000;
/** How far around the instant shifts are computed: a shift longer than this shows clipped. */
export const LOOK_AROUND_MS = 63 * DAY_MS;

export interface OnCallAt {
  schedule: Schedule;
  /** The shift under way at the instant, or undefined when nobody is on call. */
  current: Shift | undefined;
  /** The next shift after the current one (or after the instant, in a gap). */
  next: Shift | undefined;
}

export function onCallAt(schedule: Schedule, at: number): OnCallAt {
  const shifts = finalSchedule(schedule, at - LOOK_AROUND_MS, at + LOOK_AROUND_MS);
  const index = shifts.findIndex((shift) => shift.from <= at && at < shift.to);
  const current = index >= 0 ? shifts[index] : undefined;
  const next = current ? shifts[index + 1] : shifts.find((shift) => shift.from > at);
  return { schedule, current, next };
}

/** A person's shifts in every schedule that overlap [from, to), soonest first. */
export function shiftsOf(schedules: readonly Schedule[], who: string, from: number, to: number): { schedule: Schedule; shift: Shift }[] {
  return schedules
    .flatMap((schedule) =>
      finalSchedule(schedule, from, to)
        .filter((shift) => shift.who === who)
        .map((shift) => ({ schedule, shift })),
    )
    .sort((a, b) => a.shift.from - b.shift.from || a.schedule.id.localeCompare(b.schedule.id));
}
