// GET a JSON document over HTTP for the importers: retried on 429 (waiting what `retry-after`
// asks, up to a bound), on 5xx and on network errors, with a deadline per attempt; 401/403 and
// 404 are errors that say what to check. I/O at the edge; everything it returns is plain data.
import { SitrepError } from "../errors.ts";
import { parseJson } from "./read-json.ts";

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First back-off when the server gives no retry-after (doubles each time; default 1000 ms). */
  backoffMs?: number;
  /** Longest retry-after worth waiting for (default 120 s); beyond it the import stops. */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Said for every retry, so the command can print it. */
  warn?: (message: string) => void;
  /** Called for every request sent (retries included). */
  onRequest?: (url: string) => void;
  /** What to say when the server refuses the credentials. */
  authHint?: string;
}

export async function getJson(url: string, options: HttpOptions = {}): Promise<{ body: unknown; headers: Headers }> {
  const retries = options.retries ?? 4;
  const maxWait = options.maxWaitMs ?? 120_000;
  let backoff = options.backoffMs ?? 1000;
  const shown = url.replace(/([?&](api_key|token)=)[^&]*/gi, "$1…");
  for (let attempt = 0; ; attempt++) {
    options.onRequest?.(url);
    let response: Response | undefined;
    let failure: string;
    try {
      response = await fetch(url, {
        headers: { accept: "application/json", "user-agent": "sitrep-import", ...options.headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure =
        (error as Error).name === "TimeoutError"
          ? "no answer in time"
          : `${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause?: Error }).cause?.message})` : ""}`;
    }
    if (response?.ok) return { body: parseJson(await response.text(), `The answer of GET ${shown}`), headers: response.headers };
    const status = response?.status;
    if (status === 401 || status === 403) {
      throw new SitrepError(`GET ${shown} was refused (HTTP ${status}).`, {
        hint: options.authHint ?? "Check the credentials and the URL.",
        exitCode: 2,
      });
    }
    if (status === 404)
      throw new SitrepError(`GET ${shown} answered 404 Not Found.`, {
        hint: "Check the URL (or the page id): it should be the status page's own address.",
        exitCode: 2,
      });
    const retryable = status === undefined || status === 429 || status >= 500;
    if (!retryable)
      throw new SitrepError(`GET ${shown} answered HTTP ${status}.`, {
        hint: "Check the URL and the options; nothing was imported.",
        exitCode: 2,
      });
    const wait = retryAfterMs(response?.headers.get("retry-after")) ?? backoff;
    if (attempt >= retries || wait > maxWait) {
      throw new SitrepError(`GET ${shown} failed: ${failure}, ${attempt + 1} attempt(s).`, {
        hint:
          wait > maxWait
            ? `The server asks to wait ${Math.round(wait / 1000)} s; run the import again later (it is safe to rerun).`
            : "Run the import again later: nothing was written, and a rerun is safe.",
        exitCode: 2,
      });
    }
    await response?.body?.cancel();
    options.warn?.(`GET ${shown}: ${failure}; retrying in ${Math.round(wait / 100) / 10} s (retry ${attempt + 1} of ${retries}).`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    backoff *= 2;
  }
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
