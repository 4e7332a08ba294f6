// Statuspage's webhook payloads: one "incident" payload per event and one "component_update"
// payload per component whose status the update changed, as Statuspage sends them, so existing
// receivers of Statuspage webhooks work unchanged. sitrep adds `meta.event` and, for postmortems,
// a `postmortem` object. The body is JSON of the site's text as written: escaping is the receiver's
// business. Headers carry ids and kinds only, never a name (a header is ASCII; a component called
// "Checkout API – EU" is not). Signed, with a secret, the Standard Webhooks way (webhook-signing.ts).
import { stableId } from "../../publish/stable-id.ts";
import type { Message } from "../message.ts";
import type { PublishedSite } from "../published-site.ts";
import { json, type HttpRequest } from "./request.ts";
import { asciiHeader, LEGACY_SIGNATURE_HEADER, legacySignature, signedHeaders } from "./webhook-signing.ts";

export function webhookRequests(message: Message, site: PublishedSite, secret?: string): HttpRequest[] {
  const { event } = message;
  const meta = {
    unsubscribe: null,
    documentation: "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/",
    event: event.kind,
    event_id: event.id,
  };
  const page = { id: site.page.id, status_indicator: site.status.indicator, status_description: site.status.description };
  const bodies: { label: string; payload: Record<string, unknown>; payloadId: string }[] = [];
  const incident = event.incident ? incidentAsOf(event.incident, event.update?.id) : undefined;
  const payload: Record<string, unknown> = { meta, page };
  if (incident) payload.incident = incident;
  if (event.postmortem) {
    payload.postmortem = {
      id: event.postmortem.id,
      title: event.postmortem.title,
      url: event.postmortem.link,
      published_at: event.postmortem.published,
      summary: event.postmortem.summary,
    };
  }
  const kind = event.postmortem ? "postmortem" : "incident";
  bodies.push({ label: kind, payload, payloadId: kind });
  for (const change of event.update?.affected_components ?? []) {
    if (change.old_status === change.new_status) continue;
    const component = event.incident?.components.find((c) => c.id === change.code);
    bodies.push({
      label: `component_update ${change.name}`,
      payloadId: `component_update/${change.code}`,
      payload: {
        meta,
        page,
        component_update: {
          created_at: event.update!.created_at,
          new_status: change.new_status,
          old_status: change.old_status,
          id: stableId("update", `${event.update!.id}:${change.code}`),
          component_id: change.code,
        },
        component: {
          created_at: component?.created_at ?? event.update!.created_at,
          id: change.code,
          name: change.name,
          status: change.new_status,
        },
      },
    });
  }
  return bodies.map(({ label, payload, payloadId }) => {
    const body = json(payload);
    // The same id on every retry and rerun: receivers drop a delivery they have already seen by it.
    const id = asciiHeader(`${event.id}/${payloadId}`);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-sitrep-event": event.kind,
      "x-sitrep-delivery": id,
      "webhook-id": id,
    };
    if (!secret) return { label, body, headers };
    headers[LEGACY_SIGNATURE_HEADER] = legacySignature(body, secret);
    return { label, body, headers, stamp: (unixSeconds: number) => signedHeaders(id, unixSeconds, body, secret) };
  });
}

/** The incident as it stood when the update was posted: its updates up to that one, its status then. */
function incidentAsOf(incident: PublishedSite["incidents"][number], updateId: string | undefined): Record<string, unknown> {
  if (updateId === undefined) return incident;
  const at = incident.incident_updates.findIndex((u) => u.id === updateId);
  if (at < 0) return incident;
  const updates = incident.incident_updates.slice(at);
  return { ...incident, status: updates[0].status, updated_at: updates[0].created_at, incident_updates: updates };
}
