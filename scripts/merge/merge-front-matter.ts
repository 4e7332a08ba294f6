// The semantic three-way merge of a record's front matter, key by key, on plain values: what a
// key becomes when two responders changed the same record from one base. Lists of updates,
// timeline entries and action items are merged item by item (merge-lists.ts); maps (components,
// roles) key by key, where two impacts for one component keep the worse, as the incident's
// overall map does (ADR 0052); lists of ids (runbooks, authors) are united; `status` follows the
// last merged update. A scalar both sides changed to different values (severity, title, a
// milestone) is a conflict. Pure: no text, no files; merge-record.ts applies the answer.
import { isDeepStrictEqual } from "node:util";
import { statusRank, type ComponentStatus } from "../model/vocabulary.ts";
import { BY_ID, BY_TIME, mergeLists, type ItemRef, type ListIdentity } from "./merge-lists.ts";

type Data = Record<string, unknown>;

/** What a top-level key becomes in one resolution. */
export type KeyResolution =
  | { kind: "ours" }
  | { kind: "theirs" }
  | { kind: "delete" }
  | { kind: "value"; value: unknown }
  | { kind: "items"; items: ItemRef[] };

export interface KeyMerge {
  key: string;
  /** Every conflict resolved ours' way; equal to `theirs` when the key merged cleanly. */
  ours: KeyResolution;
  theirs: KeyResolution;
  conflicts: string[];
}

const LISTS: Record<string, ListIdentity> = {
  updates: BY_TIME("update"),
  timeline: BY_TIME("timeline entry"),
  action_items: BY_ID("action item"),
};

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);
const show = (value: unknown) => (value === undefined ? "(removed)" : typeof value === "string" ? value : JSON.stringify(value));
const isPlainMap = (value: unknown): value is Data => typeof value === "object" && value !== null && !Array.isArray(value);
const isScalarList = (value: unknown): value is unknown[] =>
  Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null);

/** Merges every top-level key of the three front matters (base may be empty: both sides added the file). */
export function mergeFrontMatter(base: Data, ours: Data, theirs: Data): KeyMerge[] {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  const merges = keys.map((key) => mergeKey(key, base[key], ours[key], theirs[key]));
  return followLastUpdate(merges, ours, theirs);
}

function clean(key: string, resolution: KeyResolution): KeyMerge {
  return { key, ours: resolution, theirs: resolution, conflicts: [] };
}

function mergeKey(key: string, base: unknown, ours: unknown, theirs: unknown): KeyMerge {
  if (same(ours, theirs) || same(base, theirs)) return clean(key, { kind: "ours" });
  if (same(base, ours)) return clean(key, theirs === undefined ? { kind: "delete" } : { kind: "theirs" });
  const identity = LISTS[key];
  if (identity && Array.isArray(ours) && Array.isArray(theirs)) {
    const merged = mergeLists(Array.isArray(base) ? base : [], ours, theirs, identity);
    return {
      key,
      ours: { kind: "items", items: merged.ours },
      theirs: { kind: "items", items: merged.theirs },
      conflicts: merged.conflicts.map((c) => c.what),
    };
  }
  if (isPlainMap(ours) && isPlainMap(theirs)) return mergeMap(key, isPlainMap(base) ? base : {}, ours, theirs);
  if (isScalarList(ours) && isScalarList(theirs)) {
    const removed = (Array.isArray(base) ? base : []).filter((v) => !ours.includes(v) || !theirs.includes(v));
    const value = [...ours, ...theirs.filter((v) => !ours.includes(v))].filter((v) => !removed.includes(v));
    return clean(key, { kind: "value", value });
  }
  return {
    key,
    ours: { kind: "ours" },
    theirs: theirs === undefined ? { kind: "delete" } : { kind: "theirs" },
    conflicts: [`both sides changed \`${key}\`: ${show(ours)} on this side, ${show(theirs)} on the other (it was ${show(base)})`],
  };
}

/** A map merged key by key: components (the worse impact wins) and roles (a conflict per role). */
function mergeMap(key: string, base: Data, ours: Data, theirs: Data): KeyMerge {
  const oursWay: Data = {};
  const theirsWay: Data = {};
  const conflicts: string[] = [];
  for (const inner of [...new Set([...Object.keys(ours), ...Object.keys(theirs)])]) {
    const [b, o, t] = [base[inner], ours[inner], theirs[inner]];
    let pick: { ours: unknown; theirs: unknown };
    if (same(o, t) || same(b, t)) pick = { ours: o, theirs: o };
    else if (same(b, o)) pick = { ours: t, theirs: t };
    else if (key === "components" && typeof o === "string" && typeof t === "string") {
      const worse = statusRank(t as ComponentStatus) > statusRank(o as ComponentStatus) ? t : o;
      pick = { ours: worse, theirs: worse };
    } else {
      conflicts.push(`both sides changed \`${key}.${inner}\`: ${show(o)} on this side, ${show(t)} on the other (it was ${show(b)})`);
      pick = { ours: o, theirs: t };
    }
    if (pick.ours !== undefined) oursWay[inner] = pick.ours;
    if (pick.theirs !== undefined) theirsWay[inner] = pick.theirs;
  }
  return { key, ours: { kind: "value", value: oursWay }, theirs: { kind: "value", value: theirsWay }, conflicts };
}

/**
 * An incident's `status` must equal its last update's (validate: status-matches-last-update).
 * When the updates were merged, the status is the merged list's last, in each resolution — a
 * status both sides changed differently is then no conflict of its own.
 */
function followLastUpdate(merges: KeyMerge[], ours: Data, theirs: Data): KeyMerge[] {
  const updates = merges.find((m) => m.key === "updates");
  const status = merges.find((m) => m.key === "status");
  if (!updates || !status || updates.ours.kind !== "items" || updates.theirs.kind !== "items") return merges;
  const statusOf = (items: ItemRef[]): unknown => {
    const last = items[items.length - 1];
    if (!last) return undefined;
    const list = (last.side === "ours" ? ours.updates : theirs.updates) as { status?: unknown }[];
    return list[last.index]?.status;
  };
  const resolve = (value: unknown): KeyResolution =>
    value === undefined ? { kind: "ours" } : value === ours.status ? { kind: "ours" } : { kind: "value", value };
  const next: KeyMerge = {
    key: "status",
    ours: resolve(statusOf(updates.ours.items)),
    theirs: resolve(statusOf(updates.theirs.items)),
    conflicts: [],
  };
  if (statusOf(updates.ours.items) === undefined) return merges;
  return merges.map((m) => (m === status ? next : m));
}
