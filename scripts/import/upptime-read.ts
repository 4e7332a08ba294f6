// Reads an Upptime repository: `.upptimerc.yml` from its folder (the sites, owner and repo) and
// its incident issues through the GitHub API (every issue labelled `status`, paged, with its
// comments), with the client `sitrep sync` uses (github/octokit.ts: retry and rate-limit waits).
// I/O; the conversion is upptime-convert.ts.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError } from "../errors.ts";
import { createGithubClient, resolveGithubTarget, timeoutFromEnv } from "../github/octokit.ts";
import type { Config } from "../records/record-types.ts";
import type { ImportSourceData } from "./imported.ts";
import { convertUpptime, upptimeConfig, type UpptimeIssue } from "./upptime-convert.ts";

export async function readUpptime(
  folder: string,
  origin: string,
  env: Record<string, string | undefined>,
  warn: (message: string) => void,
): Promise<ImportSourceData> {
  const file = path.join(folder, ".upptimerc.yml");
  if (!existsSync(file))
    throw new SitrepError(`${path.join(origin, ".upptimerc.yml")} is missing.`, {
      hint: "Pass the folder of your Upptime repository (a clone of it): the one with .upptimerc.yml.",
      exitCode: 2,
    });
  const config = upptimeConfig(readFileSync(file, "utf8"), ".upptimerc.yml");
  const repository = config.owner && config.repo ? `${config.owner}/${config.repo}` : undefined;
  // GITHUB_REPOSITORY, else owner/repo of .upptimerc.yml; GITHUB_API_URL and GITHUB_TOKEN as for sync.
  const target = resolveGithubTarget(env, { github: { repository, labels: [] } } as Pick<Config, "github">);
  const octokit = createGithubClient(target, { warn, timeoutMs: timeoutFromEnv(env) });
  // biome-ignore lint/suspicious/noExplicitAny: issues from the GitHub API as returned; only the fields read below are used.
  let raw: any[];
  try {
    raw = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: target.owner,
      repo: target.repo,
      labels: "status",
      state: "all",
      per_page: 100,
    });
  } catch (error) {
    throw githubError(error, `${target.owner}/${target.repo}`);
  }
  const issues: UpptimeIssue[] = [];
  for (const issue of raw.filter((i) => !i.pull_request)) {
    const comments =
      issue.comments === 0
        ? []
        : await octokit
            .paginate(octokit.rest.issues.listComments, {
              owner: target.owner,
              repo: target.repo,
              issue_number: issue.number,
              per_page: 100,
            })
            .catch((error) => {
              throw githubError(error, `${target.owner}/${target.repo}#${issue.number}`);
            });
    issues.push({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? null,
      state: issue.state,
      created_at: issue.created_at,
      closed_at: issue.closed_at ?? null,
      // biome-ignore lint/suspicious/noExplicitAny: GitHub gives a label as a string or an object with a name.
      labels: (issue.labels ?? []).map((l: any) => (typeof l === "string" ? l : l.name)),
      // biome-ignore lint/suspicious/noExplicitAny: comments from the GitHub API as returned; body and created_at are read.
      comments: comments.map((c: any) => ({ body: c.body ?? "", created_at: c.created_at })),
    });
  }
  return convertUpptime(issues, config.sites, `${origin} (issues of ${target.owner}/${target.repo})`);
}

function githubError(error: unknown, what: string): SitrepError {
  const status = (error as { status?: number }).status;
  return new SitrepError(`Reading the issues of ${what} failed${status ? ` (HTTP ${status})` : ""}: ${(error as Error).message}`, {
    hint:
      status === 401 || status === 403 || status === 404
        ? "Set GITHUB_TOKEN to a token that can read the repository's issues (a private repository needs one), and check owner/repo in .upptimerc.yml or GITHUB_REPOSITORY."
        : "Run the import again later: nothing was written, and a rerun is safe.",
    exitCode: 2,
  });
}
