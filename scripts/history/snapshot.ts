// Front matter → the few fields events need. Pure and defensive: a past revision may predate
// today's schema, so every field is checked, never cast.
import type { RecordKind } from "../records/record-types.ts";
import type { ActionItemSnapshot, Snapshot } from "./revision.ts";
import type { Intern } from "./interned-text.ts";

/** `intern` keeps one copy of each string value (interned-text.ts); without it values are kept as given. */
export function snapshotOf(kind: RecordKind, data: unknown, intern: Intern = same): Snapshot | undefined {
  if (!isObject(data)) return undefined;
  const text = (value: unknown) => (typeof value === "string" ? intern(value) : undefined);
  if (kind === "incident") {
    return { kind, status: text(data.status), type: text(data.type), severity: text(data.severity) };
  }
  if (kind === "postmortem") {
    const items: ActionItemSnapshot[] = [];
    if (Array.isArray(data.action_items)) {
      for (const item of data.action_items) {
        if (!isObject(item)) continue;
        const id = text(item.id);
        if (id === undefined) continue;
        items.push({ id, title: text(item.title), status: text(item.status), priority: text(item.priority) });
      }
    }
    return { kind, incident: text(data.incident), status: text(data.status), items };
  }
  return { kind };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const same = (value: string) => value;
