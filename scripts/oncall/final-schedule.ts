// The final schedule: each layer's rotation cut to its restrictions, later layers painted over
// earlier ones where they have someone, overrides painted over everything; adjoining pieces of
// the same person joined into one shift. Pure: schedule + range → shifts; no clock.
import type { Interval, Schedule, Shift } from "./schedule.ts";
import { layerShifts } from "./rotation.ts";
import { intersect, windowIntervals } from "./windows.ts";

/** Who is on call when, over [from, to): sorted, disjoint shifts (gaps where nobody is). */
export function finalSchedule(schedule: Schedule, from: number, to: number): Shift[] {
  const { timezone, layers, overrides } = schedule.data;
  let timeline: Shift[] = [];
  for (const layer of layers) {
    let shifts = layerShifts(layer, timezone, from, to);
    if (layer.restrictions) {
      const allowed = windowIntervals(layer.restrictions, timezone, from, to);
      shifts = shifts.flatMap((shift) => intersect(shift.from, shift.to, allowed).map((part) => ({ ...shift, ...part })));
    }
    for (const shift of shifts) timeline = paint(timeline, clip(shift, from, to));
  }
  for (const override of overrides) {
    const shift = { who: override.who, from: Date.parse(override.from), to: Date.parse(override.to), sources: ["override"] };
    if (shift.to > from && shift.from < to) timeline = paint(timeline, clip(shift, from, to));
  }
  return join(timeline);
}

/** The times in [from, to) with nobody on call. */
export function gaps(shifts: readonly Shift[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  let cursor = from;
  for (const shift of shifts) {
    if (shift.from > cursor) out.push({ from: cursor, to: Math.min(shift.from, to) });
    cursor = Math.max(cursor, shift.to);
    if (cursor >= to) break;
  }
  if (cursor < to) out.push({ from: cursor, to });
  return out.filter((gap) => gap.to > gap.from);
}

function clip(shift: Shift, from: number, to: number): Shift {
  return { ...shift, from: Math.max(shift.from, from), to: Math.min(shift.to, to) };
}

/** The timeline with `shift` on top: whatever it covers is replaced. */
function paint(timeline: readonly Shift[], shift: Shift): Shift[] {
  if (shift.to <= shift.from) return [...timeline];
  const out: Shift[] = [];
  for (const existing of timeline) {
    if (existing.to <= shift.from || existing.from >= shift.to) {
      out.push(existing);
      continue;
    }
    if (existing.from < shift.from) out.push({ ...existing, to: shift.from });
    if (existing.to > shift.to) out.push({ ...existing, from: shift.to });
  }
  out.push(shift);
  return out.sort((a, b) => a.from - b.from);
}

/** Adjoining pieces of the same person become one shift. */
function join(timeline: readonly Shift[]): Shift[] {
  const out: Shift[] = [];
  for (const shift of timeline) {
    const last = out.at(-1);
    if (last && last.who === shift.who && last.to === shift.from) {
      last.to = shift.to;
      for (const source of shift.sources) if (!last.sources.includes(source)) last.sources.push(source);
    } else out.push({ ...shift, sources: [...shift.sources] });
  }
  return out;
}
