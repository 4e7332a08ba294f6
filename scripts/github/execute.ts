// Carries out a sync plan, one write at a time, in plan order. Stops at the first failed write:
// when GitHub is failing, pressing on only makes more half-done work. A rerun converges,
// because the planner finds every issue created so far by its marker.
import type { IssuesApi } from "./issues-api.ts";
import { describeApiError, isAssigneeRejected, writeFailureHint } from "./issues-api.ts";
import type { CloseRequest, ExistingIssue, IssueChanges, Operation } from "./sync-plan.ts";
import { WRITE_KINDS } from "./sync-plan.ts";
import { closingComment } from "./issue-body.ts";

export interface Outcome {
  key: string;
  kind: Operation["kind"];
  number?: number;
  status: "ok" | "failed" | "skipped";
  message?: string;
  /** What to do about a failure, when it is not "run again" (a missing permission). */
  hint?: string;
}

export interface ExecuteContext {
  api: IssuesApi;
  /** Labels known to exist already (seen on listed issues), so no label listing is needed for them. */
  knownLabels: Set<string>;
  commit: string | undefined;
  commitUrl: string | undefined;
  warn: (message: string) => void;
}

export async function executePlan(operations: Operation[], ctx: ExecuteContext): Promise<Outcome[]> {
  const writes = operations.filter((op) => WRITE_KINDS.includes(op.kind));
  const outcomes: Outcome[] = [];
  if (writes.length === 0) return outcomes;
  try {
    await ensureLabels(writes, ctx);
  } catch (error) {
    return writes.map((op, i) => ({
      key: op.key,
      kind: op.kind,
      status: i === 0 ? "failed" : "skipped",
      message: i === 0 ? `creating labels failed: ${describeApiError(error)}` : undefined,
      hint: i === 0 ? writeFailureHint(error) : undefined,
    }));
  }
  let failed = false;
  for (const op of writes) {
    if (failed) {
      outcomes.push({ key: op.key, kind: op.kind, number: numberOf(op), status: "skipped" });
      continue;
    }
    try {
      const number = await perform(op, ctx);
      outcomes.push({ key: op.key, kind: op.kind, number, status: "ok" });
    } catch (error) {
      failed = true;
      outcomes.push({
        key: op.key,
        kind: op.kind,
        number: numberOf(op),
        status: "failed",
        message: describeApiError(error),
        hint: writeFailureHint(error),
      });
    }
  }
  return outcomes;
}

const numberOf = (op: Operation) => ("number" in op ? op.number : undefined);

async function perform(op: Operation, ctx: ExecuteContext): Promise<number | undefined> {
  switch (op.kind) {
    case "create":
      return withoutRejectedAssignee(op.key, op.assignees, ctx, (assignees) =>
        ctx.api.create({ title: op.title, body: op.body, labels: op.labels, assignees }),
      );
    case "update":
      await writeChanges(op.key, op.number, op.changes, ctx);
      return op.number;
    case "adopt":
      if (op.close) return closeIssue(op.key, op.number, op.changes, op.close, ctx);
      await writeChanges(op.key, op.number, op.changes, ctx);
      return op.number;
    case "close":
      return closeIssue(op.key, op.number, op.changes, op.close, ctx);
    default:
      return undefined;
  }
}

/**
 * Closing is two requests. The PATCH goes first (safe to retry); the comment second and only
 * once: if it is lost, the issue is closed and the next run leaves it be — better a missing
 * comment than a duplicate one on every retry.
 */
async function closeIssue(key: string, number: number, changes: IssueChanges, close: CloseRequest, ctx: ExecuteContext): Promise<number> {
  await writeChanges(key, number, changes, ctx, { state: "closed", state_reason: close.stateReason });
  await ctx.api.comment(
    number,
    closingComment({ key, status: close.status, file: close.file, commit: ctx.commit, commitUrl: ctx.commitUrl }),
  );
  return number;
}

async function writeChanges(
  key: string,
  number: number,
  changes: IssueChanges,
  ctx: ExecuteContext,
  state: { state?: "closed"; state_reason?: "completed" | "not_planned" } = {},
): Promise<void> {
  const { assignees, ...rest } = changes;
  if (assignees === undefined) return ctx.api.update(number, { ...rest, ...state });
  await withoutRejectedAssignee(key, assignees, ctx, (list) =>
    ctx.api.update(number, list.length > 0 ? { ...rest, assignees: list, ...state } : { ...rest, ...state }),
  );
}

/** Tries with the owner as assignee; when GitHub rejects the assignee (422), writes without and warns. */
async function withoutRejectedAssignee<T>(
  key: string,
  assignees: string[],
  ctx: ExecuteContext,
  write: (assignees: string[]) => Promise<T>,
): Promise<T> {
  try {
    return await write(assignees);
  } catch (error) {
    if (!isAssigneeRejected(error) || assignees.length === 0) throw error;
    ctx.warn(
      `${key}: GitHub would not assign ${assignees.map((a) => `@${a}`).join(", ")} (${describeApiError(error)}); the issue is written without assignee. Check the owner's handle and that they can be assigned in this repository.`,
    );
    return write([]);
  }
}

async function ensureLabels(writes: Operation[], ctx: ExecuteContext): Promise<void> {
  const needed = new Set<string>();
  for (const op of writes) {
    const labels = op.kind === "create" ? op.labels : "changes" in op ? (op.changes.labels ?? []) : [];
    for (const label of labels) if (!ctx.knownLabels.has(label)) needed.add(label);
  }
  if (needed.size === 0) return;
  const existing = new Set((await ctx.api.listLabels()).map((l) => l.toLowerCase()));
  for (const name of needed) {
    if (!existing.has(name.toLowerCase())) await ctx.api.createLabel({ name, ...labelStyle(name) });
    ctx.knownLabels.add(name);
  }
}

function labelStyle(name: string): { color: string; description: string } {
  const colors: Record<string, string> = { "priority:P1": "b60205", "priority:P2": "d93f0b", "priority:P3": "fbca04" };
  if (name.startsWith("priority:")) return { color: colors[name] ?? "fbca04", description: "Action item priority (sitrep)" };
  if (name.startsWith("severity:")) return { color: "5319e7", description: "Severity of the incident behind this action item (sitrep)" };
  return { color: "0e8a16", description: "Postmortem action item, kept in step by sitrep sync" };
}

/** Labels already on listed issues exist in the repository: no need to list or create them. */
export function labelsSeen(issues: ExistingIssue[]): Set<string> {
  return new Set(issues.flatMap((i) => i.labels));
}
