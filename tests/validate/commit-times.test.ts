// Rule not-after-commit on a real git repository with fixed commit dates: a time later than the
// commit that added it is an error naming the likely offset mistake (also once now has passed
// it); a branch's time is dated by the branch commit, not the merge; an uncommitted time is held
// to now only; and without --history the rule is silent (no history read).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { readAddedTimes } from "../../scripts/history/added-times.ts";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";
import { runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";
import { baseRepo } from "./corpus.ts";

const LABELS = "incidents/2026/2026-11-21-label-printing.md";
const QUEUE = "incidents/2026/2026-11-21-queue-lag.md";
const now = new Date(TEST_NOW);

const incident = (title: string, started: string, updates: string[]) => `---
title: ${title}
severity: SEV3
status: resolved
components:
  api: degraded_performance
started_at: ${started}
resolved_at: ${updates.at(-1)}
updates:
${updates.map((at, i) => `  - at: ${at}\n    status: ${i === updates.length - 1 ? "resolved" : "investigating"}\n    body: Update ${i + 1}.\n`).join("")}---
`;

let repo: GitRepo;
let branchCommit: string;
beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-commit-times-"));
  cpSync(baseRepo, dir, { recursive: true });
  const config = path.join(dir, "sitrep.config.yaml");
  writeFileSync(
    config,
    readFileSync(config, "utf8").replace(
      "  url: https://status.acme.example\n",
      "  url: https://status.acme.example\n  timezone: America/Chicago\n",
    ),
  );
  const webSlow = "incidents/2026/2026-11-20-web-slow.md";
  const webSlowText = readFileSync(path.join(dir, webSlow), "utf8");
  rmSync(path.join(dir, webSlow));
  repo = createGitRepo({ dir });
  repo.commit("Records", "2026-11-20T09:00:00Z");
  // 22:40 in Chicago: the responder types 22:30 with the file's (UTC) date and `Z`.
  repo.commit("Label printing", "2026-11-21T04:40:00Z", {
    [LABELS]: incident("Label printing fails", "2026-11-21T04:00:00Z", ["2026-11-21T22:30:00Z", "2026-11-21T23:00:00Z"]),
  });
  // A second responder's branch, written an hour ahead, merged later: dated by the branch commit.
  repo.git(["checkout", "-q", "-b", "queue"]);
  branchCommit = repo.commit("Queue lag", "2026-11-21T05:00:00Z", {
    [QUEUE]: incident("Queue lag", "2026-11-21T04:55:00Z", ["2026-11-21T06:00:00Z", "2026-11-21T06:02:00Z"]),
  });
  repo.git(["checkout", "-q", "main"]);
  repo.git(["merge", "-q", "--no-ff", "-m", "Merge queue", "queue"], { date: "2026-11-21T07:00:00Z" });
  repo.commit("Web slow", "2026-11-22T11:40:00Z", { [webSlow]: webSlowText });
  // Not committed: an update in the working tree, checked against now only.
  repo.write({
    [webSlow]: webSlowText.replace(
      "    body: Pages load slowly.\n",
      "    body: Pages load slowly.\n  - at: 2026-11-22T11:50:00Z\n    status: investigating\n    body: Still slow.\n",
    ),
  });
});
afterAll(() => repo?.cleanup());

const errorsOf = (commitTimes?: ReturnType<typeof readAddedTimes>) =>
  validateRepository(repo.dir, { now, commitTimes }).diagnostics.filter((d) => d.rule === "not-after-commit");

test("a time after the commit that added it is an error naming the likely offset; a branch's time is dated by its own commit", () => {
  const errors = errorsOf(readAddedTimes(repo.dir));
  expect(errors.map((d) => [d.file, d.line, d.message])).toEqual([
    [
      LABELS,
      8,
      expect.stringMatching(
        /^`resolved_at` \(2026-11-21T23:00:00Z\) is 18 h 20 min after the commit that added it \([0-9a-f]{7}, 2026-11-21T04:40:00Z\)\.$/,
      ),
    ],
    [LABELS, 10, expect.stringMatching(/^updates\[0\]\.at \(2026-11-21T22:30:00Z\) is 17 h 50 min after the commit that added it/)],
    [LABELS, 13, expect.stringMatching(/^updates\[1\]\.at/)],
    [QUEUE, 8, expect.stringMatching(/^`resolved_at` \(2026-11-21T06:02:00Z\) is 1 h 2 min after/)],
    [
      QUEUE,
      10,
      `updates[0].at (2026-11-21T06:00:00Z) is 1 h after the commit that added it (${branchCommit.slice(0, 7)}, 2026-11-21T05:00:00Z).`,
    ],
    [QUEUE, 13, expect.stringMatching(/^updates\[1\]\.at \(2026-11-21T06:02:00Z\) is 1 h 2 min after/)],
  ]);
  expect(errors[1].hint).toMatch(/^Did you mean 2026-11-20T22:30:00-06:00 \(22:30 in America\/Chicago, 10 min before that commit\)\?/);
  expect(errors.map((d) => d.file)).not.toContain("incidents/2026/2026-11-20-web-slow.md"); // uncommitted: now's
  expect(errorsOf(undefined)).toEqual([]); // no history, no rule
});

test("validate --history reports it through the CLI (exit 1); without --history it passes", async () => {
  const withHistory = await runCliInProcess(["validate", "--history", "--format", "json"], { cwd: repo.dir });
  expect(withHistory.code).toBe(1);
  const rules = (JSON.parse(withHistory.stdout).diagnostics as { rule: string; severity: string }[])
    .filter((d) => d.severity === "error")
    .map((d) => d.rule);
  expect(rules).toEqual(Array(6).fill("not-after-commit"));
  expect((await runCliInProcess(["validate"], { cwd: repo.dir })).code).toBe(0);
});

test("a renamed record keeps the dates its times were committed at", () => {
  const renamed = "incidents/2026/2026-11-21-label-printer.md";
  repo.git(["mv", LABELS, renamed]);
  repo.git(["commit", "-q", "-m", "Rename"], { date: "2026-11-22T11:00:00Z" });
  try {
    const times = readAddedTimes(repo.dir);
    expect(times.has(LABELS)).toBe(false);
    expect([...times.get(renamed)!.values()].map((t) => new Date(t.ms).toISOString())).toContain("2026-11-21T04:40:00.000Z");
  } finally {
    repo.git(["reset", "-q", "--hard", "HEAD~1"]);
    rmSync(path.join(repo.dir, renamed), { force: true });
  }
});
