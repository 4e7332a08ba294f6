// How a webhook delivery is signed, following Standard Webhooks (https://www.standardwebhooks.com):
// `webhook-id`, `webhook-timestamp` (Unix seconds, at each attempt) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. The timestamp lets a
// receiver refuse a replay; the id it dedupes on is signed with the body. The key is the secret's
// bytes, or for a `whsec_<base64>` secret (the spec's form) the decoded bytes. Pure: the time is
// passed in by the delivery edge.
import { createHmac } from "node:crypto";

/** The body-only signature of earlier releases, still sent for one release: `sha256=<hex>`. */
export const LEGACY_SIGNATURE_HEADER = "x-sitrep-signature-256";

export function legacySignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** The key a `secret_env` value stands for. */
export function signingKey(secret: string): Buffer {
  return secret.startsWith("whsec_") ? Buffer.from(secret.slice("whsec_".length), "base64") : Buffer.from(secret, "utf8");
}

/** The headers that vary with the attempt's time. */
export function signedHeaders(id: string, unixSeconds: number, body: string, secret: string): Record<string, string> {
  const signature = createHmac("sha256", signingKey(secret)).update(`${id}.${unixSeconds}.${body}`, "utf8").digest("base64");
  return { "webhook-timestamp": String(unixSeconds), "webhook-signature": `v1,${signature}` };
}

/**
 * A header value that is printable ASCII whatever the id is made of: any other byte (and `%`)
 * percent-encoded, the way a URL would carry it. Ids are ASCII today; this keeps them so.
 */
export function asciiHeader(value: string): string {
  return value.replace(/[^\x21-\x24\x26-\x7e]/gu, (c) =>
    [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}
