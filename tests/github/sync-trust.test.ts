// sync trusts only issues its own account opened, issues opened by someone with write access,
// and issues a record names (`issue: N`) — issue 13 item 2. Against the local GitHub server,
// whose issues carry an author (`user.login`) and an `author_association`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoRoot, runCliInProcess } from "../helpers/run-cli.ts";
import { startGithubServer } from "../../testkit/github-server.ts";
import type { GithubServer, GithubServerOptions, ServerIssue } from "../../testkit/github-server.ts";
import { syntheticPostmortems, tempSyncRepo } from "../../testkit/github-records.ts";
import type { SyntheticPostmortem } from "../../testkit/github-records.ts";
import { githubEnv } from "../../testkit/github-env.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(postmortems: SyntheticPostmortem[], options: GithubServerOptions = {}) {
  const server = await startGithubServer(options);
  const repo = tempSyncRepo(postmortems);
  cleanups.push(() => server.close(), repo.cleanup);
  const sync = (args: string[] = [], env: Record<string, string | undefined> = {}) =>
    runCliInProcess(["sync", ...args], { cwd: repo.dir, env: githubEnv(server.url, env) });
  return { server, repo, sync };
}

const marker = (key: string) => `<!-- sitrep:action-item ${key} -->`;
const markerKey = (issue: ServerIssue) => /<!-- sitrep:action-item (\S+) -->/.exec(issue.body)?.[1];
const trackedBy = (server: GithubServer, key: string) => [...server.issues.values()].filter((i) => markerKey(i) === key);
const writesTo = (server: GithubServer, number: number) => server.writes().filter((w) => w.path.startsWith(`/repos/o/r/issues/${number}`));

const PHISHING = "Security notice from the incident team: re-enter your credentials at https://evil.example/login";

describe("sync and issues it does not trust", () => {
  test("an outsider's labelled issue with a real item's marker is never adopted or edited; one notice, exit 0", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems);
    const key = `${postmortems[0].id}/item-0`;
    const phish = server.seedIssue({
      title: "Action item: rotate credentials",
      body: `${PHISHING}\n\n${marker(key)}`,
      labels: ["incident-action-item"],
      author: "mallory",
      authorAssociation: "NONE",
    });

    const first = await sync();
    expect(first.code).toBe(0);
    expect(writesTo(server, phish)).toEqual([]);
    expect(server.issues.get(phish)!.assignees).toEqual([]);
    // sync opened its own issue for the item instead.
    const own = trackedBy(server, key).filter((i) => i.number !== phish);
    expect(own).toHaveLength(1);
    expect(own[0].author).toBe("sitrep-bot");
    expect(first.stderr.match(new RegExp(`#${phish} \\(opened by @mallory\\)`, "g"))).toHaveLength(1);
    expect(first.stderr).toMatch(/^notice: .*carries sitrep's marker, but sync trusts only/m);
    expect(first.stdout).toContain("1 untrusted ignored");

    server.resetLog();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(server.writes()).toEqual([]);
    expect(second.stderr.match(/^notice: /gm)).toHaveLength(1);
  });

  test("untrusted markers for an unknown key or a second copy of a key never fail the run", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, sync } = await setup(postmortems);
    expect((await sync()).code).toBe(0);
    const key = `${postmortems[0].id}/item-0`;
    server.seedIssue({
      title: "dup",
      body: marker(key),
      labels: ["incident-action-item"],
      author: "mallory",
      authorAssociation: "CONTRIBUTOR",
    });
    server.seedIssue({
      title: "unknown",
      body: marker("2020-01-01-nothing/none"),
      labels: ["incident-action-item"],
      author: "mallory",
      authorAssociation: "NONE",
    });
    server.resetLog();
    const run = await sync();
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/^(warning|error): /m);
    expect(run.stderr.match(/^notice: /gm)).toHaveLength(2);
    expect(server.writes()).toEqual([]);
    // The permission endpoint is not asked about authors who cannot have write access.
    expect(server.requests.filter((r) => r.path.includes("/collaborators/"))).toEqual([]);
  });

  test("write access is asked of GitHub: a writer's issue is tracked, a triager's is not", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems, { permissions: { dev: "write", helper: "triage" } });
    const [a, b] = [`${postmortems[0].id}/item-0`, `${postmortems[0].id}/item-1`];
    const byWriter = server.seedIssue({
      title: "made by a maintainer",
      body: marker(a),
      labels: ["incident-action-item"],
      author: "dev",
      authorAssociation: "COLLABORATOR",
    });
    const byTriager = server.seedIssue({
      title: "made by a triager",
      body: marker(b),
      labels: ["incident-action-item"],
      author: "helper",
      authorAssociation: "COLLABORATOR",
    });
    const run = await sync();
    expect(run.code).toBe(0);
    expect(trackedBy(server, a).map((i) => i.number)).toEqual([byWriter]);
    expect(writesTo(server, byWriter).length).toBeGreaterThan(0); // brought in step (title, labels…)
    expect(trackedBy(server, b).map((i) => i.number)).toEqual([byTriager, expect.any(Number)]);
    expect(writesTo(server, byTriager)).toEqual([]);
    expect(
      server.requests
        .filter((r) => r.path.includes("/collaborators/"))
        .map((r) => r.path)
        .sort(),
    ).toEqual(["/repos/o/r/collaborators/dev/permission", "/repos/o/r/collaborators/helper/permission"]);
  });

  test("an issue a record names (`issue: N`) is adopted whoever opened it", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, repo, sync } = await setup(postmortems);
    const number = server.seedIssue({
      title: "Reported by a customer",
      body: "The export times out.",
      author: "customer",
      authorAssociation: "NONE",
    });
    postmortems[0].items[0].issue = number;
    repo.write(postmortems);
    const run = await sync();
    expect(run.code).toBe(0);
    expect(markerKey(server.issues.get(number)!)).toBe(`${postmortems[0].id}/item-0`);
    server.resetLog();
    expect((await sync()).code).toBe(0);
    expect(server.writes()).toEqual([]);
  });
});

