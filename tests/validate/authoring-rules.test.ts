// Two rules about records the authoring commands help write, checked through `sitrep validate`:
// maintenance in progress long before its window (maintenance-started-early) and placeholders or
// empty sections left in a published public postmortem (postmortem-placeholders).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { buildRepo } from "./corpus.ts";

/** Every repository a test made (a test may validate twice), removed after it. */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function validate(files: Record<string, string>): Promise<{
  code: number;
  diagnostics: { file: string; line: number; column: number; rule: string; severity: string; message: string }[];
}> {
  const repo = buildRepo([], "sitrep-authoring-rules-");
  cleanups.push(repo.cleanup);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(repo.dir, file), text);
  const result = await runCliInProcess(["validate", "--format", "json"], { cwd: repo.dir });
  return { code: result.code, diagnostics: JSON.parse(result.stdout).diagnostics };
}

const maintenance = (updates: string) => `---
title: Billing database upgrade
type: maintenance
status: in_progress
components:
  billing: under_maintenance
scheduled_start: 2026-12-01T02:00:00Z
scheduled_end: 2026-12-01T04:00:00Z
updates:
  - at: 2026-11-21T09:00:00Z
    status: scheduled
    body: Billing will be read-only during the upgrade.
${updates}---
`;

test("maintenance in_progress two days before its window fails; an hour early is allowed", async () => {
  const early = await validate({
    "incidents/2026/2026-12-01-billing-upgrade.md": maintenance(
      "  - at: 2026-11-29T02:00:00Z\n    status: in_progress\n    body: Started.\n",
    ),
  });
  expect(early.code).toBe(1);
  expect(early.diagnostics).toEqual([
    expect.objectContaining({
      file: "incidents/2026/2026-12-01-billing-upgrade.md",
      line: 14,
      column: 13,
      rule: "maintenance-started-early",
      severity: "error",
      message: "updates[1] says `in_progress` at 2026-11-29T02:00:00Z, more than an hour before the window starts (2026-12-01T02:00:00Z).",
    }),
  ]);
  const onTime = await validate({
    "incidents/2026/2026-12-01-billing-upgrade.md": maintenance(
      "  - at: 2026-12-01T01:00:00Z\n    status: in_progress\n    body: Started.\n",
    ),
  });
  expect(onTime.diagnostics.filter((d) => d.rule === "maintenance-started-early")).toEqual([]);
});

const postmortem = (status: string, visibility: string, body: string) => `---
incident: 2026-11-10-api-errors
status: ${status}
visibility: ${visibility}
published_at: 2026-11-12T09:00:00Z
authors:
  - ada
action_items: []
---

${body}`;

const UNFINISHED = `## Summary

A bad deploy.

## Impact

- Customers, requests or payments affected: (fill in)

## Five whys

1. Why ...?

## What went well

<!-- the review fills this in -->

## Lessons

### For deploys

Canary first.

## Where we got lucky
`;

test("a published public postmortem gets a warning at each placeholder and empty section", async () => {
  const { code, diagnostics } = await validate({ "postmortems/2026-11-10-api-errors.md": postmortem("published", "public", UNFINISHED) });
  expect(code).toBe(0); // warnings only
  const found = diagnostics.filter((d) => d.rule === "postmortem-placeholders").map((d) => [d.line, d.column, d.message]);
  expect(found).toEqual([
    [17, 45, "A placeholder (`(fill in)`) is left in a published postmortem."],
    [21, 1, "A placeholder (`1. Why ...?`) is left in a published postmortem."],
    [23, 1, 'Section "What went well" is empty in a published postmortem.'],
    [33, 1, 'Section "Where we got lucky" is empty in a published postmortem.'],
  ]);
  expect(diagnostics.every((d) => d.severity === "warning")).toBe(true);
});

test("a draft or an internal postmortem may hold placeholders", async () => {
  for (const [status, visibility] of [
    ["draft", "public"],
    ["published", "internal"],
  ]) {
    const { diagnostics } = await validate({ "postmortems/2026-11-10-api-errors.md": postmortem(status, visibility, UNFINISHED) });
    expect(diagnostics.filter((d) => d.rule === "postmortem-placeholders")).toEqual([]);
  }
});
