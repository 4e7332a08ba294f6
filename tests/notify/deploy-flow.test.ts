// Notify as the deploy workflow runs it, against a target that behaves like a real one: the live
// site sits behind a caching CDN emulator (tests/notify/cdn-host.ts), deploys can be slow or fail,
// jobs are re-run, the live site can hang or send too much, and builds can be internal. Each
// "deploy" is what deploy.yml does: the build job snapshots what the target serves, the site goes
// live (or not), the notify job compares, waits for the live build and sends. In-process.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { exitCodeOf, NOTIFY_DEFAULTS, runNotify, type NotifyOptions, type NotifyReport } from "../../scripts/notify/run.ts";
import { SITE_FILES } from "../../scripts/notify/site-files.ts";
import { runCliAsync } from "../helpers/github-cli.ts";
import { cdnHost, type CdnHost } from "./cdn-host.ts";
import { BASE_CONFIG, fixtureRepo, incidentRecord, type FixtureRepo, type Update } from "./fixture-site.ts";
import { httpReceiver, type Behaviour, type Receiver } from "./receivers.ts";

const configSchema = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../schema/config.schema.json"), "utf8"));
const FILE = "incidents/2026/2026-11-17-api-errors.md";
const declared: Update = { at: "2026-11-17T11:34:00Z", status: "investigating", body: "Some API requests fail." };
const identified: Update = { at: "2026-11-17T11:52:00Z", status: "identified", body: "A release caused it." };
const monitoring: Update = { at: "2026-11-17T12:05:00Z", status: "monitoring", body: "Errors are back to normal." };
const resolved: Update = { at: "2026-11-17T12:30:00Z", status: "resolved", body: "Resolved." };
const record = (updates: Update[]) =>
  incidentRecord({
    title: "API errors",
    severity: "SEV2",
    status: updates.at(-1)!.status,
    started: "2026-11-17T11:22:00Z",
    resolved: updates.at(-1)!.status === "resolved" ? updates.at(-1)!.at : undefined,
    components: { api: "partial_outage" },
    updates,
  });

const CHANNELS =
  "notifications:\n  - type: slack\n    url_env: SLACK_URL\n    retries: 0\n  - type: discord\n    url_env: DISCORD_URL\n    retries: 0\n";

let repo: FixtureRepo;
let host: CdnHost;
let slack: Receiver;
let discord: Receiver;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  repo?.cleanup();
});

async function setup(options: { config?: string; slack?: Behaviour } = {}) {
  repo = fixtureRepo(`${BASE_CONFIG}${options.config ?? ""}${CHANNELS}`);
  host = await cdnHost();
  slack = await httpReceiver(options.slack);
  discord = await httpReceiver();
  closers.push(host.close, slack.close, discord.close);
}

/** Bounds short enough for a test; the defaults (config and fetch-text.ts) are minutes and MB. */
const FAST = { liveWaitMs: 3000, liveIntervalMs: 20, limits: { timeoutMs: 1000, maxBytes: 1024 * 1024 }, backoffMs: 1 };

const notify = (options: Partial<NotifyOptions>): Promise<NotifyReport> =>
  runNotify({
    root: repo.dir,
    cwd: repo.dir,
    env: { SLACK_URL: slack.url, DISCORD_URL: discord.url },
    site: "",
    all: false,
    dryRun: false,
    live: host.url,
    ...FAST,
    ...options,
  });

let snapshots = 0;
/** The build job's step: save what the target serves now. */
async function snapshot(): Promise<string> {
  const folder = path.join(repo.dir, `snapshot-${++snapshots}`);
  const report = await notify({ snapshot: folder, previous: host.url });
  if (!report.snapshot) throw new Error(report.previous.reason);
  return folder;
}

/** Someone reading the page: the CDN keeps what they got. */
async function visit(): Promise<void> {
  for (const file of Object.values(SITE_FILES)) await (await fetch(`${host.url}${file}`)).text();
}

const said = (receiver: Receiver) => receiver.requests.map((q) => q.json.blocks?.[1]?.text?.text ?? q.json.embeds?.[0]?.description ?? "");
const texts = (receiver: Receiver) =>
  said(receiver).map((t: string) => [declared, identified, monitoring, resolved].find((u) => t.includes(u.body))?.body ?? t);

