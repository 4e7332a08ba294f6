// The pure middle of notify: filters, the message model and each format's escaping and limits,
// on snapshots made by the project's publishers from small fixture records.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveChannels, type ChannelConfig } from "../../scripts/notify/channels.ts";
import { newEvents, type NotifyEvent } from "../../scripts/notify/new-events.ts";
import { matchesFilters } from "../../scripts/notify/filter.ts";
import { discordRequests } from "../../scripts/notify/formats/discord.ts";
import { emailMessage } from "../../scripts/notify/formats/email.ts";
import { slackRequests } from "../../scripts/notify/formats/slack.ts";
import { webhookRequests } from "../../scripts/notify/formats/webhook.ts";
import { buildMessage } from "../../scripts/notify/message.ts";
import type { PublishedSite } from "../../scripts/notify/published-site.ts";
import { readSite } from "../../scripts/notify/read-site.ts";
import { withRetries } from "../../scripts/notify/retry.ts";
import { fixtureRepo, incidentRecord, postmortemAtomEntry, type FixtureRepo } from "./fixture-site.ts";

let repo: FixtureRepo;
let site: PublishedSite;
let events: NotifyEvent[];
const severities = [
  { id: "SEV1", impact: "critical" as const },
  { id: "SEV2", impact: "major" as const },
  { id: "SEV3", impact: "minor" as const },
].map((s) => ({ ...s, name: s.id, postmortem_required: false }));
const SHOUT = 'Payments <b>fail</b> & @everyone should *retry* "now"';

beforeAll(async () => {
  repo = fixtureRepo();
  repo.write(
    "incidents/2026/2026-11-17-pay.md",
    incidentRecord({
      title: SHOUT,
      severity: "SEV1",
      status: "investigating",
      started: "2026-11-17T11:00:00Z",
      components: { dashboard: "major_outage" },
      updates: [{ at: "2026-11-17T11:05:00Z", status: "investigating", body: "We see <script>alert(1)</script> errors & are on it." }],
    }),
  );
  repo.write(
    "incidents/2026/2026-11-17-minor.md",
    incidentRecord({
      title: "Slow exports",
      severity: "SEV3",
      status: "investigating",
      started: "2026-11-17T10:00:00Z",
      components: { api: "degraded_performance" },
      updates: [{ at: "2026-11-17T10:05:00Z", status: "investigating", body: "Exports are slow." }],
    }),
  );
  repo.write(
    "incidents/2026/2026-12-01-upgrade.md",
    incidentRecord({
      title: "Upgrade",
      status: "scheduled",
      started: "",
      components: { api: "under_maintenance" },
      extra: "type: maintenance\nscheduled_start: 2026-12-01T01:00:00Z\nscheduled_end: 2026-12-01T03:00:00Z",
      updates: [{ at: "2026-11-17T09:00:00Z", status: "scheduled", body: "We will upgrade." }],
    }),
  );
  const read = await readSite(
    repo.publish("2026-11-17T12:00:00Z", {
      extraAtom: postmortemAtomEntry("2026-11-17-pay", "Postmortem: payments", "2026-11-17T11:59:00Z"),
    }),
    { cwd: "/" },
  );
  if (!read.ok) throw new Error(read.reason);
  site = read.site;
  events = newEvents(undefined, site);
});
afterAll(() => repo.cleanup());

const byTitle = (name: string, kind?: string) => events.find((e) => (e.incident?.name ?? "") === name && (!kind || e.kind === kind))!;
const channel = (extra: Partial<ChannelConfig>): ChannelConfig => ({ type: "slack", url_env: "X", ...extra });

describe("filters", () => {
  it("severities match by impact; maintenance passes; components match incident and update components", () => {
    const pass = (config: ChannelConfig) =>
      events.filter((e) => matchesFilters(e, config, { severities })).map((e) => `${e.kind}:${e.incident?.name ?? "-"}`);
    expect(pass(channel({ severities: ["SEV1"] }))).toEqual([
      "maintenance_scheduled:Upgrade",
      `incident_declared:${SHOUT}`,
      `postmortem_published:${SHOUT}`,
    ]);
    expect(pass(channel({ components: ["api"] }))).toEqual(["maintenance_scheduled:Upgrade", "incident_declared:Slow exports"]);
    expect(pass(channel({}))).toHaveLength(4);
  });
});

