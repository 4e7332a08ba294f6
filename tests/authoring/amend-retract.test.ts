// A posted update can be corrected (`update --amend`) or taken back (`update --retract`), with a
// line in the internal timeline that keeps what it said; a forgotten update goes into a resolved
// incident with --at. Through the CLI on a copy of the example organisation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";

const OPEN = "2026-11-21-payout-status-latency";
const RESOLVED = "2026-11-17-checkout-elevated-errors";
let dir: string;
let cleanup: () => void;
const data = (id: string) => recordFile(readFileSync(path.join(dir, `incidents/2026/${id}.md`), "utf8")).data as Record<string, any>;
/** `sitrep` in the test's process (no Node start-up); `update` as a process: short-ids.test.ts. */
const sitrepInProcess = (args: string[], now = "2026-11-22T12:00:00Z") => runCliInProcess(args, { cwd: dir, env: { SITREP_NOW: now } });

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-amend-"));
});
afterAll(() => cleanup());

describe("correcting a posted update", () => {
  test("--amend replaces the latest update's text and keeps the old text in the timeline", async () => {
    expect(
      (await sitrepInProcess(["update", OPEN, "--status", "identified", "--message", "Payouts are delayed for all merchnats."])).code,
    ).toBe(0);
    const result = await sitrepInProcess(
      ["update", OPEN, "--amend", "--message", "Payout statuses are delayed for some merchants."],
      "2026-11-22T12:03:00Z",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Amended the update of 2026-11-22T12:00:00Z in ${OPEN}`);
    const after = data(OPEN);
    expect(after.updates.at(-1)).toMatchObject({
      at: "2026-11-22T12:00:00Z",
      status: "identified",
      body: "Payout statuses are delayed for some merchants.",
    });
    expect(after.timeline.at(-1)).toEqual({
      at: "2026-11-22T12:03:00Z",
      event: "Amended the public update of 2026-11-22T12:00:00Z; it said: “Payouts are delayed for all merchnats.”",
    });
  });

  test("--retract takes the latest update back, the status returns to the one before, and the record validates", async () => {
    const result = await sitrepInProcess(["update", OPEN, "--retract"], "2026-11-22T12:05:00Z");
    expect(result.code, result.stderr).toBe(0);
    const after = data(OPEN);
    expect(after.updates.map((u: { at: string }) => u.at)).not.toContain("2026-11-22T12:00:00Z");
    expect(after.status).toBe("monitoring");
    expect(after.timeline.at(-1).event).toBe(
      "Retracted the public update of 2026-11-22T12:00:00Z: “Payout statuses are delayed for some merchants.”",
    );
    const validate = await runCliInProcess(["validate", `incidents/2026/${OPEN}.md`], {
      cwd: dir,
      env: { SITREP_NOW: "2026-11-22T12:05:00Z" },
    });
    expect(validate.stdout).toMatch(/0 errors|no problems/);
    expect(validate.code, validate.stdout).toBe(0);
  });

  test("an --at that names no update lists the updates there are", async () => {
    const result = await sitrepInProcess(["update", OPEN, "--retract", "--at", "2026-11-21T22:06:00Z"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${OPEN} has no update at 2026-11-21T22:06:00Z.`);
    expect(result.stderr).toMatch(/Its updates are at 2026-11-21T22:05:00Z, 2026-11-21T22:55:00Z/);
  });
});

describe("a forgotten update on a resolved incident", () => {
  test("goes in with --at before the final update; the incident stays resolved", async () => {
    const result = await sitrepInProcess([
      "update",
      RESOLVED,
      "--at",
      "2026-11-17T12:35:00Z",
      "--message",
      "Error rates are back to normal in every region.",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const after = data(RESOLVED);
    expect(after.status).toBe("resolved");
    expect(after.updates.map((u: { at: string }) => u.at).slice(-3)).toEqual([
      "2026-11-17T12:30:00Z",
      "2026-11-17T12:35:00Z",
      "2026-11-17T12:40:00Z",
    ]);
  });

  test("is refused without --at, or after the final update", async () => {
    expect((await sitrepInProcess(["update", RESOLVED, "--message", "x"])).stderr).toMatch(
      /already resolved[\s\S]*An update you forgot goes in with --at/,
    );
    expect((await sitrepInProcess(["update", RESOLVED, "--at", "2026-11-17T13:00:00Z", "--message", "x"])).stderr).toMatch(
      /would come after the final one/,
    );
  });
});
