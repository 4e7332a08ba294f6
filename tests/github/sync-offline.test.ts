// `sync` without a network fails fast and names the real cause: the API host cannot be reached
// (before the fix: ~20 s of retries, then a hint to check GITHUB_TOKEN).
import { createServer } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli } from "../helpers/run-cli.ts";

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-sync-offline-"));
});
afterAll(() => cleanup());

/** A local port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const env = { GITHUB_REPOSITORY: "acme/status", GITHUB_TOKEN: "", HTTPS_PROXY: "", https_proxy: "", HTTP_PROXY: "", http_proxy: "" };

test("sync --dry-run with the API unreachable fails at once, blaming the network", async () => {
  const port = await closedPort();
  const result = runCli(["sync", "--dry-run"], { cwd: dir, env: { ...env, GITHUB_API_URL: `http://127.0.0.1:${port}` } });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(
    `error: Cannot reach the GitHub API at http://127.0.0.1:${port}: connecting to 127.0.0.1:${port} failed (ECONNREFUSED). Nothing was read or written.`,
  );
  expect(result.stderr).toMatch(/hint: Check the network connection/);
  expect(result.stderr).not.toContain("GITHUB_TOKEN");

  const unresolvable = runCli(["sync", "--dry-run"], { cwd: dir, env: { ...env, GITHUB_API_URL: "https://api.invalid" } });
  expect(unresolvable.code).toBe(2);
  expect(unresolvable.stderr).toMatch(
    /error: Cannot reach the GitHub API at https:\/\/api\.invalid: the name api\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\)/,
  );
});
