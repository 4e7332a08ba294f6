// The edge where messages leave: HTTP POSTs for webhook, Slack, Teams and Discord; SMTP (via
// nodemailer) for email. Each attempt has a timeout; failures are retried with backoff.
import type { EmailMessage, HttpRequest } from "./formats/request.ts";
import { causeOf } from "../core/error-cause.ts";
import { withRetries, type AttemptFailure, type RetryResult } from "./retry.ts";

export interface DeliveryOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function postWithRetries(url: string, request: HttpRequest, options: DeliveryOptions): Promise<RetryResult> {
  return withRetries(() => postOnce(url, request, options.timeoutMs), options);
}

async function postOnce(url: string, request: HttpRequest, timeoutMs: number): Promise<AttemptFailure | undefined> {
  // Built before connecting, so a header that cannot be sent is reported as that and not retried.
  const headers = new Headers();
  for (const [name, value] of Object.entries({
    "user-agent": "sitrep-notify",
    ...request.headers,
    ...request.stamp?.(Math.floor(Date.now() / 1000)),
  })) {
    try {
      headers.set(name, value);
    } catch (error) {
      return {
        error: `header ${name} cannot be sent (${(error as Error).message.replace(/\.$/, "")}): not tried; this is a sitrep bug, please report it`,
        permanent: true,
      };
    }
  }
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { error: timedOut ? `no answer within ${timeoutMs / 1000} s` : `could not connect (${causeOf(error)})` };
  }
  // Drain the body so the connection is released; its text helps explain a refusal.
  const text = await response.text().catch(() => "");
  if (response.ok) return undefined;
  const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200).replace(/\s+/g, " ")}` : ""}`;
  const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
  return { error: detail, permanent: !retryable, retryAfterMs: retryAfter(response.headers.get("retry-after")) };
}

export async function sendEmailWithRetries(
  smtpUrl: string,
  envelope: { from: string; to: string[] },
  message: EmailMessage,
  options: DeliveryOptions,
): Promise<RetryResult> {
  // Loaded only when mail goes out: nodemailer is a large import most runs never need.
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport({ url: smtpUrl, ...smtpTimeouts(options.timeoutMs) });
  try {
    return await withRetries(async () => {
      try {
        await transport.sendMail({
          from: envelope.from,
          to: envelope.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
        return undefined;
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // SMTP 5xx replies are permanent (bad recipient, sender refused); 4xx and network errors are not.
        return { error: `SMTP: ${causeOf(error)}`, permanent: code !== undefined && code >= 500 };
      }
    }, options);
  } finally {
    transport.close();
  }
}

/** nodemailer's timeouts, from the channel's per-attempt limit. */
function smtpTimeouts(timeoutMs: number) {
  return { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs };
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
