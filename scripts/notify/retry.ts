// Retries with exponential backoff (1 s, 2 s, 4 s, … by default), for any delivery. A failure
// marked permanent (a 4xx other than 408/429: the URL or payload is wrong) is not retried.

export interface AttemptFailure {
  error: string;
  permanent?: boolean;
  /** The server asked to wait this long first (Retry-After). */
  retryAfterMs?: number;
}

export interface RetryOptions {
  retries: number;
  /** First wait; doubles every retry. */
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RetryResult {
  ok: boolean;
  attempts: number;
  /** The last failure, when not ok; every failure's text, in order. */
  errors: string[];
}

/** Waits longer than this are capped: a deploy step must not hang on a server's Retry-After. */
const MAX_WAIT_MS = 60_000;

export async function withRetries(attempt: () => Promise<AttemptFailure | undefined>, options: RetryOptions): Promise<RetryResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const errors: string[] = [];
  for (let n = 0; ; n++) {
    const failure = await attempt();
    if (!failure) return { ok: true, attempts: n + 1, errors };
    errors.push(failure.error);
    if (failure.permanent || n >= options.retries) return { ok: false, attempts: n + 1, errors };
    await sleep(Math.min(MAX_WAIT_MS, Math.max(failure.retryAfterMs ?? 0, options.backoffMs * 2 ** n)));
  }
}
