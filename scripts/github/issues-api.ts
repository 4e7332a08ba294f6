// The GitHub calls sync makes, as a small adapter over the one Octokit. Returns plain data.
import type { GithubClient, GithubTarget } from "./octokit.ts";
import type { ExistingIssue, IssueChanges } from "./sync-plan.ts";

interface RawIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  pull_request?: unknown;
  user?: { login?: string } | null;
  author_association?: string;
}

const toIssue = (raw: RawIssue): ExistingIssue => ({
  number: raw.number,
  title: raw.title,
  body: raw.body ?? "",
  state: raw.state === "closed" ? "closed" : "open",
  labels: raw.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== ""),
  assignees: (raw.assignees ?? []).map((a) => a.login),
  isPullRequest: raw.pull_request !== undefined && raw.pull_request !== null,
  // A deleted account shows as null (GitHub's "ghost"): trusted by nothing but `issue: N`.
  author: raw.user?.login ?? "ghost",
  authorAssociation: raw.author_association ?? "NONE",
});

export interface IssuesApi {
  /** Every issue and pull request with `label`, open and closed, all pages. */
  listByLabel(label: string): Promise<ExistingIssue[]>;
  /** One issue, or null when it does not exist. */
  get(number: number): Promise<ExistingIssue | null>;
  /** Not retried on 5xx: a create whose response was lost may have happened (the next run finds its marker). */
  create(issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<number>;
  update(number: number, changes: IssueChanges & { state?: "closed"; state_reason?: "completed" | "not_planned" }): Promise<void>;
  /** Not retried on 5xx either, for the same reason as create. */
  comment(number: number, body: string): Promise<void>;
  listLabels(): Promise<string[]>;
  /**
   * The token's own login: `GET /user` for a user's token; an installation token (GITHUB_TOKEN,
   * a GitHub App's) gets 403 there, so GraphQL `viewer`, which answers `<app-slug>[bot]`.
   */
  viewerLogin(): Promise<string>;
  /** Whether `login` may write to the repository (admin, maintain or write). */
  canWrite(login: string): Promise<boolean>;
  /** Creates a label; one that already exists is fine. */
  createLabel(label: { name: string; color: string; description: string }): Promise<void>;
}

export function issuesApi(octokit: GithubClient, target: GithubTarget): IssuesApi {
  const repo = { owner: target.owner, repo: target.repo };
  const once = { request: { retries: 0 } };
  return {
    async listByLabel(label) {
      const raw = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: label, state: "all", per_page: 100 });
      return (raw as RawIssue[]).map(toIssue);
    },
    async get(number) {
      try {
        const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
        return toIssue(data as RawIssue);
      } catch (error) {
        if (statusOf(error) === 404 || statusOf(error) === 410) return null;
        throw error;
      }
    },
    async create(issue) {
      const { data } = await octokit.rest.issues.create({ ...repo, ...issue, ...once });
      return data.number;
    },
    async update(number, changes) {
      await octokit.rest.issues.update({ ...repo, issue_number: number, ...changes });
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ ...repo, issue_number: number, body, ...once });
    },
    async viewerLogin() {
      try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
      } catch (error) {
        if (statusOf(error) !== 403) throw error;
        const { viewer } = await octokit.graphql<{ viewer: { login: string } }>("query { viewer { login } }");
        return viewer.login;
      }
    },
    async canWrite(login) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
        return data.permission === "admin" || data.permission === "write";
      } catch (error) {
        if (statusOf(error) === 404) return false; // no such user (any more)
        throw error;
      }
    },
    async listLabels() {
      const raw = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
      return raw.map((l) => l.name);
    },
    async createLabel(label) {
      try {
        await octokit.rest.issues.createLabel({ ...repo, ...label });
      } catch (error) {
        if (statusOf(error) === 422 && /already_exists/.test(JSON.stringify(responseData(error)))) return;
        throw error;
      }
    },
  };
}

export function statusOf(error: unknown): number | undefined {
  return typeof (error as { status?: unknown })?.status === "number" ? (error as { status: number }).status : undefined;
}

export function responseData(error: unknown): unknown {
  return (error as { response?: { data?: unknown } })?.response?.data;
}

/** GitHub's 422 for an assignee it will not accept (unknown user, or no access to the repository). */
export function isAssigneeRejected(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = responseData(error) as { errors?: { field?: string }[]; message?: string } | undefined;
  return (data?.errors ?? []).some((e) => e.field === "assignees" || e.field === "assignee") || /assignee/i.test(data?.message ?? "");
}

/** One line for an API failure: status, GitHub's message, nothing else. */
export function describeApiError(error: unknown): string {
  const status = statusOf(error);
  const data = responseData(error) as { message?: string } | undefined;
  const message = data?.message ?? (error as Error)?.message ?? String(error);
  // octokit reports a request that never got a response (DNS, refused connection, timeout) as
  // status 500 without a response; saying "HTTP 500" would send people to GitHub's status page.
  const answered = (error as { response?: unknown })?.response !== undefined;
  if (status && !answered) return `network error, no response from the GitHub API: ${message}`;
  return status ? `HTTP ${status}: ${message}` : message;
}

/**
 * For a write GitHub refused with 403 (rate limits never get here: the throttling plugin waits
 * them out), the permission the token lacks; undefined for other failures ("run again" fits).
 */
export function writeFailureHint(error: unknown): string | undefined {
  if (statusOf(error) !== 403) return undefined;
  return "The token may not write issues. In Actions give the job `permissions: issues: write` (see .github/workflows/action-items.yml); a fine-grained token needs Issues: Read and write on this repository; a classic token the `repo` scope (`public_repo` for a public repository). Then run sync again.";
}
