// `sitrep sync`, wired: records → desired issues; GitHub listing → existing issues; plan; execute.
// Each step is its own module; this function only connects them.
import type { Repository } from "../records/record-types.ts";
import { SitrepError } from "../errors.ts";
import { assertReachable } from "./reachable.ts";
import { createGithubClient, resolveGithubTarget, timeoutFromEnv, writeIntervalFromEnv } from "./octokit.ts";
import { describeApiError, issuesApi } from "./issues-api.ts";
import { desiredIssues } from "./desired-issues.ts";
import { issuesToFetch, planSync } from "./sync-plan.ts";
import type { ExistingIssue, Operation } from "./sync-plan.ts";
import { executePlan, labelsSeen } from "./execute.ts";
import type { Outcome } from "./execute.ts";
import { commitUrl } from "./links.ts";
import { currentCommit, recordsPathPrefix } from "./git-context.ts";
import { findMarker } from "./marker.ts";
import { resolveTrust } from "./resolve-trust.ts";
import { isTrusted } from "./trust.ts";

export interface SyncReport {
  repository: string;
  label: string;
  dryRun: boolean;
  /** Issues and pull requests the label listing returned. */
  listed: number;
  operations: Operation[];
  /** One per write the executor attempted or skipped (empty on a dry run). */
  outcomes: Outcome[];
  warnings: string[];
  /** HTTP requests made, retries included. */
  requests: number;
}

export async function syncActionItems(
  repository: Repository,
  options: { env: Record<string, string | undefined>; dryRun: boolean },
): Promise<SyncReport> {
  const { env, dryRun } = options;
  const target = resolveGithubTarget(env, repository.config);
  if (!target.token && !dryRun) {
    throw new SitrepError("GITHUB_TOKEN is not set, so sync cannot write issues.", {
      hint: "In Actions pass `GITHUB_TOKEN: ${{ github.token }}` with `issues: write`; locally export a token, or use --dry-run to see the plan.",
    });
  }
  const label = repository.config.github.labels[0];
  if (!label)
    throw new SitrepError("github.labels in sitrep.config.yaml is empty; sync lists its issues by the first label.", {
      hint: "Add a label, e.g. `labels: [incident-action-item]`.",
    });
  await assertReachable(target.apiUrl, env);
  const warnings: string[] = [];
  let requests = 0;
  const octokit = createGithubClient(target, {
    warn: (m) => warnings.push(m),
    writeIntervalMs: writeIntervalFromEnv(env),
    timeoutMs: timeoutFromEnv(env),
    onRequest: () => requests++,
  });
  const api = issuesApi(octokit, target);
  const slug = `${target.owner}/${target.repo}`;
  const links = {
    siteUrl: repository.config.site.url,
    serverUrl: target.serverUrl,
    repository: slug,
    pathPrefix: recordsPathPrefix(repository.root),
  };

  const desired = desiredIssues(repository, links);
  const listed = await readOrFail(() => api.listByLabel(label), `listing issues labelled "${label}" in ${slug}`);
  // Markers are public: only issues sync trusts (trust.ts) may be adopted, edited or fail the run.
  const named = new Set(desired.flatMap((d) => (d.adopt === undefined ? [] : [d.adopt])));
  const trust = await resolveTrust(api, listed, named, { env, hasToken: target.token !== undefined, warn: (m) => warnings.push(m) });
  const untrusted = new Set(listed.filter((i) => findMarker(i.body) && !isTrusted(i, trust)).map((i) => i.number));
  const fetched = new Map<number, ExistingIssue | null>();
  for (const number of issuesToFetch(desired, listed, untrusted))
    fetched.set(number, await readOrFail(() => api.get(number), `reading issue #${number} in ${slug}`));
  const operations = planSync({ desired, listed, fetched, untrusted });

  let outcomes: Outcome[] = [];
  if (!dryRun) {
    const commit = currentCommit(env, repository.root);
    outcomes = await executePlan(operations, {
      api,
      knownLabels: labelsSeen(listed),
      commit,
      commitUrl: commit ? commitUrl(links, commit) : undefined,
      warn: (m) => warnings.push(m),
    });
  }
  return { repository: slug, label, dryRun, listed: listed.length, operations, outcomes, warnings, requests };
}

async function readOrFail<T>(read: () => Promise<T>, what: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new SitrepError(`GitHub failed while ${what}: ${describeApiError(error)}.`, {
      hint: "Nothing was written. Check GITHUB_TOKEN (it needs issues: read/write), GITHUB_REPOSITORY and GITHUB_API_URL, then run sync again.",
      cause: error,
    });
  }
}
