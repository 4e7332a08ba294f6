// Times people type at 2 a.m. (`22:12`, `5 min ago`, `yesterday 23:40`), read in the site's zone
// (the example organisation's is Europe/Berlin) or in --tz, written in UTC and echoed back with
// the zone — through the CLI's own entry (`run`) in the test's process; declare and update as
// processes: tests/authoring/lifecycle.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;
// 13:00 in Berlin, 06:00 in Chicago.
const NOW = "2026-11-22T12:00:00Z";

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-typed-times-"));
});
afterAll(() => cleanup());

test("declare and update read typed times in the site's zone, or --tz, and say how they read them", async () => {
  const declared = await runCliInProcess(
    [
      "declare",
      "-t",
      "Label printing fails",
      "-s",
      "SEV3",
      "-c",
      "merchant-dashboard=partial_outage",
      "--started-at",
      "12:20",
      "--detected-at",
      "25 min ago",
      "--at",
      "12:50",
    ],
    { cwd: dir, env: { SITREP_NOW: NOW } },
  );
  expect(declared.code, declared.stderr).toBe(0);
  expect(declared.stdout).toContain("--started-at 12:20 is 2026-11-22T11:20:00Z: 2026-11-22 12:20 Europe/Berlin (+01:00), 40 min ago.");
  expect(declared.stdout).toContain(
    "--detected-at 25 min ago is 2026-11-22T11:35:00Z: 2026-11-22 12:35 Europe/Berlin (+01:00), 25 min ago.",
  );
  const file = path.join(dir, "incidents/2026/2026-11-22-label-printing-fails.md");
  const data = recordFile(readFileSync(file, "utf8")).data as Record<string, any>;
  expect([data.started_at, data.detected_at, data.updates[0].at]).toEqual([
    "2026-11-22T11:20:00Z",
    "2026-11-22T11:35:00Z",
    "2026-11-22T11:50:00Z",
  ]);

  const updated = await runCliInProcess(
    ["update", "label-printing", "--tz", "America/Chicago", "--at", "5:55am", "-m", "Labels print again for most customers."],
    { cwd: dir, env: { SITREP_NOW: NOW } },
  );
  expect(updated.code, updated.stderr).toBe(0);
  expect(updated.stdout).toContain("--at 5:55am is 2026-11-22T11:55:00Z: 2026-11-22 05:55 America/Chicago (-06:00), 5 min ago.");
  expect((recordFile(readFileSync(file, "utf8")).data as Record<string, any>).updates.at(-1).at).toBe("2026-11-22T11:55:00Z");
});
