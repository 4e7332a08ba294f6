// `sitrep notify`, wired: read the config, the current build and the previous site; decide what
// is new; plan; send (or, with --dry-run, only plan). Returns a report; prints nothing.
import path from "node:path";
import { SitrepError } from "../errors.ts";
import { resolveChannels } from "./channels.ts";
import { newEvents, type NotifyEvent } from "./events.ts";
import { loadNotifyConfig } from "./load-config.ts";
import type { ChannelPlan } from "./plan.ts";
import { readSite, writeSiteFiles, type ReadResult } from "./read-site.ts";
import type { ChannelOutcome } from "./send.ts";

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
  /** First retry wait; doubles per retry. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface NotifyReport {
  mode: "send" | "dry-run" | "snapshot";
  previous: { location: string | null; ok: boolean; problem?: string; reason?: string; builtAt?: string };
  current?: { location: string; builtAt: string };
  /** False when nothing was sent because the previous site could not be read (and no --all). */
  sending: boolean;
  events: NotifyEvent[];
  plans: ChannelPlan[];
  outcomes: ChannelOutcome[];
  snapshot?: { folder: string; files: string[] };
}

export async function runNotify(options: NotifyOptions): Promise<NotifyReport> {
  const config = loadNotifyConfig(options.root);

  if (options.snapshot !== undefined) {
    const location = options.previous ?? config.site.url;
    const read = await readSite(location, { cwd: options.cwd });
    const report: NotifyReport = { mode: "snapshot", previous: previousOf(location, read), sending: false, events: [], plans: [], outcomes: [] };
    if (read.ok) report.snapshot = { folder: options.snapshot, files: writeSiteFiles(path.resolve(options.cwd, options.snapshot), read.files) };
    return report;
  }

  const current = await readSite(options.site, { cwd: options.cwd });
  if (!current.ok) {
    throw new SitrepError(`Cannot read the built site: ${current.reason}.`, {
      hint: "Build the public site first (`npm run build`), or point --site at its folder (default: dist, or $SITREP_OUT_DIR).",
      exitCode: 2,
    });
  }
  // Without --previous the live site (site.url) is the previous one: right after a deploy that is
  // this build, so nothing is new — the safe answer for a re-run.
  const previousLocation = options.previous ?? (options.all ? undefined : config.site.url);
  const previous = previousLocation === undefined ? undefined : await readSite(previousLocation, { cwd: options.cwd });
  const sending = previous?.ok === true || options.all;
  const events = newEvents(previous?.ok ? previous.site : undefined, current.site);
  const channels = resolveChannels(config.notifications, options.env);
  // Formatting (Markdown rendering) and delivery load only when there is something to say: a
  // rerun, the common case in a scheduled deploy, stays a quick comparison.
  const plans: ChannelPlan[] = !sending ? []
    : events.length === 0 ? channels.map((channel) => ({ channel, deliveries: [], filtered: [] }))
    : (await import("./plan.ts")).planDeliveries(events, channels, current.site, config);
  const dryRun = options.dryRun;
  const outcomes = sending && !dryRun && events.length > 0 ? await (await import("./send.ts")).sendPlans(plans, { backoffMs: options.backoffMs ?? 1000, sleep: options.sleep }) : [];
  return {
    mode: dryRun ? "dry-run" : "send",
    previous: previousLocation === undefined ? { location: null, ok: false, reason: "--all without --previous" } : previousOf(previousLocation, previous!),
    current: { location: options.site, builtAt: current.site.page.updated_at },
    sending,
    events,
    plans,
    outcomes,
  };
}

function previousOf(location: string, read: ReadResult): NotifyReport["previous"] {
  return read.ok ? { location, ok: true, builtAt: read.site.page.updated_at } : { location, ok: false, problem: read.problem, reason: read.reason };
}

/** 0 nothing failed; 1 the previous site could not be read, so nothing was sent; 2 a channel failed or cannot send. */
export function exitCodeOf(report: NotifyReport): number {
  if (report.mode === "snapshot") return 0;
  if (report.outcomes.some((o) => o.deliveries.some((d) => d.status !== "sent"))) return 2;
  if (report.mode === "send" && report.plans.some((p) => p.channel.problem && p.deliveries.length > 0)) return 2;
  if (!report.sending) return 1;
  return 0;
}
