// The JSON shapes `sitrep oncall` prints (docs/oncall.md): plain objects with RFC 3339 times in
// each schedule's own offset, so a reader in Chicago sees the Berlin handoff as Berlin wrote it.
import type { Schedule, Shift } from "./schedule.ts";
import type { OnCallAt } from "./on-call-at.ts";
import { formatLocal } from "./local-time.ts";

export interface OnCallEntry {
  schedule: string;
  name: string;
  timezone: string;
  /** Handle of the person on call, or null when nobody is. */
  on_call: string | null;
  /** The current shift's start and end (null when nobody is on call). */
  from: string | null;
  to: string | null;
  next: { on_call: string; from: string; to: string } | null;
}

export interface ShiftEntry {
  schedule: string;
  name: string;
  on_call: string;
  from: string;
  to: string;
  /** Layer names, or "override". */
  sources: string[];
}

export function onCallEntry({ schedule, current, next }: OnCallAt): OnCallEntry {
  const zone = schedule.data.timezone;
  return {
    schedule: schedule.id,
    name: schedule.data.name,
    timezone: zone,
    on_call: current?.who ?? null,
    from: current ? formatLocal(current.from, zone) : null,
    to: current ? formatLocal(current.to, zone) : null,
    next: next ? { on_call: next.who, from: formatLocal(next.from, zone), to: formatLocal(next.to, zone) } : null,
  };
}

export function shiftEntry(schedule: Schedule, shift: Shift): ShiftEntry {
  const zone = schedule.data.timezone;
  return {
    schedule: schedule.id,
    name: schedule.data.name,
    on_call: shift.who,
    from: formatLocal(shift.from, zone),
    to: formatLocal(shift.to, zone),
    sources: shift.sources,
  };
}
