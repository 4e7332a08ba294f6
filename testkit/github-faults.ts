// Faults for the test GitHub API (testkit/github-server.ts): rate limits, secondary limits,
// server errors and slow answers, injected per request so retries and reruns can be tested.
import type http from "node:http";
import { json } from "./github-json.ts";

/**
 * A fault answers one matching request instead of (or after) the real handler.
 * `nth` counts matching requests from 1; `times` (default 1) how many in a row fail.
 */
export interface Fault {
  /** e.g. "POST /repos/o/r/issues" or a predicate; default: every request. */
  match?: string | ((req: { method: string; path: string }) => boolean);
  nth?: number;
  times?: number;
  /** 403 primary rate limit (x-ratelimit-remaining: 0), 429/403 secondary limit with retry-after, or any status. */
  kind: "rate-limit" | "secondary-rate-limit" | "status" | "slow";
  status?: number;
  /** For "status": run the real handler first, then answer with the error (the write happened, the response was lost). */
  afterHandling?: boolean;
  /** Seconds for retry-after / until x-ratelimit-reset (default 1). */
  retryAfter?: number;
  /** For "slow": delay before handling normally. */
  delayMs?: number;
  /** For "status": the JSON body to answer with (default a GitHub-style error message). */
  body?: unknown;
}

export interface FaultInjector {
  /** Push faults here; each applies to the requests it matches. */
  faults: Fault[];
  /** The fault that answers this request, if any (counts the request against every matching fault). */
  matchingFault(method: string, path: string): Fault | undefined;
  /** Answers the request as the fault says. */
  answerFault(res: http.ServerResponse, fault: Fault): void;
}

export function faultInjector(): FaultInjector {
  const faults: Fault[] = [];
  const faultHits = new Map<Fault, number>();
  const matchingFault = (method: string, path: string): Fault | undefined => {
    for (const fault of faults) {
      const applies =
        fault.match === undefined ||
        (typeof fault.match === "string" ? fault.match === `${method} ${path}` : fault.match({ method, path }));
      if (!applies) continue;
      const hit = (faultHits.get(fault) ?? 0) + 1;
      faultHits.set(fault, hit);
      const first = fault.nth ?? 1;
      if (hit >= first && hit < first + (fault.times ?? 1)) return fault;
    }
    return undefined;
  };

  const answerFault = (res: http.ServerResponse, fault: Fault) => {
    const wait = fault.retryAfter ?? 1;
    if (fault.kind === "rate-limit") {
      return json(
        res,
        403,
        {
          message: "API rate limit exceeded for installation.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
        },
        {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-used": "5000",
          "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + wait - 1),
        },
      );
    }
    if (fault.kind === "secondary-rate-limit") {
      return json(
        res,
        fault.status ?? 429,
        {
          message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        },
        { "retry-after": String(wait) },
      );
    }
    return json(res, fault.status ?? 500, fault.body ?? { message: fault.status === 502 ? "Bad Gateway" : "Server Error" });
  };

  return { faults, matchingFault, answerFault };
}
