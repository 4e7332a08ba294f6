// Opens (or finds) the pull request of a pushed branch through the GitHub REST API, with the
// fast-lane label, so a record change merges itself once CI passes (docs/declaring-an-incident.md,
// "The fast lane"). The token: GITHUB_TOKEN, else the `gh` CLI's. The I/O edge of publishing.
import { spawnSync } from "node:child_process";
import { createGithubClient, timeoutFromEnv, writeIntervalFromEnv, type GithubTarget } from "../github/octokit.ts";

export const FAST_LANE_LABEL = "sitrep:fast-lane";

export interface PullRequest {
  number: number;
  url: string;
  /** False when an open pull request of this branch already existed (a follow-up joins it). */
  created: boolean;
}

/** GITHUB_TOKEN, else what `gh auth token` prints (if gh is installed and logged in). */
export function githubToken(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_TOKEN) return env.GITHUB_TOKEN;
  const gh = spawnSync("gh", ["auth", "token"], { env: { ...env }, encoding: "utf8", timeout: 5_000 });
  return gh.status === 0 && gh.stdout.trim() ? gh.stdout.trim() : undefined;
}

export async function openPullRequest(
  target: GithubTarget & { token: string },
  request: { head: string; base: string; title: string; body: string },
  env: Record<string, string | undefined>,
): Promise<PullRequest> {
  const client = createGithubClient(target, { warn: () => {}, writeIntervalMs: writeIntervalFromEnv(env), timeoutMs: timeoutFromEnv(env) });
  const { owner, repo } = target;
  const open = await client.rest.pulls.list({ owner, repo, state: "open", head: `${owner}:${request.head}`, per_page: 10 });
  let pull = open.data.find((p) => p.head.ref === request.head);
  const created = pull === undefined;
  if (!pull) pull = (await client.rest.pulls.create({ owner, repo, ...request })).data as unknown as (typeof open.data)[number];
  await client.rest.issues.addLabels({ owner, repo, issue_number: pull.number, labels: [FAST_LANE_LABEL] });
  return { number: pull.number, url: pull.html_url, created };
}
