// The pure parts of sync: the planner's decisions and the body builder's size limit.
import { describe, expect, test } from "vitest";
import { planSync, issuesToFetch } from "../../scripts/github/sync-plan.ts";
import type { ExistingIssue } from "../../scripts/github/sync-plan.ts";
import type { DesiredIssue } from "../../scripts/github/desired-issues.ts";
import { composeBody, GITHUB_BODY_LIMIT, closingComment } from "../../scripts/github/issue-body.ts";
import { END_MARKER, findMarker, ownerMarker, splitBody, startMarker } from "../../scripts/github/marker.ts";

const block = (key: string, owner = "ana", extra = "") => [startMarker(key), ownerMarker(owner), `Details ${extra}`, END_MARKER].join("\n");

function desired(id: string, over: Partial<DesiredIssue> = {}): DesiredIssue {
  const key = `pm-1/${id}`;
  return {
    key,
    postmortemId: "pm-1",
    itemId: id,
    status: "open",
    title: `Do ${id}`,
    block: block(key),
    labels: ["incident-action-item", "priority:P2", "severity:SEV2"],
    owner: "ana",
    adopt: undefined,
    file: "postmortems/pm-1.md",
    ...over,
  };
}

function existing(number: number, d: DesiredIssue, over: Partial<ExistingIssue> = {}): ExistingIssue {
  return {
    number,
    title: d.title,
    body: composeBody(undefined, d.block),
    state: "open",
    labels: [...d.labels],
    assignees: [d.owner],
    isPullRequest: false,
    author: "sitrep-bot",
    authorAssociation: "NONE",
    ...over,
  };
}

describe("planSync", () => {
  test("an issue in step is a noop; a missing one is created with owner as assignee", () => {
    const a = desired("a");
    const b = desired("b");
    const ops = planSync({ desired: [a, b], listed: [existing(1, a)], fetched: new Map() });
    expect(ops).toEqual([
      { kind: "noop", key: a.key, number: 1, why: "in step" },
      { kind: "create", key: b.key, title: b.title, body: b.block, labels: b.labels, assignees: ["ana"] },
    ]);
  });

  test("labels: stale derived labels are replaced, labels people added are kept", () => {
    const a = desired("a", { labels: ["incident-action-item", "priority:P1", "severity:SEV2"] });
    const issue = existing(7, a, { labels: ["incident-action-item", "priority:P2", "severity:SEV2", "team:core"] });
    const [op] = planSync({ desired: [a], listed: [issue], fetched: new Map() });
    expect(op).toMatchObject({
      kind: "update",
      number: 7,
      reasons: ["labels"],
      changes: { labels: ["incident-action-item", "severity:SEV2", "team:core", "priority:P1"] },
    });
  });

  test("assignee changes only when the owner in the record changed, not when GitHub or a person dropped it", () => {
    const a = desired("a");
    const unassigned = existing(3, a, { assignees: [] });
    expect(planSync({ desired: [a], listed: [unassigned], fetched: new Map() })[0].kind).toBe("noop");
    const moved = desired("a", { owner: "bo", block: block("pm-1/a", "bo") });
    const [op] = planSync({ desired: [moved], listed: [existing(3, a, { assignees: ["ana", "helper"] })], fetched: new Map() });
    expect(op).toMatchObject({ kind: "update", changes: { assignees: ["helper", "bo"] } });
  });

  test("done closes an open issue as completed, wont_do as not planned; a closed issue is left alone", () => {
    const done = desired("a", { status: "done" });
    const wont = desired("b", { status: "wont_do" });
    const closed = desired("c", { status: "done" });
    const ops = planSync({
      desired: [done, wont, closed],
      listed: [existing(1, done), existing(2, wont), existing(3, closed, { state: "closed" })],
      fetched: new Map(),
    });
    expect(ops.map((o) => o.kind)).toEqual(["close", "close", "noop"]);
    expect(ops[0]).toMatchObject({ close: { stateReason: "completed", status: "done" } });
    expect(ops[1]).toMatchObject({ close: { stateReason: "not_planned", status: "wont_do" } });
  });

  test("a done item that never had an issue creates nothing", () => {
    expect(planSync({ desired: [desired("a", { status: "done" })], listed: [], fetched: new Map() })[0].kind).toBe("noop");
  });

  test("drift: closed by hand, duplicates, an orphaned marker, and pull requests carrying a marker", () => {
    const a = desired("a");
    const b = desired("b");
    const orphan = desired("gone");
    const pr = existing(50, b, { isPullRequest: true });
    const ops = planSync({
      desired: [a, b],
      listed: [existing(1, a, { state: "closed" }), existing(2, b), existing(9, b), existing(4, orphan), pr],
      fetched: new Map(),
    });
    const reports = ops.filter((o) => o.kind === "report");
    expect(reports.map((r) => [r.key, r.number])).toEqual([
      [a.key, 1],
      [b.key, 2],
      [orphan.key, 4],
    ]);
    expect(ops.filter((o) => o.kind !== "report").map((o) => o.kind)).toEqual(["noop"]);
    expect(JSON.stringify(reports)).toContain("also tracked by #9");
    expect(JSON.stringify(ops)).not.toContain("#50");
  });

  test("adoption: fetched when not listed; missing, pull request, or another item's issue are reported", () => {
    const a = desired("a", { adopt: 10 });
    const b = desired("b", { adopt: 11 });
    const c = desired("c", { adopt: 12 });
    const d = desired("d", { adopt: 13, status: "done" });
    const other = desired("other");
    expect(issuesToFetch([a, b, c, d], [])).toEqual([10, 11, 12, 13]);
    const fetched = new Map<number, ExistingIssue | null>([
      [10, null],
      [11, { ...existing(11, b), body: "", isPullRequest: true }],
      [12, existing(12, other)],
      [13, { ...existing(13, d), body: "Hand-written.", labels: [], assignees: [] }],
    ]);
    const ops = planSync({ desired: [a, b, c, d], listed: [], fetched });
    expect(ops.map((o) => o.kind)).toEqual(["report", "report", "report", "adopt"]);
    expect(ops[3]).toMatchObject({ number: 13, close: { stateReason: "completed" } });
    expect((ops[3] as { changes: { body: string } }).changes.body.startsWith("Hand-written.\n\n<!-- sitrep:action-item pm-1/d -->")).toBe(
      true,
    );
  });
});

