// Short ids and safe defaults (issue 20, item 4), through the real CLI on a copy of the example
// organisation, which has what the trap needs: one open incident
// (2026-11-21-payout-status-latency) and one maintenance window months away
// (2027-02-10-card-vault-hsm-migration).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCli, runCliInProcess } from "../helpers/run-cli.ts";

const OPEN = "2026-11-21-payout-status-latency";
const MAINTENANCE = "2027-02-10-card-vault-hsm-migration";
let dir: string;
let cleanup: () => void;
const record = (id: string) =>
  recordFile(readFileSync(path.join(dir, `incidents/${id.slice(0, 4)}/${id}.md`), "utf8")).data as Record<string, any>;

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-short-ids-"));
});
afterAll(() => cleanup());

describe("short ids", () => {
  test("a unique run of words of the slug selects the incident, and the output says which", async () => {
    const result = runCli(["update", "payout-status", "--commander", "akin-b", "--json"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).id).toBe(OPEN);
    expect(record(OPEN).roles.commander).toBe("akin-b");
    const text = await runCliInProcess(["update", "latency", "--message", "Payout statuses are current again for most merchants."], {
      cwd: dir,
    });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Took \`latency\` to mean ${OPEN}.`);
  });

  test("an unknown word gets a suggestion with the whole id", async () => {
    const result = await runCliInProcess(["update", "payout-status-latensy", "--message", "x"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Did you mean \`${OPEN}\`?`);
  });
});

describe("one open incident and a future maintenance", () => {
  test("resolve without an id resolves the open incident, says so, and leaves the maintenance alone", async () => {
    const before = readFileSync(path.join(dir, `incidents/2027/${MAINTENANCE}.md`), "utf8");
    const result = await runCliInProcess(["resolve", "--message", "Payout statuses have been current for an hour."], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`✔ Resolved ${OPEN}`);
    expect(result.stdout).toContain(`No id given: took the one open incident, ${OPEN}`);
    expect(record(OPEN).status).toBe("resolved");
    expect(readFileSync(path.join(dir, `incidents/2027/${MAINTENANCE}.md`), "utf8")).toBe(before);
  });

  test("resolve refuses a maintenance window and points to complete; complete refuses it before its window", async () => {
    const resolve = await runCliInProcess(["resolve", MAINTENANCE], { cwd: dir });
    expect(resolve.code).toBe(2);
    expect(resolve.stderr).toContain(`${MAINTENANCE} is maintenance, not an incident`);
    expect(resolve.stderr).toContain(`npm run -s sitrep -- complete ${MAINTENANCE}`);
    const early = await runCliInProcess(["complete", "hsm-migration"], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(
      /window starts at 2027-02-10T02:00:00Z, after 2026-11-22T12:00:00Z: it cannot be completed before it starts/,
    );
    expect(record(MAINTENANCE).status).toBe("scheduled");
  });

  test("complete posts the final update once the window has started", async () => {
    const result = await runCliInProcess(["complete", "hsm-migration", "--json"], {
      cwd: dir,
      env: { SITREP_NOW: "2027-02-10T03:00:00Z" },
    });
    expect(result.code, result.stderr).toBe(0);
    const data = record(MAINTENANCE);
    expect(data.status).toBe("completed");
    expect(data.updates.at(-1)).toMatchObject({
      at: "2027-02-10T03:00:00Z",
      status: "completed",
      body: "The scheduled maintenance has been completed.",
    });
    expect(Object.values(data.updates.at(-1).components)).toEqual(Object.values(data.updates.at(-1).components).map(() => "operational"));
  });

  test("with no open incident, update without an id asks for one (no terminal: names the id)", async () => {
    const result = await runCliInProcess(["update", "--message", "x"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Missing the incident id/);
  });
});
