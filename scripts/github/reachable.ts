// Before the first GitHub request: can the API host be reached at all? Without a network the
// client's retries (meant for GitHub's transient 5xx) would spend ~20 s before failing, and the
// failure would read like a token problem. A DNS lookup and a TCP connect take milliseconds.
import { lookup } from "node:dns/promises";
import net from "node:net";
import { SitrepError } from "../errors.ts";

const CONNECT_TIMEOUT_MS = 5_000;

export async function assertReachable(apiUrl: string, env: Record<string, string | undefined>): Promise<void> {
  // Through a proxy the API host need not be reachable directly; the requests will tell.
  if (["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"].some((name) => env[name])) return;
  const url = new URL(apiUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || (url.protocol === "http:" ? 80 : 443));
  const cause = await unreachableBecause(host, port);
  if (cause === undefined) return;
  throw new SitrepError(`Cannot reach the GitHub API at ${url.origin}: ${cause}. Nothing was read or written.`, {
    hint: "Check the network connection (and the proxy or VPN, if you use one), or GITHUB_API_URL if it is set; then run sync again.",
  });
}

/** Why host:port cannot be reached, or undefined when a TCP connection opens. */
async function unreachableBecause(host: string, port: number): Promise<string | undefined> {
  let address = host;
  if (!net.isIP(host)) {
    try {
      address = (await lookup(host)).address;
    } catch (error) {
      return `the name ${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const done = (cause?: string) => {
      socket.destroy();
      resolve(cause);
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => done(`no answer from ${host}:${port} within ${CONNECT_TIMEOUT_MS / 1000} s`));
    socket.once("connect", () => done());
    socket.once("error", (error: NodeJS.ErrnoException) => done(`connecting to ${host}:${port} failed (${error.code ?? error.message})`));
  });
}
