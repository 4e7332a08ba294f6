// The sync planner: what the records want × what GitHub has → a list of operations. Pure: no
// HTTP, no clock. The executor carries the operations out; --dry-run only prints them.
import type { DesiredIssue } from "./desired-issues.ts";
import { isDerivedLabel } from "./desired-issues.ts";
import { findMarker, recordedOwner, splitBody } from "./marker.ts";
import { composeBody } from "./issue-body.ts";

/** An issue as sync sees it (from the listing or from GET /issues/N). */
export interface ExistingIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  labels: string[];
  assignees: string[];
  isPullRequest: boolean;
  /** Who opened it (`user.login`), and GitHub's `author_association`: what trust.ts decides by. */
  author: string;
  authorAssociation: string;
}

/** Fields to write on an issue; absent fields are left alone. */
export interface IssueChanges {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
}

export type Operation =
  | { kind: "create"; key: string; title: string; body: string; labels: string[]; assignees: string[] }
  | { kind: "update"; key: string; number: number; changes: IssueChanges; reasons: string[] }
  | { kind: "adopt"; key: string; number: number; changes: IssueChanges; close?: CloseRequest }
  | { kind: "close"; key: string; number: number; changes: IssueChanges; close: CloseRequest }
  | { kind: "report"; key: string; number?: number; message: string }
  /** An issue sync does not trust (trust.ts): said once, never adopted or edited, never a failure. */
  | { kind: "notice"; key: string; number: number; message: string }
  | { kind: "noop"; key: string; number?: number; why: string };

export interface CloseRequest {
  stateReason: "completed" | "not_planned";
  status: "done" | "wont_do";
  file: string;
}

export type OperationKind = Operation["kind"];
export const WRITE_KINDS: OperationKind[] = ["create", "update", "adopt", "close"];

export interface PlanInput {
  desired: DesiredIssue[];
  /** Every issue of the listing (all states, first config label); pull requests are ignored here. */
  listed: ExistingIssue[];
  /** Issues named by `issue: N` that carry no marker yet, fetched one by one (null: not found). */
  fetched: Map<number, ExistingIssue | null>;
  /** Listed issues sync does not trust (trust.ts): their markers are ignored. Default: none. */
  untrusted?: ReadonlySet<number>;
}

/** Issues sync must fetch before planning: `issue: N` items whose marker is not in the listing. */
export function issuesToFetch(desired: DesiredIssue[], listed: ExistingIssue[], untrusted: ReadonlySet<number> = new Set()): number[] {
  const tracked = indexByMarker(listed, untrusted);
  const listedNumbers = new Set(listed.map((i) => i.number));
  return desired.filter((d) => d.adopt !== undefined && !tracked.has(d.key) && !listedNumbers.has(d.adopt)).map((d) => d.adopt as number);
}

export function planSync({ desired, listed, fetched, untrusted = new Set() }: PlanInput): Operation[] {
  const tracked = indexByMarker(listed, untrusted);
  const byNumber = new Map(listed.filter((i) => !i.isPullRequest).map((i) => [i.number, i]));
  const operations: Operation[] = [];
  const wanted = new Set(desired.map((d) => d.key));

  for (const item of desired) {
    const [issue, ...duplicates] = tracked.get(item.key) ?? [];
    if (duplicates.length > 0) {
      operations.push({
        kind: "report",
        key: item.key,
        number: issue.number,
        message: `also tracked by ${duplicates.map((d) => `#${d.number}`).join(", ")}; sync keeps #${issue.number}. Close the duplicates by hand.`,
      });
    }
    if (issue) {
      if (item.adopt !== undefined && item.adopt !== issue.number) {
        operations.push({
          kind: "report",
          key: item.key,
          number: issue.number,
          message: `${item.file} says \`issue: ${item.adopt}\`, but #${issue.number} already tracks this item; sync keeps #${issue.number}. Fix \`issue:\` in the record.`,
        });
      }
      operations.push(planTracked(item, issue));
      continue;
    }
    if (item.adopt !== undefined) {
      operations.push(planAdoption(item, byNumber.get(item.adopt) ?? fetched.get(item.adopt) ?? null));
      continue;
    }
    if (item.status === "open") {
      operations.push({
        kind: "create",
        key: item.key,
        title: item.title,
        body: composeBody(undefined, item.block),
        labels: item.labels,
        assignees: [item.owner],
      });
    } else {
      operations.push({ kind: "noop", key: item.key, why: `${item.status}, and no issue was ever opened` });
    }
  }

  // Issues that carry a marker for an item no longer in the records: say so, never close them
  // silently (the item may have been renamed by mistake; ids must not be reused).
  for (const [key, issues] of tracked) {
    if (wanted.has(key)) continue;
    for (const issue of issues.filter((i) => i.state === "open")) {
      operations.push({
        kind: "report",
        key,
        number: issue.number,
        message: `#${issue.number} tracks \`${key}\`, which is in no postmortem. Close it by hand, or restore the item.`,
      });
    }
  }
  for (const issue of listed) {
    const key = untrusted.has(issue.number) && !issue.isPullRequest ? findMarker(issue.body) : undefined;
    if (!key) continue;
    operations.push({
      kind: "notice",
      key,
      number: issue.number,
      message: `#${issue.number} (opened by @${issue.author}) carries sitrep's marker, but sync trusts only issues its own account or someone with write access opened, or that a record names (\`issue: ${issue.number}\`); ignored.`,
    });
  }
  return operations;
}

