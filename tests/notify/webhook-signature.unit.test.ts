// Signed webhook deliveries, checked the way a receiver would: the verification snippet is taken
// from docs/notifications.md as written and run against what reached a local HTTP receiver, so
// the documentation and the signing cannot drift apart. In-process (a local server, no subprocess).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWithRetries } from "../../scripts/notify/deliver.ts";
import type { NotifyEvent } from "../../scripts/notify/new-events.ts";
import type { HttpRequest } from "../../scripts/notify/formats/request.ts";
import { webhookRequests } from "../../scripts/notify/formats/webhook.ts";
import { buildMessage } from "../../scripts/notify/message.ts";
import type { ApiIncident, PublishedSite } from "../../scripts/notify/published-site.ts";
import { httpReceiver, type Receiver } from "./receivers.ts";

type Verify = (headers: Record<string, string | string[] | undefined>, rawBody: string, secret: string, nowSeconds?: number) => boolean;

/** The ```js block after the "verify-webhook" marker in the docs, loaded as a module. */
async function documentedVerify(): Promise<Verify> {
  const docs = readFileSync(path.join(import.meta.dirname, "../../docs/notifications.md"), "utf8");
  const code = /<!-- verify-webhook -->\s*```js\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!code) throw new Error("docs/notifications.md has no ```js block after <!-- verify-webhook -->");
  const module = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  return module.verifyWebhook as Verify;
}

const EU = "Checkout API – EU";
const update = {
  id: "upd0000000001",
  status: "identified",
  body: "Card payments fail in the EU.",
  created_at: "2026-11-17T11:05:00.000Z",
  affected_components: [{ code: "checkout-eu", name: EU, old_status: "operational", new_status: "major_outage" }],
};
const incident: ApiIncident = {
  id: "inc000000001",
  name: `${EU} errors`,
  status: "identified",
  impact: "major",
  shortlink: "https://status.test.example/incidents/pay/",
  created_at: "2026-11-17T11:00:00.000Z",
  incident_updates: [update],
  components: [{ id: "checkout-eu", name: EU, status: "major_outage" }],
};
const site: PublishedSite = {
  page: { id: "page00000001", name: "Test Status", url: "https://status.test.example/", updated_at: "2026-11-17T12:00:00.000Z" },
  status: { indicator: "major", description: "Partial System Outage" },
  incidents: [incident],
  maintenances: [],
  complete: true,
  postmortems: [],
};
const event: NotifyEvent = { id: update.id, kind: "incident_updated", at: update.created_at, incident, update };
const requestsFor = (secret: string) => webhookRequests(buildMessage(event, site), site, secret);
const options = { timeoutMs: 5000, retries: 0, backoffMs: 1 };

let receiver: Receiver;
let verify: Verify;
beforeAll(async () => {
  receiver = await httpReceiver();
  verify = await documentedVerify();
});
afterAll(() => receiver.close());

describe("webhook signature (Standard Webhooks)", () => {
  it("delivers a component named with a non-ASCII dash, with headers a receiver verifies by the documented algorithm", async () => {
    const before = Math.floor(Date.now() / 1000);
    for (const request of requestsFor("s3cret")) expect((await postWithRetries(receiver.url, request, options)).ok).toBe(true);
    const [incidentHook, componentHook] = receiver.requests.slice(-2);
    expect(componentHook.json.component.name).toBe(EU);
    expect([incidentHook.headers["webhook-id"], componentHook.headers["webhook-id"]]).toEqual([
      "upd0000000001/incident",
      "upd0000000001/component_update/checkout-eu",
    ]);
    expect(componentHook.headers["x-sitrep-delivery"]).toBe("upd0000000001/component_update/checkout-eu");
    const stamp = Number(componentHook.headers["webhook-timestamp"]);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(componentHook.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    for (const hook of [incidentHook, componentHook]) expect(verify(hook.headers, hook.body, "s3cret")).toBe(true);
  });

  it("refuses a changed body, a changed id, another secret and a replay outside five minutes", async () => {
    await postWithRetries(receiver.url, requestsFor("s3cret")[0], options);
    const hook = receiver.requests.at(-1)!;
    const stamp = Number(hook.headers["webhook-timestamp"]);
    expect(verify(hook.headers, hook.body, "s3cret", stamp + 299)).toBe(true);
    expect(verify(hook.headers, hook.body.replace("Card payments", "Card paymentz"), "s3cret")).toBe(false);
    expect(verify({ ...hook.headers, "webhook-id": "upd0000000002/incident" }, hook.body, "s3cret")).toBe(false);
    expect(verify(hook.headers, hook.body, "other")).toBe(false);
    expect(verify(hook.headers, hook.body, "s3cret", stamp + 301)).toBe(false);
    expect(verify({ ...hook.headers, "webhook-signature": undefined }, hook.body, "s3cret")).toBe(false);
  });

  it("takes a whsec_ secret as base64 key bytes, as the spec serialises them", async () => {
    const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
    await postWithRetries(receiver.url, requestsFor(secret)[0], options);
    const hook = receiver.requests.at(-1)!;
    expect(verify(hook.headers, hook.body, secret)).toBe(true);
    expect(verify(hook.headers, hook.body, secret.slice("whsec_".length))).toBe(false);
  });

  it("still sends the body-only X-Sitrep-Signature-256 of earlier releases", async () => {
    const { createHmac } = await import("node:crypto");
    await postWithRetries(receiver.url, requestsFor("s3cret")[0], options);
    const hook = receiver.requests.at(-1)!;
    expect(hook.headers["x-sitrep-signature-256"]).toBe(`sha256=${createHmac("sha256", "s3cret").update(hook.body).digest("hex")}`);
  });
});

describe("a header that cannot be sent", () => {
  it("is reported as that, once, without connecting or retrying", async () => {
    const attempts = receiver.attempts;
    const request: HttpRequest = {
      label: "incident",
      body: "{}",
      headers: { "content-type": "application/json", "x-sitrep-delivery": `upd/component_update ${EU}` },
    };
    const result = await postWithRetries(receiver.url, request, { ...options, retries: 3 });
    expect([result.ok, result.attempts, receiver.attempts - attempts]).toEqual([false, 1, 0]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^header x-sitrep-delivery cannot be sent \(.+ByteString.+\): not tried; this is a sitrep bug, please report it$/,
    );
    expect(result.errors[0]).not.toContain("could not connect");
  });
});