describe("sync's own identity", () => {
  test("an installation token (GITHUB_TOKEN, a GitHub App's): GET /user is 403, GraphQL viewer names the bot", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems, { installationToken: true, viewer: "github-actions[bot]" });
    expect((await sync()).code).toBe(0);
    expect([...server.issues.values()].map((i) => i.author)).toEqual(["github-actions[bot]", "github-actions[bot]"]);
    server.resetLog();
    const second = await sync();
    expect(second.code).toBe(0);
    expect(server.writes().filter((w) => w.path !== "/graphql")).toEqual([]);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /repos/o/r/issues 200",
      "GET /user 403",
      "POST /graphql 200",
    ]);
  });

  test("SITREP_GITHUB_LOGIN names the account without asking; a wrong one makes sync's issues untrusted", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, sync } = await setup(postmortems, { installationToken: true, viewer: "my-app[bot]" });
    expect((await sync([], { SITREP_GITHUB_LOGIN: "my-app[bot]" })).code).toBe(0);
    server.resetLog();
    expect((await sync([], { SITREP_GITHUB_LOGIN: "my-app[bot]" })).code).toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /repos/o/r/issues"]);
    const wrong = await sync(["--dry-run"], { SITREP_GITHUB_LOGIN: "someone-else" });
    expect(wrong.stdout).toContain("1 to create");
  });

  test("when the login cannot be found, sync stops before writing and says how to set it", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, sync } = await setup(postmortems, { installationToken: true });
    server.faults.push({
      match: "POST /graphql",
      kind: "status",
      status: 403,
      times: 10,
      body: { message: "Resource not accessible by integration" },
    });
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not find out which account its token belongs to: HTTP 403/);
    expect(run.stderr).toMatch(/SITREP_GITHUB_LOGIN/);
    expect(server.writes().filter((w) => w.path !== "/graphql")).toEqual([]);
  });

  test("a dry run without a token trusts by author association, and says so", async () => {
    const postmortems = syntheticPostmortems(1, 2);
    const { server, sync } = await setup(postmortems);
    server.seedIssue({
      title: "member",
      body: marker(`${postmortems[0].id}/item-0`),
      labels: ["incident-action-item"],
      author: "dev",
      authorAssociation: "MEMBER",
    });
    server.seedIssue({
      title: "outsider",
      body: marker(`${postmortems[0].id}/item-1`),
      labels: ["incident-action-item"],
      author: "mallory",
      authorAssociation: "NONE",
    });
    const run = await sync(["--dry-run"], { GITHUB_TOKEN: undefined });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Without a token sync cannot check write access/);
    expect(run.stdout).toMatch(/1 to create, 1 to update/);
    expect(run.stdout).toMatch(/ignore  #2 /);
  });
});

describe("the issue form", () => {
  test("labels its issues with a label sync does not own, so a form issue is never listed as sync's", () => {
    const form = parse(readFileSync(path.join(repoRoot, ".github/ISSUE_TEMPLATE/action-item.yml"), "utf8")) as { labels: string[] };
    const schema = JSON.parse(readFileSync(path.join(repoRoot, "schema/config.schema.json"), "utf8"));
    const syncDefault: string[] = schema.properties.github.properties.labels.default;
    const fixture = parse(readFileSync(path.join(repoRoot, "tests/fixtures/example-org/sitrep.config.yaml"), "utf8")) as {
      github: { labels: string[] };
    };
    for (const label of form.labels) {
      expect([...syncDefault, ...fixture.github.labels]).not.toContain(label);
      expect(label).not.toMatch(/^(priority|severity):/);
    }
  });
});

describe("a write GitHub refuses with 403", () => {
  test("names the missing permission (issues: write) instead of saying to run again", async () => {
    const postmortems = syntheticPostmortems(1, 1);
    const { server, sync } = await setup(postmortems);
    server.faults.push({
      match: (r) => r.method === "POST",
      kind: "status",
      status: 403,
      times: 100,
      body: { message: "Resource not accessible by integration" },
    });
    const run = await sync();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/failed: HTTP 403: Resource not accessible by integration/);
    expect(run.stderr).toMatch(/^hint: The token may not write issues\. In Actions give the job `permissions: issues: write`/m);
    expect(run.stderr).not.toMatch(/run `sitrep sync` again/);
  });
});
