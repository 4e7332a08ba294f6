// Links from the internal build to the GitHub issues that track action items (the repository
// `sitrep sync` writes to: GITHUB_REPOSITORY in Actions, else config github.repository).
import type { BuildContext } from "./build-context.ts";

/** https://github.com/owner/name/issues/N, or undefined when no repository is known. */
export function issueUrl(context: BuildContext, issue: number, env: { GITHUB_REPOSITORY?: string } = process.env): string | undefined {
  const slug = env.GITHUB_REPOSITORY || context.repository.config.github?.repository;
  return slug ? `https://github.com/${slug}/issues/${issue}` : undefined;
}