describe("issue bodies", () => {
  test("the adopted issue's own text is kept around sitrep's block, which is replaced in place", () => {
    const key = "pm-1/a";
    const first = composeBody("Intro by a person.", block(key, "ana", "v1"));
    const second = composeBody(`${first}\n\nA note added below later.`, block(key, "ana", "v2"));
    expect(second).toBe(`Intro by a person.\n\n${block(key, "ana", "v2")}\n\nA note added below later.`);
    expect(findMarker(second)).toBe(key);
    expect(splitBody(second).block).toBe(block(key, "ana", "v2"));
  });

  test("bodies stay under 65,536 characters: sitrep's block shrinks first, then the issue's own text is cut", () => {
    const key = "pm-1/a";
    const big = block(key, "ana", "x".repeat(5_000));
    const nearlyFull = "y".repeat(GITHUB_BODY_LIMIT - 1_000);
    const shrunk = composeBody(nearlyFull, big);
    expect(shrunk.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(shrunk.startsWith(nearlyFull)).toBe(true);
    expect(findMarker(shrunk)).toBe(key);
    const overfull = composeBody("z".repeat(GITHUB_BODY_LIMIT + 10), big);
    expect(overfull.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(findMarker(overfull)).toBe(key);
    expect(overfull).toContain("trimmed by sitrep");
  });

  test("the closing comment names the item, the file and the commit", () => {
    const text = closingComment({
      key: "pm-1/a",
      status: "wont_do",
      file: "postmortems/pm-1.md",
      commit: "abcdef0123456789",
      commitUrl: "https://github.com/o/r/commit/abcdef0123456789",
    });
    expect(text).toBe(
      "Closed by `sitrep sync`: action item `pm-1/a` is marked **won't do** in `postmortems/pm-1.md` in [abcdef012345](https://github.com/o/r/commit/abcdef0123456789).",
    );
  });
});
