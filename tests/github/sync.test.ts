// `sitrep sync` against the local GitHub REST server (the first run a real process, later ones in
// the test's process): real HTTP, real octokit
// plugins, real records on disk. Each test owns its server and its records. Pagination and
// GitHub's failures (rate limits, 5xx, slow answers): sync-faults.test.ts.
import { onTestFinished, describe, expect, test } from "vitest";
import { startGithubServer } from "../../testkit/github-server.ts";
import { syntheticPostmortems } from "../../testkit/github-records.ts";
import { githubEnv } from "../../testkit/github-env.ts";
import { runCliAsync } from "../helpers/github-cli.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { issueFor, keysOf, markerKey, setupSync as setup } from "../helpers/sync-harness.ts";
import { copyExampleRepo } from "../helpers/example-repo.ts";

describe("sitrep sync", () => {
  test("the example records: creates one issue per open item, adopts issue: 42, skips done items; a second run writes nothing", async () => {
    const server = await startGithubServer({ owner: "lumen-example", repo: "status" });
    const repo = copyExampleRepo("sitrep-sync-example-");
    onTestFinished(async () => {
      await server.close();
      repo.cleanup();
    });
    server.seedIssue({
      number: 42,
      title: "Auto-rollback for checkout",
      body: "Filed during the incident call.\n\nContext from the on-call.",
    });
    const env = githubEnv(server.url, { GITHUB_REPOSITORY: "lumen-example/status" });

    const first = await runCliAsync(["sync"], { cwd: repo.dir, env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const created = server.writes().filter((r) => r.method === "POST" && r.path === "/repos/lumen-example/status/issues");
    expect(created).toHaveLength(13); // 14 open items, one of them adopts #42
    expect(keysOf(server).sort()).toHaveLength(14);

    const adopted = server.issues.get(42)!;
    expect(markerKey(adopted)).toBe("2026-05-19-checkout-outage/auto-rollback-on-5xx");
    expect(adopted.body.startsWith("Filed during the incident call.\n\nContext from the on-call.\n\n<!-- sitrep:action-item")).toBe(true);
    expect(adopted.title).toBe("Roll back checkout releases automatically when the 5xx ratio exceeds 5 % within 10 minutes");
    expect(adopted.assignees).toEqual(["dtanaka"]);
    expect(adopted.labels).toEqual(expect.arrayContaining(["incident-action-item", "priority:P2", "severity:SEV1"]));

    // Done and wont_do items never get an issue.
    expect(keysOf(server)).not.toContain("2026-05-19-checkout-outage/canary-required-for-config");
    // Labels were created once each, with the config label among them.
    expect([...server.labels.keys()]).toEqual(expect.arrayContaining(["incident-action-item", "priority:p1", "severity:sev1"]));
    const body = adopted.body;
    expect(body).toContain("https://status.lumen.example/incidents/2026-05-19-checkout-outage/");
    expect(body).toContain("https://github.test/lumen-example/status/blob/HEAD/postmortems/2026-05-19-checkout-outage.md");
    expect(body).toMatch(/\| Owner \| @dtanaka \|/);
    expect(body).toMatch(/\| Due \| 2026-08-31 \|/);
    expect(body).toMatch(/policy: done within 30 days/);

    server.resetLog();
    const second = await runCliInProcess(["sync"], { cwd: repo.dir, env });
    expect(second.code).toBe(0);
    expect(server.writes()).toEqual([]);
    // The listing, and who the token is (sync trusts the issues its own account opened).
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /repos/lumen-example/status/issues", "GET /user"]);
    expect(second.stdout).toContain("0 to create, 0 to update, 0 to adopt, 0 to close, 0 to report, 28 in step");
  });

  test("update: a changed title, priority and owner become one PATCH; labels people added stay", async () => {
    const postmortems = syntheticPostmortems(2, 3);
    const { server, repo, sync } = await setup(postmortems);
    expect((await sync()).code).toBe(0);
    const key = `${postmortems[1].id}/item-2`;
    const issue = issueFor(server, key);
    issue.labels.push("team:payments"); // added by a person

    const item = postmortems[1].items[2];
    const oldOwner = item.owner;
    Object.assign(item, { title: "A sharper title", priority: "P3", owner: "new-owner" });
    repo.write(postmortems);
    server.resetLog();
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`update  #${issue.number} ${key} (title, body, labels, assignee)`);
    const writes = server.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: "PATCH", path: `/repos/o/r/issues/${issue.number}` });
    expect(issue.title).toBe("A sharper title");
    expect(issue.labels).toContain("team:payments");
    expect(issue.labels).toContain("priority:P3");
    expect(issue.labels.filter((l) => l.startsWith("priority:"))).toEqual(["priority:P3"]);
    expect(issue.assignees).toEqual(["new-owner"]);
    expect(issue.assignees).not.toContain(oldOwner);
    expect(issue.body).toContain("| Owner | @new-owner |");

    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
  });

  test("close: done → completed, wont_do → not_planned, each with a comment naming the commit; then nothing", async () => {
    const postmortems = syntheticPostmortems(1, 3);
    const { server, repo, sync } = await setup(postmortems);
    expect((await sync()).code).toBe(0);
    postmortems[0].items[0].status = "done";
    postmortems[0].items[1].status = "wont_do";
    repo.write(postmortems);
    server.resetLog();
    const run = await sync();
    expect(run.code).toBe(0);
    const done = issueFor(server, `${postmortems[0].id}/item-0`);
    const wontDo = issueFor(server, `${postmortems[0].id}/item-1`);
    expect([done.state, done.state_reason]).toEqual(["closed", "completed"]);
    expect([wontDo.state, wontDo.state_reason]).toEqual(["closed", "not_planned"]);
    expect(done.comments).toHaveLength(1);
    expect(done.comments[0]).toContain("marked **done**");
    expect(done.comments[0]).toContain("https://github.test/o/r/commit/0123456789abcdef0123456789abcdef01234567");
    expect(wontDo.comments[0]).toContain("marked **won't do**");
    expect(done.body).toContain("| Status | done |");
    expect(issueFor(server, `${postmortems[0].id}/item-2`).state).toBe("open");
    expect(server.writes().map((w) => w.method)).toEqual(["PATCH", "POST", "PATCH", "POST"]);

    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
  });

  test("adopt: `issue: N` puts the marker on a hand-made issue, keeps its text, and the next run finds it by label", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, repo, sync } = await setup(postmortems);
    const number = server.seedIssue({ title: "Someone filed this by hand", body: "Original description." });
    postmortems[0].items[1].issue = number;
    repo.write(postmortems);
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`adopt   #${number} ${postmortems[0].id}/item-1`);
    const adopted = server.issues.get(number)!;
    expect(markerKey(adopted)).toBe(`${postmortems[0].id}/item-1`);
    expect(adopted.body.startsWith("Original description.\n\n<!-- sitrep:action-item")).toBe(true);
    expect(adopted.labels).toContain("incident-action-item");
    expect(server.issues.size).toBe(2); // one created, one adopted, no duplicate

    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
    expect(server.requests.filter((r) => r.path === `/repos/o/r/issues/${number}`)).toEqual([]); // found in the listing now
  });

  test("an issue closed by hand while its item is open is reported (exit 1), never reopened", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems);
    expect((await sync()).code).toBe(0);
    const issue = issueFor(server, `${postmortems[0].id}/item-0`);
    Object.assign(issue, { state: "closed", state_reason: "completed" });
    server.resetLog();
    const run = await sync();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`warning: ${postmortems[0].id}/item-0: #${issue.number} was closed on GitHub but the item is still open`);
    expect(server.writes()).toEqual([]);
    expect(issue.state).toBe("closed");

    const inActions = await sync([], { GITHUB_ACTIONS: "true" });
    expect(inActions.stderr).toMatch(/^::warning title=sitrep sync-drift::.*Hint: Only a person can settle this/m);
  });

  test("--dry-run prints the plan and writes nothing, even without a token", async () => {
    const postmortems = syntheticPostmortems(1, 3);
    const { server, repo, sync } = await setup(postmortems);
    expect((await sync()).code).toBe(0);
    postmortems[0].items[0].title = "Changed";
    postmortems[0].items[1].status = "done";
    postmortems[0].items.push({ id: "new-item", title: "Brand new", owner: "someone", priority: "P3", kind: "detect", status: "open" });
    repo.write(postmortems);
    server.resetLog();
    const run = await sync(["--dry-run"], { GITHUB_TOKEN: undefined });
    expect(run.code).toBe(0);
    expect(server.writes()).toEqual([]);
    expect(run.stdout).toContain("1 to create, 1 to update, 0 to adopt, 1 to close");
    expect(run.stdout).toContain(`create  ${postmortems[0].id}/new-item  "Brand new" → @someone`);
    expect(run.stdout).toContain("Dry run: nothing was written.");

    const json = await sync(["--dry-run", "--json"]);
    const report = JSON.parse(json.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.outcomes).toEqual([]);
    expect(report.operations.map((o: { kind: string }) => o.kind).sort()).toEqual(["close", "create", "noop", "update"]);
    expect(server.writes()).toEqual([]);
  });

  test("an owner GitHub will not assign (422) still gets the issue, without assignee, and a warning; the next run leaves it be", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    postmortems[0].items[0].owner = "ghost-user";
    const { server, repo, sync } = await setup(postmortems, { assignable: postmortems[0].items.slice(1).map((i) => i.owner) });
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("GitHub would not assign @ghost-user");
    const issue = issueFor(server, `${postmortems[0].id}/item-0`);
    expect(issue.assignees).toEqual([]);
    expect(issue.body).toContain("| Owner | @ghost-user |");
    expect(issueFor(server, `${postmortems[0].id}/item-1`).assignees).toEqual([postmortems[0].items[1].owner]);

    server.resetLog();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(second.stderr).toBe("");
    expect(server.writes()).toEqual([]);

    // Handing the other item to an owner GitHub refuses: the update goes through without the assignee.
    postmortems[0].items[1].owner = "another-ghost";
    repo.write(postmortems);
    const third = await sync();
    expect(third.code).toBe(0);
    expect(third.stderr).toContain("GitHub would not assign @another-ghost");
    const moved = issueFor(server, `${postmortems[0].id}/item-1`);
    expect(moved.body).toContain("| Owner | @another-ghost |");
    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
  });

  test("a label another run created meanwhile (422 already_exists) is fine", async () => {
    const { server, sync } = await setup(syntheticPostmortems(1, 1));
    server.labels.set("incident-action-item", { name: "incident-action-item", color: "ededed", description: "" });
    server.faults.push({ match: "GET /repos/o/r/labels", kind: "status", status: 200, body: [] }); // a stale listing
    const run = await sync();
    expect(run.code).toBe(0);
    const conflict = server.requests.find(
      (r) => r.method === "POST" && r.path === "/repos/o/r/labels" && (r.body as { name: string }).name === "incident-action-item",
    );
    expect(conflict?.status).toBe(422);
    expect(server.issues.size).toBe(1);
  });

  test("failures before any write: invalid records exit 1 with diagnostics; no token exits 2 with a hint", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, repo, sync } = await setup(postmortems);
    const noToken = await sync([], { GITHUB_TOKEN: undefined });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("error: GITHUB_TOKEN is not set");
    expect(noToken.stderr).toContain("hint:");

    postmortems[0].items[0].priority = "P9" as "P1";
    repo.write(postmortems);
    const invalid = await sync();
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain(`postmortems/${postmortems[0].id}.md`);
    expect(server.requests).toEqual([]);
  });

  test("GITHUB_REPOSITORY wins over github.repository in the config; without either, sync explains", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, sync } = await setup(postmortems);
    const fromConfig = await sync(["--dry-run"], { GITHUB_REPOSITORY: undefined });
    // The config names config-owner/config-repo, which the local server does not serve.
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toContain("config-owner/config-repo");
    expect(server.requests.map((r) => r.path)).toEqual(["/repos/config-owner/config-repo/issues"]);
  });
});
