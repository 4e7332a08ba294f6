// `sitrep actions` shows "—" and says why when an age measures nothing: items that arrived with
// the repository's first commit (a template's squashed commit) and items committed already done.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { baseRepo } from "../validate/corpus.ts";

let repo: GitRepo;
const item = (id: string, status: string) =>
  `  - id: ${id}\n    title: ${id}\n    owner: ada\n    priority: P2\n    kind: prevent\n    status: ${status}\n`;
const postmortem = (items: string) =>
  readFileSync(path.join(baseRepo, "postmortems/2026-11-10-api-errors.md"), "utf8").replace(
    /action_items:\n[\s\S]*?---\n/,
    `action_items:\n${items}---\n`,
  );

beforeAll(() => {
  repo = createGitRepo({ prefix: "sitrep-actions-ages-" });
  const files: Record<string, string> = {};
  for (const file of [
    "sitrep.config.yaml",
    "incidents/2026/2026-11-10-api-errors.md",
    "incidents/2026/2026-11-20-web-slow.md",
    "incidents/2026/2026-12-01-billing-upgrade.md",
    "runbooks/api-restart.md",
  ]) {
    files[file] = readFileSync(path.join(baseRepo, file), "utf8");
  }
  repo.commit("The template", "2026-11-12T10:00:00Z", {
    ...files,
    "postmortems/2026-11-10-api-errors.md": postmortem(item("from-template", "open")),
  });
  repo.commit("Item committed done", "2026-11-13T10:00:00Z", {
    "postmortems/2026-11-10-api-errors.md": postmortem(item("from-template", "open") + item("born-done", "done")),
  });
  repo.commit("Item added open", "2026-11-14T10:00:00Z", {
    "postmortems/2026-11-10-api-errors.md": postmortem(
      item("from-template", "open") + item("born-done", "done") + item("measured", "open"),
    ),
  });
  repo.commit("Item done", "2026-11-18T10:00:00Z", {
    "postmortems/2026-11-10-api-errors.md": postmortem(
      item("from-template", "open") + item("born-done", "done") + item("measured", "done"),
    ),
  });
});
afterAll(() => repo.cleanup());

test("ages that measure nothing show — with the reason; a measured one shows days", async () => {
  const result = await runCliInProcess(["actions"], { cwd: repo.dir });
  expect(result.code, result.stderr).toBe(0);
  const row = (id: string) => result.stdout.split("\n").find((line) => line.includes(`/${id} `)) ?? "";
  expect(row("from-template")).toMatch(/ — \(a\)(\s|$)/);
  expect(row("born-done")).toMatch(/ — \(b\)(\s|$)/);
  expect(row("measured")).toMatch(/ 4 d(\s|$)/);
  expect(result.stdout).not.toMatch(/ 0 d(\s|$)/m);
  expect(result.stdout).toContain(
    "(a) age not shown: in the records since the repository's first commit (e.g. copied from the template), so when it was added is unknown.",
  );
  expect(result.stdout).toContain(
    "(b) age not shown: committed already done (or won't do), so it was never seen open and the time to close it cannot be measured.",
  );

  const json = JSON.parse((await runCliInProcess(["actions", "--json"], { cwd: repo.dir })).stdout);
  const byId = Object.fromEntries(json.items.map((i: { id: string }) => [i.id, i]));
  expect(byId["from-template"]).toMatchObject({
    age_days: null,
    age_note: expect.stringMatching(/^in the records since the repository's first commit/),
  });
  expect(byId["born-done"]).toMatchObject({ age_days: null, age_note: expect.stringMatching(/^committed already done/) });
  expect(byId.measured).toMatchObject({ age_days: 4, age_note: null, time_to_done_days: 4 });
});