function planTracked(item: DesiredIssue, issue: ExistingIssue): Operation {
  if (item.status === "open") {
    if (issue.state === "closed") {
      return {
        kind: "report",
        key: item.key,
        number: issue.number,
        message: `#${issue.number} was closed on GitHub but the item is still open in ${item.file}. Set its status to done or wont_do (sync never reopens issues).`,
      };
    }
    const { changes, reasons } = changesFor(item, issue);
    return reasons.length === 0
      ? { kind: "noop", key: item.key, number: issue.number, why: "in step" }
      : { kind: "update", key: item.key, number: issue.number, changes, reasons };
  }
  if (issue.state === "closed") return { kind: "noop", key: item.key, number: issue.number, why: `${item.status} and closed` };
  return { kind: "close", key: item.key, number: issue.number, changes: changesFor(item, issue).changes, close: closeRequest(item) };
}

function planAdoption(item: DesiredIssue, issue: ExistingIssue | null): Operation {
  const n = item.adopt as number;
  if (!issue)
    return {
      kind: "report",
      key: item.key,
      message: `${item.file} says \`issue: ${n}\`, but there is no issue #${n}. Fix or remove \`issue:\`.`,
    };
  if (issue.isPullRequest)
    return {
      kind: "report",
      key: item.key,
      number: n,
      message: `${item.file} says \`issue: ${n}\`, but #${n} is a pull request. Name an issue.`,
    };
  const other = findMarker(issue.body);
  if (other && other !== item.key)
    return {
      kind: "report",
      key: item.key,
      number: n,
      message: `${item.file} says \`issue: ${n}\`, but #${n} already tracks \`${other}\`. Name another issue.`,
    };
  if (issue.state === "closed") {
    if (item.status !== "open") return { kind: "noop", key: item.key, number: n, why: `${item.status} and #${n} is closed` };
    return {
      kind: "report",
      key: item.key,
      number: n,
      message: `#${n} (named by \`issue: ${n}\`) is closed but the item is still open in ${item.file}. Set its status to done or wont_do, or reopen #${n} by hand.`,
    };
  }
  const { changes } = changesFor(item, issue);
  return {
    kind: "adopt",
    key: item.key,
    number: n,
    changes: { ...changes, body: composeBody(issue.body, item.block) },
    ...(item.status === "open" ? {} : { close: closeRequest(item) }),
  };
}

function closeRequest(item: DesiredIssue): CloseRequest {
  return { stateReason: item.status === "done" ? "completed" : "not_planned", status: item.status as "done" | "wont_do", file: item.file };
}

/**
 * What to write so the issue matches the item. Labels: add what is missing, drop only derived
 * labels (priority:*, severity:*) the item no longer has; labels people added stay. Assignee:
 * changed only when the owner in the record changed since sitrep last wrote the block, so an
 * owner GitHub refuses (422), or a hand re-assignment, is not fought on every run.
 */
function changesFor(item: DesiredIssue, issue: ExistingIssue): { changes: IssueChanges; reasons: string[] } {
  const changes: IssueChanges = {};
  const reasons: string[] = [];
  if (issue.title !== item.title) {
    changes.title = item.title;
    reasons.push("title");
  }
  const body = composeBody(issue.body, item.block);
  if (body !== issue.body) {
    changes.body = body;
    reasons.push("body");
  }
  const want = new Set(item.labels);
  const kept = issue.labels.filter((l) => !isDerivedLabel(l) || want.has(l));
  const labels = [...kept, ...item.labels.filter((l) => !kept.includes(l))];
  if (labels.length !== issue.labels.length || labels.some((l) => !issue.labels.includes(l))) {
    changes.labels = labels;
    reasons.push("labels");
  }
  const previousOwner = recordedOwner(splitBody(issue.body).block);
  if (previousOwner !== item.owner && !issue.assignees.includes(item.owner)) {
    changes.assignees = [...issue.assignees.filter((a) => a !== previousOwner), item.owner];
    reasons.push("assignee");
  }
  return { changes, reasons };
}

function indexByMarker(listed: ExistingIssue[], untrusted: ReadonlySet<number>): Map<string, ExistingIssue[]> {
  const index = new Map<string, ExistingIssue[]>();
  for (const issue of [...listed].sort((a, b) => a.number - b.number)) {
    if (issue.isPullRequest || untrusted.has(issue.number)) continue;
    const key = findMarker(issue.body);
    if (!key) continue;
    index.set(key, [...(index.get(key) ?? []), issue]);
  }
  return index;
}

export function countByKind(operations: Operation[]): Record<OperationKind, number> {
  const counts: Record<OperationKind, number> = { create: 0, update: 0, adopt: 0, close: 0, report: 0, notice: 0, noop: 0 };
  for (const op of operations) counts[op.kind]++;
  return counts;
}
