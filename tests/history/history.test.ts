// The history reader and events on a real repository with a known history (tests/history/scenario.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readHistory } from "../../scripts/history/read-history.ts";
import { deriveEvents, itemStatusAt, type HistoryEvents } from "../../scripts/history/events.ts";
import { locateGitRepository } from "../../scripts/history/git-repository.ts";
import { NoCommitsError, NotAGitRepositoryError, ShallowCloneError } from "../../scripts/errors.ts";
import type { History } from "../../scripts/history/revision.ts";
import { createGitRepo, shallowClone, type GitRepo } from "../helpers/git-repo.ts";
import { A, A_OLD, B, buildScenario, D, P, Q } from "./scenario.ts";

let repo: GitRepo;
let mergeCommit: string;
let history: History;
let events: HistoryEvents;

beforeAll(async () => {
  ({ repo, mergeCommit } = buildScenario());
  history = await readHistory(repo.dir);
  events = deriveEvents(history);
});
afterAll(() => repo?.cleanup());

const eventsOf = (type: string, record?: string) =>
  events.events.filter((e) => e.type === type && (record === undefined || e.record === record));

describe("readHistory", () => {
  it("reads every main-line commit that touched a record, oldest first, in one pass", () => {
    // 19 main-line commits; the first touches only the config and incidents/README.md (not records).
    expect(history.commitCount).toBe(18);
    const times = history.revisions.map((r) => r.commit.at);
    expect([...times].sort()).toEqual(times);
    expect(history.head).toBe(repo.head());
  });

  it("dates a merged branch's change by the merge commit, not the branch commit", () => {
    const pm = history.revisions.find((r) => r.path === P && r.change === "added");
    expect(pm?.commit.id).toBe(mergeCommit);
    expect(pm?.commit.at).toBe("2026-03-06T15:00:00Z");
    expect(pm?.commit.parents).toBe(2);
    // The branch's own commit (2026-03-04) never appears: first-parent only.
    expect(history.revisions.some((r) => r.commit.at.startsWith("2026-03-04"))).toBe(false);
  });

  it("normalises committer dates with offsets to UTC", () => {
    const declared = history.revisions.find((r) => r.path === A_OLD && r.change === "added");
    expect(declared?.commit.at).toBe("2026-03-02T09:30:00Z");
  });

  it("follows the rename and records both paths", () => {
    const renamed = history.revisions.find((r) => r.change === "renamed");
    expect(renamed).toMatchObject({ path: A, previousPath: A_OLD, kind: "incident" });
  });

  it("skips README files and counts the revision that did not parse", () => {
    expect(history.revisions.some((r) => r.path.endsWith("README.md"))).toBe(false);
    expect(history.unparseableCount).toBe(1);
    const broken = history.revisions.find((r) => r.unparseable);
    expect(broken).toMatchObject({ path: B, commit: { at: "2026-03-17T10:00:00Z" } });
  });

  it("parses each distinct blob once (a revert brings back an old blob)", () => {
    const blobs = new Set(history.revisions.filter((r) => r.blob && r.kind !== "runbook").map((r) => r.blob));
    expect(history.blobCount).toBe(blobs.size);
    const withBlob = history.revisions.filter((r) => r.blob).length;
    expect(history.blobCount).toBeLessThan(withBlob);
  });

  it("reads records kept in a subfolder of the repository", async () => {
    const outer = createGitRepo({ prefix: "sitrep-sub-" });
    try {
      outer.commit("records in a subfolder", "2026-04-01T00:00:00Z", {
        "status/incidents/2026/2026-04-01-x.md": "---\ntitle: X\nstatus: investigating\n---\n",
        "incidents/2026/2026-04-01-outside.md": "---\ntitle: Not ours\nstatus: investigating\n---\n",
      });
      // A user setting that would make git print paths relative to the cwd must not matter.
      outer.git(["config", "diff.relative", "true"]);
      const sub = await readHistory(path.join(outer.dir, "status"));
      expect(sub.revisions.map((r) => r.path)).toEqual(["incidents/2026/2026-04-01-x.md"]);
      expect(sub.revisions[0].snapshot).toMatchObject({ kind: "incident", status: "investigating" });
    } finally {
      outer.cleanup();
    }
  });
});

