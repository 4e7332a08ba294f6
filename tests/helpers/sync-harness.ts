// What the `sitrep sync` test files share: a local GitHub API and a records repository per test
// (closed and removed when the test finishes), the CLI run against them (in the test's process:
// the subprocess run is sync.test.ts's first test), and ways to read the server's issues back by
// their hidden action-item marker.
import { onTestFinished } from "vitest";
import { startGithubServer, type GithubServer, type ServerIssue } from "../../testkit/github-server.ts";
import { tempSyncRepo, type SyntheticPostmortem } from "../../testkit/github-records.ts";
import { githubEnv } from "../../testkit/github-env.ts";
import { runCliInProcess } from "./run-cli.ts";

/** Call inside a test: the server and repository are cleaned up when it finishes. */
export async function setupSync(postmortems: SyntheticPostmortem[], options: { assignable?: string[] } = {}) {
  const server = await startGithubServer(options);
  const repo = tempSyncRepo(postmortems);
  onTestFinished(async () => {
    await server.close();
    repo.cleanup();
  });
  const sync = (args: string[] = [], env: Record<string, string | undefined> = {}) =>
    runCliInProcess(["sync", ...args], { cwd: repo.dir, env: githubEnv(server.url, env) });
  return { server, repo, sync };
}

export const markerKey = (issue: ServerIssue) => /<!-- sitrep:action-item (\S+) -->/.exec(issue.body)?.[1];
export const keysOf = (server: GithubServer) => [...server.issues.values()].map(markerKey).filter((k): k is string => k !== undefined);
export const issueFor = (server: GithubServer, key: string) => [...server.issues.values()].find((i) => markerKey(i) === key)!;
export const listCalls = (server: GithubServer) => server.requests.filter((r) => r.method === "GET" && r.path === "/repos/o/r/issues");
