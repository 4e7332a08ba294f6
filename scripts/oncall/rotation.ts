// The handoffs of one layer: a fixed length (12h, 1d, 1w, counted on the local clock) or an
// RFC 5545 recurrence rule (rrule, run on the floating clock so its times are local times).
// Pure: layer + zone + range → the layer's shifts, before restrictions.
import { createRequire } from "node:module";
import type { RRule } from "rrule";
import type { Layer, Shift } from "./schedule.ts";
import { fromFloating, parseLocal, toFloating, DAY_MS } from "./local-time.ts";

// Loaded on first use (decision 0100): validate runs on every command, most schedules use 1w/1d/12h.
let rruleModule: typeof import("rrule") | undefined;
function rrule(): typeof import("rrule") {
  rruleModule ??= createRequire(import.meta.url)("rrule") as typeof import("rrule");
  return rruleModule;
}
const HOUR_MS = 3_600_000;
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS };

/** The fixed length of a `12h`/`1d`/`2w` rotation on the floating clock, or undefined for an RRULE. */
export function fixedLength(rotation: string): number | undefined {
  const match = /^(\d+)([hdw])$/.exec(rotation);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

/** The layer's recurrence rule (handoffs after `start`), on the floating clock. */
export function recurrenceRule(layer: Layer): RRule {
  const { RRule: Rule } = rrule();
  const options = Rule.parseString(layer.rotation.replace(/^RRULE:/, ""));
  return new Rule({ ...options, dtstart: new Date(parseLocal(layer.start)) });
}

/** Whether an RRULE rotation never hands off after `start` (a rule that cannot fire, or ends before it does). */
export function neverFires(layer: Layer): boolean {
  if (fixedLength(layer.rotation) !== undefined) return false;
  return recurrenceRule(layer).after(new Date(parseLocal(layer.start)), false) === null;
}

/**
 * Handoff times (floating) of a layer around [fromF, untilF], each with the index of the shift it
 * begins (0 = `start`, the first member), from the last handoff at or before `fromF` to the first
 * after `untilF`. A recurrence rule that stops firing (COUNT, UNTIL) ends the layer at its last
 * handoff.
 */
function handoffs(layer: Layer, fromF: number, untilF: number): { at: number; index: number }[] {
  const start = parseLocal(layer.start);
  const length = fixedLength(layer.rotation);
  const out: { at: number; index: number }[] = [];
  if (length !== undefined) {
    const first = Math.max(0, Math.floor((fromF - start) / length));
    for (let k = first; k === first || start + (k - 1) * length <= untilF; k++) out.push({ at: start + k * length, index: k });
    return out;
  }
  const rule = recurrenceRule(layer);
  const previous = fromF > start ? rule.before(new Date(fromF), true) : null;
  let at = start;
  let index = 0;
  if (previous && previous.getTime() > start) {
    at = previous.getTime();
    index = rule.between(new Date(start), previous, true).filter((d) => d.getTime() > start).length;
  }
  out.push({ at, index });
  for (const date of rule.between(new Date(at), new Date(untilF), false)) out.push({ at: date.getTime(), index: ++index });
  const after = rule.after(new Date(Math.max(untilF, out.at(-1)!.at)), false);
  if (after) out.push({ at: after.getTime(), index: ++index });
  return out;
}

/** The layer's shifts overlapping [from, to) (instants), before restrictions; clipped to its `end`. */
export function layerShifts(layer: Layer, timeZone: string, from: number, to: number): Shift[] {
  const end = layer.end === undefined ? Infinity : fromFloating(parseLocal(layer.end), timeZone);
  const points = handoffs(layer, toFloating(from, timeZone) - DAY_MS, toFloating(to, timeZone) + DAY_MS);
  const shifts: Shift[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const shiftFrom = fromFloating(points[i].at, timeZone);
    const shiftTo = Math.min(fromFloating(points[i + 1].at, timeZone), end);
    if (shiftTo <= from || shiftFrom >= to || shiftTo <= shiftFrom) continue;
    shifts.push({ who: layer.members[points[i].index % layer.members.length], from: shiftFrom, to: shiftTo, sources: [layer.name] });
  }
  return shifts;
}
