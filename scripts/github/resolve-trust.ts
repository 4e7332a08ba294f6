// Gathers what trust.ts decides by: the token's own login and which marker-carrying authors have
// write access. The only GitHub reads besides the listing that sync makes before planning.
import { SitrepError } from "../errors.ts";
import type { IssuesApi } from "./issues-api.ts";
import { describeApiError } from "./issues-api.ts";
import type { ExistingIssue } from "./sync-plan.ts";
import { authorsToCheck, type TrustContext } from "./trust.ts";

/** The login GITHUB_TOKEN has in Actions. */
export const ACTIONS_BOT = "github-actions[bot]";

export async function resolveTrust(
  api: IssuesApi,
  listed: readonly ExistingIssue[],
  named: ReadonlySet<number>,
  options: { env: Record<string, string | undefined>; hasToken: boolean; warn: (message: string) => void },
): Promise<TrustContext> {
  const { env, hasToken, warn } = options;
  if (!hasToken) {
    // A dry run without a token cannot ask who may write: fall back on GitHub's author association.
    const self = env.SITREP_GITHUB_LOGIN || ACTIONS_BOT;
    warn(
      `Without a token sync cannot check write access; this plan trusts issues opened by @${self} or by an owner, member or collaborator.`,
    );
    return { self, writers: new Set(), named, byAssociation: true };
  }
  const self = env.SITREP_GITHUB_LOGIN || (await viewerLogin(api));
  const writers = new Set<string>();
  for (const login of authorsToCheck(listed, { self, named })) {
    try {
      if (await api.canWrite(login)) writers.add(login);
    } catch (error) {
      throw new SitrepError(`GitHub failed while checking whether @${login} may write to the repository: ${describeApiError(error)}.`, {
        hint: "Nothing was written. sync asks this for authors of issues that carry its marker; run it again, and check that GITHUB_TOKEN can read the repository's metadata.",
        cause: error,
      });
    }
  }
  return { self, writers, named };
}

async function viewerLogin(api: IssuesApi): Promise<string> {
  try {
    return await api.viewerLogin();
  } catch (error) {
    throw new SitrepError(`sync could not find out which account its token belongs to: ${describeApiError(error)}.`, {
      hint: "sync trusts the issues its own account opened, so it needs that login. Set SITREP_GITHUB_LOGIN to it (for a GitHub App token: `<app-slug>[bot]`, e.g. the `app-slug` output of actions/create-github-app-token plus `[bot]`).",
      cause: error,
    });
  }
}
