// Three-way merge of the lists two responders both add to: an incident's `updates` and
// `timeline` (entries ordered by `at`) and a postmortem's `action_items` (keyed by `id`). Each side's
// new entries are kept; an entry one side changed and the other kept takes the change; an entry
// both sides changed differently (or one removed and the other changed) is a conflict. Pure: it
// works on plain values and answers with references to the items of each side, so the caller can
// reuse their YAML nodes (and so their text).
import { isDeepStrictEqual } from "node:util";

/** An item of the merged list: the `index`-th item of ours or of theirs. */
export interface ItemRef {
  side: "ours" | "theirs";
  index: number;
}

export interface ListConflict {
  /** e.g. "both sides edited the update at 2026-11-22T10:05:00Z". */
  what: string;
}

/** The merged list, once resolving every conflict ours' way and once theirs' way (equal without conflicts). */
export interface ListMerge {
  ours: ItemRef[];
  theirs: ItemRef[];
  conflicts: ListConflict[];
}

/** How items are told apart: by `id` (action items) or by time (updates, timeline entries). */
export interface ListIdentity {
  /** The identity of an item that one side may have edited in place. */
  key: (item: unknown) => string | undefined;
  /** e.g. "update" — names the item in a conflict. */
  noun: string;
  /** Whether new items go in time order (else they are appended in their side's order). */
  timeOrdered: boolean;
}

type Fate = { kind: "kept"; index: number } | { kind: "removed" } | { kind: "edited"; index: number };

/** What one side did with each base item, and which of its items are new. */
function sideFates(base: readonly unknown[], side: readonly unknown[], identity: ListIdentity): { fates: Fate[]; added: number[] } {
  const used = new Set<number>();
  const fates: Fate[] = base.map((item) => {
    const index = side.findIndex((candidate, i) => !used.has(i) && isDeepStrictEqual(candidate, item));
    if (index === -1) return { kind: "removed" };
    used.add(index);
    return { kind: "kept", index };
  });
  // A removed base item and a new item with the same identity: the side edited it in place.
  base.forEach((item, b) => {
    if (fates[b].kind !== "removed") return;
    const key = identity.key(item);
    if (key === undefined) return;
    const index = side.findIndex((candidate, i) => !used.has(i) && identity.key(candidate) === key);
    if (index === -1) return;
    used.add(index);
    fates[b] = { kind: "edited", index };
  });
  const added = side.map((_, i) => i).filter((i) => !used.has(i));
  return { fates, added };
}

const timeOf = (item: unknown): number => {
  const at = (item as { at?: unknown } | null)?.at;
  return typeof at === "string" ? Date.parse(at) : Number.NaN;
};

export function mergeLists(
  base: readonly unknown[],
  ours: readonly unknown[],
  theirs: readonly unknown[],
  identity: ListIdentity,
): ListMerge {
  const mine = sideFates(base, ours, identity);
  const other = sideFates(base, theirs, identity);
  const conflicts: ListConflict[] = [];
  const name = (item: unknown) => `the ${identity.noun} ${identity.key(item) ?? JSON.stringify(item)}`;
  // Theirs' edits of items ours removed: only in theirs' resolution.
  const theirsOnly: ItemRef[] = [];
  const replaced = new Map<number, ItemRef>(); // ours index → what replaces it
  const dropped = new Set<number>(); // ours indexes removed by theirs
  const conflictOf = new Map<number, { ours?: ItemRef; theirs?: ItemRef }>();
  base.forEach((item, b) => {
    const a = mine.fates[b];
    const t = other.fates[b];
    const oursRef = a.kind === "removed" ? undefined : ({ side: "ours", index: a.index } as ItemRef);
    const theirsRef = t.kind === "removed" ? undefined : ({ side: "theirs", index: t.index } as ItemRef);
    if (a.kind === "edited" && t.kind === "edited") {
      if (isDeepStrictEqual(ours[a.index], theirs[t.index])) return;
      conflicts.push({ what: `both sides edited ${name(item)}` });
      conflictOf.set(a.index, { ours: oursRef, theirs: theirsRef });
    } else if ((a.kind === "removed" && t.kind === "edited") || (a.kind === "edited" && t.kind === "removed")) {
      conflicts.push({ what: `one side removed ${name(item)} and the other edited it` });
      if (oursRef) conflictOf.set(oursRef.index, { ours: oursRef, theirs: undefined });
      else theirsOnly.push(theirsRef!);
    } else if (a.kind !== "removed" && t.kind === "removed") {
      dropped.add(a.index);
    } else if (a.kind === "kept" && t.kind === "edited") {
      replaced.set(a.index, theirsRef!);
    }
  });
  // Ours' items in ours' order, with theirs' edits and removals applied.
  const build = (way: "ours" | "theirs"): ItemRef[] => {
    const list: ItemRef[] = [];
    ours.forEach((_, index) => {
      const conflict = conflictOf.get(index);
      if (conflict) {
        const ref = way === "ours" ? conflict.ours : conflict.theirs;
        if (ref) list.push(ref);
        return;
      }
      if (dropped.has(index)) return;
      list.push(replaced.get(index) ?? { side: "ours", index });
    });
    if (way === "theirs") for (const ref of theirsOnly) insert(list, ref);
    for (const index of other.added) {
      if (mine.added.some((i) => isDeepStrictEqual(ours[i], theirs[index]))) continue; // both added the same
      insert(list, { side: "theirs", index });
    }
    return list;
  };
  const itemOf = (ref: ItemRef) => (ref.side === "ours" ? ours[ref.index] : theirs[ref.index]);
  function insert(list: ItemRef[], ref: ItemRef): void {
    if (!identity.timeOrdered) {
      list.push(ref);
      return;
    }
    const time = timeOf(itemOf(ref));
    const index = Number.isNaN(time) ? -1 : list.findIndex((other) => timeOf(itemOf(other)) > time);
    if (index === -1) list.push(ref);
    else list.splice(index, 0, ref);
  }
  return { ours: build("ours"), theirs: build("theirs"), conflicts };
}

/** Updates and timeline entries: one per moment, told apart by `at`. */
export const BY_TIME = (noun: string): ListIdentity => ({
  noun,
  timeOrdered: true,
  key: (item) => {
    const at = (item as { at?: unknown } | null)?.at;
    return typeof at === "string" ? `at ${at}` : undefined;
  },
});

/** Action items: told apart by `id` (never reused). */
export const BY_ID = (noun: string): ListIdentity => ({
  noun,
  timeOrdered: false,
  key: (item) => {
    const id = (item as { id?: unknown } | null)?.id;
    return typeof id === "string" ? `\`${id}\`` : undefined;
  },
});
