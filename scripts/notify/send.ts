// Runs the plan: channels in parallel (a slow or failing one never holds up the others),
// each channel's messages in time order. When a message still fails after its retries, the
// channel stops there: later updates would arrive out of order, and a dead endpoint would
// cost every remaining message its full retry time. What was not sent is reported.
import type { ChannelPlan, PlannedDelivery } from "./plan.ts";
import { postWithRetries, sendEmailWithRetries, type DeliveryOptions } from "./deliver.ts";

export type DeliveryStatus = "sent" | "failed" | "not_sent";

export interface DeliveryOutcome {
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  /** What went wrong, attempt by attempt; for not_sent, why it was not tried. */
  errors: string[];
}

export interface ChannelOutcome {
  name: string;
  deliveries: DeliveryOutcome[];
}

export async function sendPlans(
  plans: ChannelPlan[],
  options: { backoffMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<ChannelOutcome[]> {
  return Promise.all(plans.map((plan) => sendChannel(plan, options)));
}

async function sendChannel(
  plan: ChannelPlan,
  options: { backoffMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<ChannelOutcome> {
  const { channel } = plan;
  const outcome: ChannelOutcome = { name: channel.name, deliveries: [] };
  if (channel.problem || channel.target === undefined) {
    for (const d of plan.deliveries)
      outcome.deliveries.push({ eventId: d.event.id, status: "not_sent", attempts: 0, errors: [channel.problem?.message ?? "no target"] });
    return outcome;
  }
  const delivery: DeliveryOptions = {
    timeoutMs: channel.timeoutMs,
    retries: channel.retries,
    backoffMs: options.backoffMs,
    sleep: options.sleep,
  };
  let stopped: string | undefined;
  for (const planned of plan.deliveries) {
    if (stopped) {
      outcome.deliveries.push({
        eventId: planned.event.id,
        status: "not_sent",
        attempts: 0,
        errors: [`not tried: an earlier message to ${channel.name} failed (${stopped})`],
      });
      continue;
    }
    const result = await sendOne(channel.target, planned, channel.config, delivery);
    outcome.deliveries.push({
      eventId: planned.event.id,
      status: result.ok ? "sent" : "failed",
      attempts: result.attempts,
      errors: result.errors,
    });
    if (!result.ok) stopped = result.errors.at(-1);
  }
  return outcome;
}

async function sendOne(target: string, planned: PlannedDelivery, config: ChannelPlan["channel"]["config"], options: DeliveryOptions) {
  if (planned.payload.kind === "email") {
    return sendEmailWithRetries(target, { from: config.from!, to: config.to! }, planned.payload.email, options);
  }
  // Webhook events may be several requests (incident + component updates); all must arrive.
  let attempts = 0;
  const errors: string[] = [];
  for (const request of planned.payload.requests) {
    const result = await postWithRetries(target, request, options);
    attempts += result.attempts;
    errors.push(
      ...result.errors.map((e) => (planned.payload.kind === "http" && planned.payload.requests.length > 1 ? `${request.label}: ${e}` : e)),
    );
    if (!result.ok) return { ok: false, attempts, errors };
  }
  return { ok: true, attempts, errors };
}