describe("notify through a caching CDN and real deploys", () => {
  it("two deploys in a row send each update once per channel; every read gets past the cache", async () => {
    await setup();
    repo.write(FILE, record([declared]));
    host.deploy(repo.publish("2026-11-17T11:40:00Z"));
    await visit();
    for (const [updates, now] of [
      [[declared, identified], "2026-11-17T11:55:00Z"],
      [[declared, identified, monitoring], "2026-11-17T12:10:00Z"],
    ] as const) {
      const previous = await snapshot();
      repo.write(FILE, record([...updates]));
      const build = repo.publish(now);
      host.deploy(build);
      await visit();
      const report = await notify({ site: build, previous });
      expect(exitCodeOf(report)).toBe(0);
    }
    expect(texts(slack)).toEqual([identified.body, monitoring.body]);
    expect(texts(discord)).toEqual([identified.body, monitoring.body]);
    // The emulator does cache: a visitor still gets the first build's incidents.json …
    expect(await (await fetch(`${host.url}${SITE_FILES.incidents}`)).text()).not.toContain(monitoring.body);
    // … while notify's reads never came from it, each with a query of its own (no clock in it).
    const mine = host.requests.filter((r) => r.query.includes("sitrep-fresh"));
    expect(mine.some((r) => r.cached)).toBe(false);
    expect(new Set(mine.map((r) => r.query)).size).toBe(mine.length);
  });

  it("waits for a slow Pages build of the target; when it never serves the build, sends nothing (exit 2) and the next deploy sends both", async () => {
    await setup();
    repo.write(FILE, record([declared]));
    host.deploy(repo.publish("2026-11-17T11:40:00Z"));
    let previous = await snapshot();
    repo.write(FILE, record([declared, identified]));
    const slow = repo.publish("2026-11-17T11:55:00Z");
    setTimeout(() => host.deploy(slow), 150);
    const waited = await notify({ site: slow, previous });
    expect([waited.live?.live, (waited.live?.attempts ?? 0) > 1, exitCodeOf(waited)]).toEqual([true, true, 0]);
    expect(texts(slack)).toEqual([identified.body]);

    previous = await snapshot();
    repo.write(FILE, record([declared, identified, monitoring]));
    const failed = repo.publish("2026-11-17T12:10:00Z"); // its Pages build fails: the target keeps serving `slow`
    const refused = await notify({ site: failed, previous, liveWaitMs: 200 });
    expect([refused.sending, refused.refusal?.rule, exitCodeOf(refused)]).toEqual([false, "notify-not-live", 2]);
    expect(refused.refusal?.message).toMatch(
      /^the target does not serve this build: .*build\.json serves the build of 2026-11-17T11:55:00\.000Z .*, not this build of 2026-11-17T12:10:00\.000Z/,
    );
    expect(slack.requests).toHaveLength(1);

    previous = await snapshot(); // still `slow`
    repo.write(FILE, record([declared, identified, monitoring, resolved]));
    const next = repo.publish("2026-11-17T12:35:00Z");
    host.deploy(next);
    expect(exitCodeOf(await notify({ site: next, previous }))).toBe(0);
    expect(texts(slack)).toEqual([identified.body, monitoring.body, resolved.body]);
    expect(texts(discord)).toEqual([identified.body, monitoring.body, resolved.body]);
  });

  it("re-runs send what the deploy has not sent, and nothing twice", async () => {
    await setup({ slack: (n) => (n === 0 ? 500 : "ok") });
    repo.write(FILE, record([declared]));
    host.deploy(repo.publish("2026-11-17T11:40:00Z"));
    const ledgers = path.join(repo.dir, "ledgers");
    // Attempt 1: the build job snapshots; the Pages deploy fails, so the notify job never runs.
    const previous = await snapshot();
    repo.write(FILE, record([declared, identified, monitoring]));
    const build = repo.publish("2026-11-17T12:10:00Z");
    // Attempt 2, "Re-run failed jobs": the deploy succeeds; notify compares with attempt 1's snapshot.
    host.deploy(build);
    const second = await notify({ site: build, previous, sent: ledgers, recordSent: path.join(ledgers, "sent-2.json") });
    expect(exitCodeOf(second)).toBe(2); // slack answered 500 once
    expect([texts(slack), texts(discord)]).toEqual([[], [identified.body, monitoring.body]]);
    // Attempt 3, re-running the notify job: slack gets what it missed, discord nothing again.
    const third = await notify({ site: build, previous, sent: ledgers, recordSent: path.join(ledgers, "sent-3.json") });
    expect(exitCodeOf(third)).toBe(0);
    expect([texts(slack), texts(discord)]).toEqual([
      [identified.body, monitoring.body],
      [identified.body, monitoring.body],
    ]);
    // Attempt 4: everything is delivered.
    const fourth = await notify({ site: build, previous, sent: ledgers, recordSent: path.join(ledgers, "sent-4.json") });
    expect([exitCodeOf(fourth), fourth.plans.map((p) => p.alreadySent.length), slack.requests.length, discord.requests.length]).toEqual([
      0,
      [2, 2],
      2,
      2,
    ]);
  });

  it("a live site that resets, hangs in its body or sends too much is reported; the snapshot degrades and nothing is sent", async () => {
    await setup();
    const BOUNDS = { timeoutMs: 300, maxBytes: 1024 * 1024 };
    repo.write(FILE, record([declared]));
    host.deploy(repo.publish("2026-11-17T11:40:00Z"));
    repo.write(FILE, record([declared, identified]));
    const build = repo.publish("2026-11-17T11:55:00Z");
    const reasons: string[] = [];
    for (const how of ["reset", "hang-body", "huge"] as const) {
      host.misbehave(SITE_FILES.history, how);
      const saved = await notify({ snapshot: path.join(repo.dir, `snap-${how}`), previous: host.url, limits: BOUNDS });
      expect([saved.snapshot, saved.previous.problem, exitCodeOf(saved)]).toEqual([undefined, "unreachable", 0]);
      reasons.push(saved.previous.reason!.replace(host.url, "<live>/"));
      const sent = await notify({ site: build, previous: host.url, limits: BOUNDS });
      expect([sent.sending, exitCodeOf(sent)]).toEqual([false, 1]);
    }
    expect(reasons).toEqual([
      expect.stringMatching(/^<live>\/history\.json did not answer in full \(.+\)$/),
      "<live>/history.json did not answer in full (not within 0.3 s)",
      "<live>/history.json is larger than 1 MB, more than a published file of the site can be",
    ]);
    expect(slack.attempts + discord.attempts).toBe(0);
  });

  it("refuses an internal build, and a build that does not say its audience", async () => {
    await setup();
    repo.write(FILE, record([declared]));
    const previous = repo.publish("2026-11-17T11:40:00Z");
    repo.write(FILE, record([declared, identified]));
    const internal = repo.publish("2026-11-17T11:55:00Z", { audience: "internal" });
    await expect(notify({ site: internal, previous })).rejects.toThrow(
      /is a build for the internal audience, so nothing was sent: it shows what only the team may see/,
    );
    repo.remove(path.join(path.relative(repo.dir, internal), "build.json"));
    await expect(notify({ site: internal, previous })).rejects.toThrow(/does not say it is a public build \(its build\.json is missing\)/);
    expect(slack.attempts).toBe(0);
  });

  it("sends at most notify.max_events, and nothing on a first run against an empty site, unless --all", async () => {
    const limits = configSchema.properties.notify.properties;
    expect(NOTIFY_DEFAULTS).toEqual({ max_events: limits.max_events.default, live_wait_seconds: limits.live_wait_seconds.default });
    await setup({ config: "notify:\n  max_events: 1\n" });
    const empty = repo.publish("2026-11-17T11:00:00Z");
    repo.write(FILE, record([declared, identified, monitoring]));
    const build = repo.publish("2026-11-17T12:10:00Z");
    host.deploy(build);
    const first = await notify({ site: build, previous: empty });
    expect([first.refusal?.rule, first.events.length, exitCodeOf(first)]).toEqual(["notify-first-run", 3, 1]);
    repo.write(FILE, record([declared]));
    const one = repo.publish("2026-11-17T11:40:00Z");
    const many = await notify({ site: build, previous: one });
    expect([many.refusal?.rule, many.refusal?.message, exitCodeOf(many)]).toEqual([
      "notify-too-many",
      "2 events are new, more than notify.max_events (1). Nothing was sent.",
      1,
    ]);
    expect(slack.attempts).toBe(0);
    const all = await notify({ site: build, previous: one, all: true });
    expect([exitCodeOf(all), slack.requests.length]).toEqual([0, 2]);
  });

  it("on Actions, a build the target never serves is an error annotation and exit 2 (the CLI)", async () => {
    await setup({ config: "notify:\n  live_wait_seconds: 0\n" });
    repo.write(FILE, record([declared]));
    const previous = repo.publish("2026-11-17T11:40:00Z");
    host.deploy(previous);
    repo.write(FILE, record([declared, identified]));
    const build = repo.publish("2026-11-17T11:55:00Z");
    const run = await runCliAsync(["notify", "--site", build, "--previous", previous, "--live", host.url], {
      cwd: repo.dir,
      env: { SLACK_URL: slack.url, DISCORD_URL: discord.url, GITHUB_ACTIONS: "true" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^::error title=sitrep notify-not-live::the target does not serve this build: /m);
    expect(slack.attempts).toBe(0);
  });
});
