// The final schedule: each layer's rotation cut to its restrictions, later layers painted over
// earlier ones where they have someone, overrides painted over everything; adjoining pieces of
// the same person joined into one shift. Pure: schedule + range → shifts; no clock.
import type { Interval, Schedule, Shift } from "./schedule.ts";
import { layerShifts } from "./rotation.ts";
import { intersect, windowIntervals } from "./windows.ts";

/** Who is on call when, over [from, to): sorted, disjoint shifts (gaps where nobody is). */
export function finalSchedule(schedule: Schedule, from: number, to: number): Shift[] {
  const { timezone, layers, overrides } = schedule.data;
  // Each level (the layers, lowest first, then the overrides) as sorted, disjoint shifts.
  const levels: Shift[][] = layers.map((layer) => {
    let shifts = layerShifts(layer, timezone, from, to);
    if (layer.restrictions) {
      const allowed = windowIntervals(layer.restrictions, timezone, from, to);
      shifts = shifts.flatMap((shift) => intersect(shift.from, shift.to, allowed).map((part) => ({ ...shift, ...part })));
    }
    return shifts.map((shift) => clip(shift, from, to)).filter((shift) => shift.to > shift.from);
  });
  levels.push(
    overrides
      .map((o) => clip({ who: o.who, from: Date.parse(o.from), to: Date.parse(o.to), sources: ["override"] }, from, to))
      .filter((shift) => shift.to > shift.from)
      .sort((a, b) => a.from - b.from),
  );
  return join(stack(levels));
}

/**
 * The top-most level with someone at each moment: one sweep over every boundary, each level
 * read through once with a cursor (levels are sorted and disjoint), so years of daily pieces
 * cost boundaries × levels, not boundaries².
 */
function stack(levels: readonly Shift[][]): Shift[] {
  const boundaries = [...new Set(levels.flatMap((level) => level.flatMap((s) => [s.from, s.to])))].sort((a, b) => a - b);
  const cursors = levels.map(() => 0);
  const out: Shift[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const at = boundaries[i];
    let top: Shift | undefined;
    for (let l = 0; l < levels.length; l++) {
      const level = levels[l];
      while (cursors[l] < level.length && level[cursors[l]].to <= at) cursors[l]++;
      const candidate = level[cursors[l]];
      if (candidate && candidate.from <= at) top = candidate;
    }
    if (top) out.push({ ...top, from: at, to: boundaries[i + 1] });
  }
  return out;
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
