// The environment for running `sitrep sync` against a local GitHub server (testkit/github-server.ts),
// shared by the tests and the bench.

/** The environment that points sync at a local server (and drops any real GitHub settings). */
export function githubEnv(serverUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    GITHUB_API_URL: serverUrl,
    GITHUB_TOKEN: "test",
    GITHUB_REPOSITORY: "o/r",
    GITHUB_SERVER_URL: "https://github.test",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    GITHUB_ACTIONS: undefined,
    SITREP_GITHUB_WRITE_INTERVAL_MS: "0",
    ...extra,
  };
}