describe("formats", () => {
  it("escapes the site's text for each markup and never lets a message mention everyone", () => {
    const message = buildMessage(byTitle(SHOUT, "incident_declared"), site);
    expect(message.impact).toBe("Critical impact");
    expect(message.components).toEqual([{ name: "Dashboard", status: "Major Outage" }]);
    const slack = JSON.parse(slackRequests(message)[0].body);
    expect(slack.blocks[0].text).toEqual({ type: "plain_text", text: `New incident: ${SHOUT}`, emoji: false });
    expect(slack.blocks[1].text.text).not.toMatch(/<(?!https:)/);
    const discord = JSON.parse(discordRequests(message)[0].body);
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    const literal = JSON.parse(discordRequests({ ...message, text: "rates *up* to 5_000 [see](x)" })[0].body).embeds[0].description;
    expect(literal).toContain("rates \\*up\\* to 5\\_000 \\[see\\]\\(x\\)");
    const email = emailMessage(message);
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>fail</b>");
    expect(email.html).toContain("Payments &lt;b&gt;fail&lt;/b&gt; &amp; @everyone");
    expect(email.text).toContain(`New incident: ${SHOUT}`);
  });

  it("gives maintenance its window and a postmortem its page", () => {
    const maintenance = buildMessage(byTitle("Upgrade"), site);
    expect([maintenance.headline, maintenance.impact, maintenance.window]).toEqual([
      "Maintenance scheduled",
      "Planned maintenance",
      { from: "2026-12-01T01:00:00.000Z", until: "2026-12-01T03:00:00.000Z" },
    ]);
    expect(emailMessage(maintenance).text).toContain("Window 2026-12-01 01:00 – 03:00 UTC");
    const postmortem = byTitle(SHOUT, "postmortem_published");
    const hook = webhookRequests(buildMessage(postmortem, site), site, "k");
    expect(hook).toHaveLength(1);
    const payload = JSON.parse(hook[0].body);
    expect([payload.meta.event, payload.postmortem.url, payload.incident.name]).toEqual([
      "postmortem_published",
      "https://status.test.example/postmortems/2026-11-17-pay/",
      SHOUT,
    ]);
    expect(hook[0].headers["x-sitrep-signature-256"]).toBe(`sha256=${createHmac("sha256", "k").update(hook[0].body).digest("hex")}`);
  });

  it("clips chat fields to the platforms' limits", () => {
    const message = { ...buildMessage(byTitle("Slow exports"), site), text: "word ".repeat(2000), title: "t".repeat(400) };
    const slack = JSON.parse(slackRequests(message)[0].body);
    expect(slack.blocks[0].text.text.length).toBeLessThanOrEqual(150);
    expect(slack.blocks[1].text.text.length).toBeLessThanOrEqual(3000);
    const embed = JSON.parse(discordRequests(message)[0].body).embeds[0];
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
  });
});

describe("channels and retries", () => {
  it("reads secrets only from the named variables and reports the missing ones", () => {
    const [hook, mail] = resolveChannels(
      [
        { type: "webhook", url_env: "HOOK", secret_env: "HOOK_KEY" },
        { type: "email", smtp_url_env: "SMTP", to: ["a@example.com"], from: "b@example.com" },
      ],
      { HOOK: " https://hooks.example/x ", SMTP: "" },
    );
    expect([hook.name, hook.target, hook.secret, hook.problem?.message]).toEqual([
      "webhook#1",
      "https://hooks.example/x",
      undefined,
      "webhook#1: the environment variable HOOK_KEY is not set, so nothing was sent to it.",
    ]);
    expect(mail.problem?.message).toContain("SMTP is not set");
  });

  it("backs off 1, 2, 4 times the base, honours Retry-After, and stops at a permanent failure", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const failing = await withRetries(async () => ({ error: "HTTP 500" }), { retries: 3, backoffMs: 1000, sleep });
    expect([failing.ok, failing.attempts, waits]).toEqual([false, 4, [1000, 2000, 4000]]);
    waits.length = 0;
    let n = 0;
    const limited = await withRetries(async () => (n++ === 0 ? { error: "HTTP 429", retryAfterMs: 5000 } : undefined), {
      retries: 3,
      backoffMs: 1000,
      sleep,
    });
    expect([limited.ok, limited.attempts, waits]).toEqual([true, 2, [5000]]);
    waits.length = 0;
    const gone = await withRetries(async () => ({ error: "HTTP 404", permanent: true }), { retries: 3, backoffMs: 1000, sleep });
    expect([gone.ok, gone.attempts, waits]).toEqual([false, 1, []]);
  });
});
