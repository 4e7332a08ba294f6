// `sitrep notify`, wired: read the config, the current build and the previous site; decide what
// is new; refuse what would surely be wrong (an internal build, a history's worth of events, a
// build the target does not serve yet); plan; send (or, with --dry-run, only plan). Returns a
// report; prints nothing.
import path from "node:path";
import { SitrepError } from "../errors.ts";
import { resolveChannels } from "./channels.ts";
import { newEvents, type NotifyEvent } from "./new-events.ts";
import { FETCH_LIMITS, type FetchLimits } from "../core/fetch-text.ts";
import { waitUntilLive, type LiveCheck } from "./live-check.ts";
import { loadNotifyConfig } from "./notify-config.ts";
import type { ChannelPlan } from "./plan.ts";
import type { PublishedSite } from "./published-site.ts";
import { readSite, writeSiteFiles, type ReadResult } from "./read-site.ts";
import type { ChannelOutcome } from "./send.ts";
import { readLedger, writeLedger, type Ledger } from "./sent-ledger.ts";

export interface NotifyOptions {
  root: string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The built public site (folder). */
  site: string;
  /** Folder or URL; default: the live site at site.url. */
  previous?: string;
  all: boolean;
  dryRun: boolean;
  /** Save the previous site's inputs into this folder and send nothing. */
  snapshot?: string;
  /** Ledgers of earlier attempts of this run (folder or file): what they delivered is not sent again. */
  sent?: string;
  /** Write this attempt's ledger (earlier ones included) here. */
  recordSent?: string;
  /** Where the target serves the site (default site.url): sending waits until it serves this build. */
  live?: string;
  /** Send without checking that the target serves this build (a resend by hand). */
  skipLiveCheck?: boolean;
  /** Overrides of the config's notify.max_events and notify.live_wait_seconds (tests: short). */
  maxEvents?: number;
  liveWaitMs?: number;
  /** Between two reads of the live build stamp; default 10 s. */
  liveIntervalMs?: number;
  /** Time and size bounds of every URL read. */
  limits?: FetchLimits;
  /** First retry wait; doubles per retry. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Why nothing was sent although the previous site was read; each with what to do. */
export interface Refusal {
  rule: "notify-first-run" | "notify-too-many" | "notify-not-live" | "notify-ledger";
  message: string;
  hint: string;
}

export interface NotifyReport {
  mode: "send" | "dry-run" | "snapshot";
  previous: { location: string | null; ok: boolean; problem?: string; reason?: string; builtAt?: string };
  current?: { location: string; builtAt: string };
  /** False when nothing was sent because the previous site could not be read (and no --all), or a refusal. */
  sending: boolean;
  refusal?: Refusal;
  live?: LiveCheck;
  events: NotifyEvent[];
  plans: ChannelPlan[];
  outcomes: ChannelOutcome[];
  snapshot?: { folder: string; files: string[] };
}

/** Defaults of the schema's `notify:` (schema/config.schema.json), applied in this one place. */
export const NOTIFY_DEFAULTS = { max_events: 25, live_wait_seconds: 600 } as const;

export async function runNotify(options: NotifyOptions): Promise<NotifyReport> {
  const config = loadNotifyConfig(options.root);
  const limits = options.limits ?? FETCH_LIMITS;

  if (options.snapshot !== undefined) {
    const location = options.previous ?? config.site.url;
    const read = await readSite(location, { cwd: options.cwd, limits });
    const report: NotifyReport = {
      mode: "snapshot",
      previous: previousOf(location, read),
      sending: false,
      events: [],
      plans: [],
      outcomes: [],
    };
    if (read.ok)
      report.snapshot = { folder: options.snapshot, files: writeSiteFiles(path.resolve(options.cwd, options.snapshot), read.files) };
    return report;
  }

  const current = await readSite(options.site, { cwd: options.cwd, limits });
  if (!current.ok) {
    throw new SitrepError(`Cannot read the built site: ${current.reason}.`, {
      hint: "Build the public site first (`npm run build`), or point --site at its folder (default: dist, or $SITREP_OUT_DIR).",
      exitCode: 2,
    });
  }
  refuseUnlessPublic(options.site, current.site);
  const earlier = ledgerOf(options.sent);
  // Without --previous the live site (site.url) is the previous one: right after a deploy that is
  // this build, so nothing is new — the safe answer for a run by hand.
  const previousLocation = options.previous ?? (options.all ? undefined : config.site.url);
  const previous = previousLocation === undefined ? undefined : await readSite(previousLocation, { cwd: options.cwd, limits });
  const events = newEvents(previous?.ok ? previous.site : undefined, current.site);
  const maxEvents = options.maxEvents ?? config.notify?.max_events ?? NOTIFY_DEFAULTS.max_events;
  const refusal = previous?.ok && !options.all ? refusalOf(previous.site, events, maxEvents) : undefined;
  const sending = (previous?.ok === true || options.all) && !refusal;
  const report: NotifyReport = {
    mode: options.dryRun ? "dry-run" : "send",
    previous:
      previousLocation === undefined
        ? { location: null, ok: false, reason: "--all without --previous" }
        : previousOf(previousLocation, previous!),
    current: { location: options.site, builtAt: current.site.stamp?.builtAt ?? current.site.page.updated_at },
    sending,
    ...(refusal ? { refusal } : {}),
    events,
    plans: [],
    outcomes: [],
  };
  if (!sending) return report;
  const channels = resolveChannels(config.notifications, options.env);
  // Formatting (Markdown rendering) and delivery load only when there is something to say: a
  // rerun, the common case in a scheduled deploy, stays a quick comparison.
  report.plans =
    events.length === 0
      ? channels.map((channel) => ({ channel, deliveries: [], filtered: [], alreadySent: [] }))
      : withoutDelivered((await import("./plan.ts")).planDeliveries(events, channels, current.site, config), earlier);
  const toSend = report.plans.some((p) => p.deliveries.length > 0);
  if (report.mode === "send" && toSend && !options.skipLiveCheck) {
    const liveUrl = options.live ?? config.site.url;
    const waitMs = options.liveWaitMs ?? (config.notify?.live_wait_seconds ?? NOTIFY_DEFAULTS.live_wait_seconds) * 1000;
    report.live = await waitUntilLive(liveUrl, current.site.stamp!, {
      waitMs,
      intervalMs: options.liveIntervalMs ?? 10_000,
      limits,
      sleep: options.sleep,
    });
    if (!report.live.live) {
      report.sending = false;
      report.refusal = {
        rule: "notify-not-live",
        message: `the target does not serve this build: ${report.live.reason}. Nothing was sent.`,
        hint: `Messages would link to pages that are not live, and a build that never goes live must not count as announced. If the target's Pages build failed or is slow, fix it: the next deploy compares with what is live then and sends this deploy's updates with its own. Wait longer with notify.live_wait_seconds in sitrep.config.yaml.`,
      };
      if (options.recordSent) writeLedger(path.resolve(options.cwd, options.recordSent), earlier, []);
      return report;
    }
  }
  if (report.mode === "send" && toSend)
    report.outcomes = await (await import("./send.ts")).sendPlans(report.plans, {
      backoffMs: options.backoffMs ?? 1000,
      sleep: options.sleep,
    });
  if (report.mode === "send" && options.recordSent) writeLedger(path.resolve(options.cwd, options.recordSent), earlier, report.outcomes);
  return report;
}

/** Only a public build may be announced: an internal one holds internal incidents, drills, near-misses and postmortems. */
function refuseUnlessPublic(location: string, site: PublishedSite): void {
  const audience = site.stamp?.audience;
  if (audience === "public") return;
  throw new SitrepError(
    audience === undefined
      ? `${location} does not say it is a public build (its build.json ${site.stamp ? "has no audience" : "is missing"}), so nothing was sent.`
      : `${location} is a build for the ${audience} audience, so nothing was sent: it shows what only the team may see (internal incidents, drills, near-misses, internal postmortems).`,
    {
      hint: 'Notify the public build only: `npx sitrep build` without SITREP_AUDIENCE=internal writes build.json with "audience": "public"; point --site at it.',
      exitCode: 2,
    },
  );
}

/** A history's worth of events is a sign the previous site was not the one last published. */
function refusalOf(previous: PublishedSite, events: NotifyEvent[], maxEvents: number): Refusal | undefined {
  const empty = previous.incidents.length === 0 && previous.maintenances.length === 0 && previous.postmortems.length === 0;
  if (empty && events.length > 0) {
    return {
      rule: "notify-first-run",
      message: `the previous site publishes no incident, maintenance or postmortem, so all ${events.length} event(s) of this build look new. Nothing was sent.`,
      hint: "This is the first deploy with records, or the previous site is not the one that was live. To announce this build's events anyway, run `npx sitrep notify --all` once.",
    };
  }
  if (events.length > maxEvents) {
    return {
      rule: "notify-too-many",
      message: `${events.length} events are new, more than notify.max_events (${maxEvents}). Nothing was sent.`,
      hint: "A deploy rarely has that many: the previous site may not be the one that was live. Check the list above; to send them anyway, raise notify.max_events in sitrep.config.yaml or run `npx sitrep notify --all`.",
    };
  }
  return undefined;
}

function ledgerOf(location: string | undefined): Ledger {
  if (location === undefined) return new Map();
  const read = readLedger(location);
  if (read.ok) return read.ledger;
  throw new SitrepError(`The ledger of earlier attempts cannot be read: ${read.reason}, so nothing was sent.`, {
    hint: "Each notify job writes it (--record-sent); download the run's notify-sent-* artifacts into the --sent folder unchanged.",
    exitCode: 2,
  });
}

/** Leaves out what an earlier attempt of this run delivered to a channel. */
function withoutDelivered(plans: ChannelPlan[], ledger: Ledger): ChannelPlan[] {
  return plans.map((plan) => {
    const delivered = ledger.get(plan.channel.name);
    if (!delivered) return plan;
    return {
      ...plan,
      deliveries: plan.deliveries.filter((d) => !delivered.has(d.event.id)),
      alreadySent: plan.deliveries.filter((d) => delivered.has(d.event.id)).map((d) => d.event),
    };
  });
}

function previousOf(location: string, read: ReadResult): NotifyReport["previous"] {
  return read.ok
    ? { location, ok: true, builtAt: read.site.stamp?.builtAt ?? read.site.page.updated_at }
    : { location, ok: false, problem: read.problem, reason: read.reason };
}

/** 0 nothing failed; 1 nothing was sent because the previous site could not be read or the events look like a history; 2 a channel failed or cannot send, or the target does not serve this build. */
export function exitCodeOf(report: NotifyReport): number {
  if (report.mode === "snapshot") return 0;
  if (report.outcomes.some((o) => o.deliveries.some((d) => d.status !== "sent"))) return 2;
  if (report.mode === "send" && report.plans.some((p) => p.channel.problem && p.deliveries.length > 0)) return 2;
  if (report.refusal?.rule === "notify-not-live") return 2;
  if (!report.sending) return 1;
  return 0;
}