describe("preflight", () => {
  it("refuses a shallow clone with the fix (fetch-depth: 0)", () => {
    const clone = shallowClone(repo.dir, 1);
    try {
      expect(clone.git(["rev-parse", "--is-shallow-repository"]).trim()).toBe("true");
      expect(() => locateGitRepository(clone.dir)).toThrow(ShallowCloneError);
      try {
        locateGitRepository(clone.dir);
      } catch (error) {
        expect((error as ShallowCloneError).exitCode).toBe(2);
        expect((error as ShallowCloneError).hint).toContain("fetch-depth: 0");
        expect((error as ShallowCloneError).hint).toContain("git fetch --unshallow");
      }
    } finally {
      clone.cleanup();
    }
  });

  it("says when the folder is not a git repository, or has no commits", () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), "sitrep-nogit-"));
    const empty = createGitRepo({ prefix: "sitrep-empty-" });
    try {
      expect(() => locateGitRepository(plain)).toThrow(NotAGitRepositoryError);
      expect(() => locateGitRepository(empty.dir)).toThrow(NoCommitsError);
    } finally {
      rmSync(plain, { recursive: true, force: true });
      empty.cleanup();
    }
  });
});

describe("deriveEvents", () => {
  it("declares a record at its first commit, under its id today (after the rename)", () => {
    const [declared] = eventsOf("declared", "2026-03-02-api-outage");
    expect(declared).toMatchObject({ at: "2026-03-02T09:30:00Z", path: A_OLD, kind: "incident" });
    const timeline = events.records.get("incident:2026-03-02-api-outage");
    expect(timeline?.previousPaths).toEqual([A_OLD]);
    expect(timeline?.declaredAt).toBe("2026-03-02T09:30:00Z");
  });

  it("records each status change with the date it landed, and the reopening", () => {
    const changes = eventsOf("status_changed", "2026-03-02-api-outage")
      .filter((e) => e.kind === "incident")
      .map((e) => [e.at, e.from, e.to]);
    expect(changes).toEqual([
      ["2026-03-02T10:05:00Z", "investigating", "resolved"],
      ["2026-03-03T09:00:00Z", "resolved", "identified"],
      ["2026-03-03T12:00:00Z", "identified", "resolved"],
    ]);
    expect(eventsOf("reopened").map((e) => [e.record, e.at])).toEqual([["2026-03-02-api-outage", "2026-03-03T09:00:00Z"]]);
    expect(events.records.get("incident:2026-03-02-api-outage")?.firstResolvedAt).toBe("2026-03-02T10:05:00Z");
  });

  it("dates postmortem creation at the merge and publication at the squash merge", () => {
    expect(eventsOf("postmortem_created", "2026-03-02-api-outage")[0]?.at).toBe("2026-03-06T15:00:00Z");
    expect(eventsOf("postmortem_published", "2026-03-02-api-outage").map((e) => e.at)).toEqual(["2026-03-12T10:00:00Z"]);
    expect(events.records.get("postmortem:2026-03-02-api-outage")?.publishedAt).toBe("2026-03-12T10:00:00Z");
  });

  it("tracks action items added, done (squash merge), wont_do and reopened (revert)", () => {
    const alert = events.actionItems.get("2026-03-02-api-outage/add-alert");
    expect(alert?.addedAt).toBe("2026-03-06T15:00:00Z");
    expect(alert?.statuses).toEqual([
      { at: "2026-03-06T15:00:00Z", status: "open" },
      { at: "2026-03-12T10:00:00Z", status: "done" },
    ]);
    const retry = eventsOf("action_item_wont_do")
      .concat(eventsOf("action_item_reopened"))
      .map((e) => [e.type, e.item, e.at]);
    expect(retry).toEqual([
      ["action_item_wont_do", "2026-03-02-api-outage/fix-retry", "2026-03-13T10:00:00Z"],
      ["action_item_reopened", "2026-03-02-api-outage/fix-retry", "2026-03-14T10:00:00Z"],
    ]);
    const item = events.actionItems.get("2026-03-02-api-outage/fix-retry")!;
    expect(itemStatusAt(item, "2026-03-13T12:00:00Z")).toBe("wont_do");
    expect(itemStatusAt(item, "2026-03-14T12:00:00Z")).toBe("open");
    expect(itemStatusAt(item, "2026-03-01T00:00:00Z")).toBeUndefined();
  });

  it("keeps a moved action item's history under its new key", () => {
    expect(events.actionItems.has("2026-03-02-api-outage/write-doc")).toBe(false);
    const moved = events.actionItems.get("2026-03-05-web-slow/write-doc");
    expect(moved).toMatchObject({
      postmortem: "2026-03-05-web-slow",
      previousKeys: ["2026-03-02-api-outage/write-doc"],
      addedAt: "2026-03-06T15:00:00Z",
    });
    expect(moved?.statuses.map((s) => s.status)).toEqual(["open", "done"]);
    expect(eventsOf("action_item_moved").map((e) => [e.item, e.at])).toEqual([["2026-03-05-web-slow/write-doc", "2026-03-20T10:00:00Z"]]);
    expect(eventsOf("action_item_removed")).toEqual([]);
  });

  it("survives a deleted record", () => {
    expect(eventsOf("deleted").map((e) => [e.record, e.at, e.path])).toEqual([["2026-03-15-temp", "2026-03-16T10:00:00Z", D]]);
    expect(events.records.get("incident:2026-03-15-temp")?.deletedAt).toBe("2026-03-16T10:00:00Z");
  });

  it("compares the fixed revision with the last good one (no status event for the broken day)", () => {
    expect(eventsOf("status_changed", "2026-03-05-web-slow")).toEqual([]);
    expect(events.records.get("postmortem:2026-03-05-web-slow")?.path).toBe(Q);
  });

  it("treats a revert of a deletion as the same record coming back", () => {
    const revisions: History["revisions"] = [
      {
        commit: { id: "c1", at: "2026-01-01T00:00:00Z", parents: 1 },
        kind: "incident",
        path: "incidents/x.md",
        change: "added",
        blob: "b1",
        snapshot: { kind: "incident", status: "investigating" },
      },
      { commit: { id: "c2", at: "2026-01-02T00:00:00Z", parents: 1 }, kind: "incident", path: "incidents/x.md", change: "deleted" },
      {
        commit: { id: "c3", at: "2026-01-03T00:00:00Z", parents: 1 },
        kind: "incident",
        path: "incidents/x.md",
        change: "added",
        blob: "b1",
        snapshot: { kind: "incident", status: "resolved" },
      },
    ];
    const result = deriveEvents({ revisions });
    expect(result.events.map((e) => e.type)).toEqual(["declared", "deleted", "restored", "status_changed"]);
    expect(result.records.get("incident:x")?.declaredAt).toBe("2026-01-01T00:00:00Z");
    expect(result.records.get("incident:x")?.deletedAt).toBeUndefined();
  });

  it("moves an item by title when its id changed too, and removes items that went nowhere", () => {
    const pm = (id: string, items: { id: string; title: string }[]) => ({
      kind: "postmortem" as const,
      incident: id,
      status: "draft",
      items: items.map((i) => ({ ...i, status: "open", priority: "P2" })),
    });
    const at = (day: number) => ({ id: `c${day}`, at: `2026-01-0${day}T00:00:00Z`, parents: 1 });
    const revisions: History["revisions"] = [
      {
        commit: at(1),
        kind: "postmortem",
        path: "postmortems/a.md",
        change: "added",
        blob: "1",
        snapshot: pm("a", [
          { id: "x", title: "Same" },
          { id: "y", title: "Gone" },
        ]),
      },
      { commit: at(2), kind: "postmortem", path: "postmortems/a.md", change: "modified", blob: "2", snapshot: pm("a", []) },
      {
        commit: at(2),
        kind: "postmortem",
        path: "postmortems/b.md",
        change: "added",
        blob: "3",
        snapshot: pm("b", [{ id: "x2", title: "Same" }]),
      },
    ];
    const result = deriveEvents({ revisions });
    expect([...result.actionItems.keys()].sort()).toEqual(["a/y", "b/x2"]);
    expect(result.actionItems.get("b/x2")).toMatchObject({ addedAt: "2026-01-01T00:00:00Z", previousKeys: ["a/x"] });
    expect(result.actionItems.get("a/y")?.removedAt).toBe("2026-01-02T00:00:00Z");
  });
});
