// `sitrep sync` when GitHub is large or misbehaves: a paginated listing, primary and secondary
// rate limits, a 5xx after a write, an answer slower than the timeout. A subprocess against the
// local GitHub REST server (testkit/github-server.ts) with faults injected per request.
import { describe, expect, test } from "vitest";
import { syntheticPostmortems } from "../../testkit/github-records.ts";
import { keysOf, listCalls, setupSync as setup } from "../helpers/sync-harness.ts";

describe("sitrep sync against a large or failing GitHub", () => {
  test("210 items: the listing is paginated (100 per page, all states, by label) and pull requests are ignored", async () => {
    // Three pages, so the reader follows `next` past a full middle page to the last; more items
    // only add writes (each ~20 ms of the retry and throttling plugins' scheduling).
    const postmortems = syntheticPostmortems(21, 10);
    const { server, sync } = await setup(postmortems);
    server.seedIssue({
      title: "A pull request with the label",
      labels: ["incident-action-item"],
      pull_request: true,
      body: `<!-- sitrep:action-item ${postmortems[0].id}/item-0 -->`,
    });
    const first = await sync();
    expect(first.code).toBe(0);
    expect(keysOf(server).length).toBe(211); // 210 issues + the pull request's copy of a marker
    const creates = server.writes().filter((w) => w.method === "POST" && w.path === "/repos/o/r/issues");
    expect(creates).toHaveLength(210);

    server.resetLog();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(server.writes()).toEqual([]);
    const pages = listCalls(server);
    expect(pages.map((p) => p.query.page ?? "1")).toEqual(["1", "2", "3"]);
    for (const page of pages) expect(page.query).toMatchObject({ state: "all", labels: "incident-action-item", per_page: "100" });
    expect(server.requests).toHaveLength(4); // 3 pages and GET /user
  }, 180_000); // 210 real HTTP writes: ~6 s when quiet, over 40 s at load 25

  test("rate limits: a 429 secondary limit and a 403 with x-ratelimit-remaining: 0 are waited out and retried, with a warning", async () => {
    const postmortems = syntheticPostmortems(1, 3);
    const { server, sync } = await setup(postmortems);
    server.faults.push(
      { match: "GET /repos/o/r/issues", kind: "secondary-rate-limit", status: 429, retryAfter: 1 },
      { match: "POST /repos/o/r/issues", nth: 2, kind: "rate-limit", retryAfter: 1 },
      { match: "GET /repos/o/r/labels", kind: "slow", delayMs: 300 },
    );
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: GitHub secondary rate limit on GET .*retrying in 1 s/);
    expect(run.stderr).toMatch(/warning: GitHub rate limit on POST/);
    expect(listCalls(server).map((r) => r.status)).toEqual([429, 200]);
    const posts = server.requests.filter((r) => r.method === "POST" && r.path === "/repos/o/r/issues");
    expect(posts.map((r) => r.status)).toEqual([201, 403, 201, 201]);
    expect(keysOf(server).sort()).toEqual(postmortems[0].items.map((i) => `${postmortems[0].id}/${i.id}`).sort());
  });

  test("a 500 after GitHub created an issue stops the run (exit 2); the rerun converges with no duplicate", async () => {
    const postmortems = syntheticPostmortems(2, 4);
    const { server, sync } = await setup(postmortems);
    server.faults.push(
      { match: "GET /repos/o/r/issues", kind: "status", status: 502 }, // retried by the retry plugin
      { match: "POST /repos/o/r/issues", nth: 3, kind: "status", status: 500, afterHandling: true },
    );
    const first = await sync(["--json"]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain("failed: HTTP 500");
    const outcomes = JSON.parse(first.stdout).outcomes.map((o: { status: string }) => o.status);
    expect(outcomes).toEqual(["ok", "ok", "failed", "skipped", "skipped", "skipped", "skipped", "skipped"]);
    expect(first.stderr).toMatch(/^hint: Run `sitrep sync` again/m);
    expect(listCalls(server).map((r) => r.status)).toEqual([502, 200]);
    expect(server.issues.size).toBe(3); // two created cleanly, the third created but answered with 500

    const second = await sync();
    expect(second.code).toBe(0);
    const keys = keysOf(server);
    expect(keys).toHaveLength(8);
    expect(new Set(keys).size).toBe(8);

    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
  });

  test("a response slower than the timeout is abandoned and the read retried", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems);
    server.faults.push({ match: "GET /repos/o/r/issues", kind: "slow", delayMs: 1_500 });
    const run = await sync(["--json"], { SITREP_GITHUB_TIMEOUT_MS: "400" });
    expect(run.code).toBe(0);
    expect(listCalls(server)).toHaveLength(2);
    expect(JSON.parse(run.stdout).requests).toBe(server.requests.length);
    expect(keysOf(server)).toHaveLength(2);
  });
});
