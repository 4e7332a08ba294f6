// Maintenance that was cancelled or moved, told as such (decision 0115). new-events.ts finds what is
// new from the previous published site; this names two of those events better (a cancellation by
// the feed's `cancelled` entry, a move by the API's window) and adds the one it cannot see: a
// window moved without an update. Each event keeps an id that is stable across
// builds (the update's, or the new window's), and the previous site holds the moved window once
// it is deployed, so every one is sent once. Pure: two snapshots and the events in.
import { toMillis } from "../core/time.ts";
import type { ApiIncident, ApiUpdate, PublishedSite } from "./published-site.ts";

/** The part of new-events.ts's NotifyEvent this reads (new-events.ts imports this file, so not the type itself). */
interface Event {
  id: string;
  kind: string;
  at: string;
  incident?: ApiIncident;
  update?: ApiUpdate;
}

const windowOf = (m: ApiIncident) => `${m.scheduled_for ?? ""}/${m.scheduled_until ?? ""}`;

export function maintenanceChanges<E extends Event>(previous: PublishedSite | undefined, current: PublishedSite, events: E[]): E[] {
  const before = new Map((previous?.maintenances ?? []).map((m) => [m.id, m]));
  // A window is rescheduled when it moved and has not begun now (moved before it opened, or away
  // after the clock opened it); one extended while open or after it closed is news through its
  // updates, not a move.
  const moved = new Set(
    current.maintenances
      .filter((m) => m.status === "scheduled" && before.has(m.id) && windowOf(before.get(m.id)!) !== windowOf(m))
      .map((m) => m.id),
  );
  const cancelled = new Set((current.cancellations ?? []).map((c) => c.page));
  const renamed = events.flatMap((event): E[] => {
    const maintenance = event.incident;
    if (maintenance === undefined || !current.maintenances.some((m) => m.id === maintenance.id)) return [event];
    // The API says `completed` for a cancelled maintenance (Statuspage has no cancelled status); the feed marks the cancelling update.
    const update = event.update;
    if (
      update !== undefined &&
      (current.cancellations ?? []).some((c) => c.page === maintenance.shortlink && c.at === toMillis(update.created_at))
    ) {
      return [{ ...event, kind: "maintenance_cancelled" }];
    }
    // A window moved later is not over: the clock closing the old window is not news.
    if (moved.has(maintenance.id) && event.id === `${maintenance.id}:window-closed`) return [];
    // A cancelled window never began: the API's jump from scheduled to completed is not a start.
    if (cancelled.has(maintenance.shortlink) && event.id === `${maintenance.id}:window-opened`) return [];
    return [event];
  });
  for (const id of moved) {
    const maintenance = current.maintenances.find((m) => m.id === id)!;
    const told = renamed.filter((e) => e.incident?.id === id && e.update !== undefined && e.kind === "maintenance_updated").at(-1);
    if (told !== undefined) told.kind = "maintenance_rescheduled";
    else
      renamed.push({
        id: `${id}:rescheduled:${windowOf(maintenance)}`,
        kind: "maintenance_rescheduled",
        at: String(maintenance.updated_at ?? current.page.updated_at),
        incident: maintenance,
      } as E);
  }
  return renamed;
}
