// `sitrep notify` as a user runs it, against local receivers for every channel type: exactly one
// message per new update per channel, signed webhooks, nothing on a rerun, failures retried and
// reported without holding up the other channels, and nothing sent without a previous site.
import { createHmac } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCliAsync } from "../helpers/github-cli.ts";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { serveStatic } from "../helpers/static-server.ts";
import { BASE_CONFIG, fixtureRepo, incidentRecord, type FixtureRepo, type Update } from "./fixture-site.ts";
import { httpReceiver, smtpReceiver, type Behaviour, type SmtpReceiver } from "./receivers.ts";

const INCIDENT = "incidents/2026/2026-11-17-api-errors.md";
const declared: Update = { at: "2026-11-17T11:34:00Z", status: "investigating", body: "Some API requests fail. We are investigating." };
const identified: Update = {
  at: "2026-11-17T11:52:00Z",
  status: "identified",
  body: "A release caused it; we are rolling it back & errors are < 1 %.",
};
const monitoring: Update = {
  at: "2026-11-17T12:05:00Z",
  status: "monitoring",
  body: "The rollback is done; errors are back to normal.",
  components: { api: "degraded_performance" },
};
const record = (updates: Update[]) =>
  incidentRecord({
    title: "API errors",
    severity: "SEV2",
    status: updates.at(-1)!.status,
    started: "2026-11-17T11:22:00Z",
    components: { api: "partial_outage" },
    updates,
  });

const SECRET = "s3cret-for-tests";

function config(channels: string): string {
  return `${BASE_CONFIG}notifications:\n${channels}`;
}

const ALL_CHANNELS = `  - type: webhook
    url_env: HOOK_URL
    secret_env: HOOK_SECRET
  - type: slack
    url_env: SLACK_URL
  - type: teams
    url_env: TEAMS_URL
  - type: discord
    url_env: DISCORD_URL
  - type: email
    smtp_url_env: SMTP_URL
    to: [subscribers@test.example]
    from: "Test Status <status@test.example>"
`;

let repo: FixtureRepo;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  repo?.cleanup();
});

async function receivers(behaviours: Partial<Record<"hook" | "slack" | "teams" | "discord", Behaviour>> = {}) {
  const open = async (behaviour?: Behaviour) => {
    const receiver = await httpReceiver(behaviour);
    closers.push(receiver.close);
    return receiver;
  };
  const [hook, slack, teams, discord] = [
    await open(behaviours.hook),
    await open(behaviours.slack),
    await open(behaviours.teams),
    await open(behaviours.discord),
  ];
  const smtp: SmtpReceiver = await smtpReceiver();
  closers.push(smtp.close);
  const env: Record<string, string> = {
    HOOK_URL: hook.url,
    HOOK_SECRET: SECRET,
    SLACK_URL: slack.url,
    TEAMS_URL: teams.url,
    DISCORD_URL: discord.url,
    SMTP_URL: smtp.url,
  };
  return { hook, slack, teams, discord, smtp, env };
}

/** Two builds: the declaration, then the declaration plus two new updates. */
function twoBuilds(channels = ALL_CHANNELS): { before: string; after: string } {
  repo = fixtureRepo(config(channels));
  repo.write(INCIDENT, record([declared]));
  const before = repo.publish("2026-11-17T11:40:00Z");
  repo.write(INCIDENT, record([declared, identified, monitoring]));
  return { before, after: repo.publish("2026-11-17T12:10:00Z") };
}

// In the test's process; the first test runs the real CLI as a subprocess. The live site (site.url) of
// these builds is not served anywhere: waiting for it is tested in-process (deploy-flow.test.ts).
const notify = (args: string[], env: Record<string, string>) =>
  runCliInProcess(["notify", ...args, "--skip-live-check"], { cwd: repo.dir, env });

describe("sitrep notify", () => {
  it("sends exactly the two new updates to every channel, signed, and nothing on a rerun", async () => {
    const { before, after } = twoBuilds();
    const r = await receivers();
    const run = await runCliAsync(["notify", "--site", after, "--previous", before, "--skip-live-check"], { cwd: repo.dir, env: r.env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    for (const chat of [r.slack, r.teams, r.discord]) expect(chat.requests).toHaveLength(2);
    expect(r.smtp.messages).toHaveLength(2);
    // Statuspage's webhook format: one incident payload per update, one component_update per changed component.
    const incidentPayloads = r.hook.requests.filter((q) => q.json.incident);
    const componentPayloads = r.hook.requests.filter((q) => q.json.component_update);
    expect(incidentPayloads.map((q) => q.json.incident.incident_updates[0].body)).toEqual([identified.body, monitoring.body]);
    expect(
      componentPayloads.map((q) => [q.json.component.name, q.json.component_update.old_status, q.json.component_update.new_status]),
    ).toEqual([["Public API", "partial_outage", "degraded_performance"]]);
    for (const q of r.hook.requests) {
      const expected = `sha256=${createHmac("sha256", SECRET).update(q.body).digest("hex")}`;
      expect(q.headers["x-sitrep-signature-256"]).toBe(expected);
    }

    // Native formats, with the update text, impact in words, components and the link.
    const slack = r.slack.requests[0].json;
    expect(slack.blocks[0].text.text).toBe("Incident update: API errors");
    expect(slack.blocks[1].text.text).toContain("*Identified · Major impact*");
    expect(slack.blocks[1].text.text).toContain("rolling it back &amp; errors are &lt; 1 %.");
    expect(JSON.stringify(slack.blocks.at(-1))).toContain("https://status.test.example/incidents/2026-11-17-api-errors/");
    expect(r.slack.requests[1].json.blocks[2].fields[0].text).toBe("*Public API*\nDegraded Performance");
    const card = r.teams.requests[0].json.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content.actions[0].url).toBe("https://status.test.example/incidents/2026-11-17-api-errors/");
    const embed = r.discord.requests[1].json.embeds[0];
    expect([embed.title, embed.fields[0]]).toEqual([
      "Incident update: API errors",
      { name: "Public API", value: "Degraded Performance", inline: true },
    ]);
    expect(r.discord.requests[0].json.allowed_mentions).toEqual({ parse: [] });
    const mail = r.smtp.messages[0].raw;
    expect(mail).toMatch(/^List-Unsubscribe: <https:\/\/status\.test\.example\/history\.rss>/m);
    expect(mail).toContain("Content-Type: text/plain");
    expect(mail).toContain("Content-Type: text/html");
    expect(mail).toMatch(/Subject: \[Test Status\] Incident update: API errors/);
    expect(r.smtp.messages[0].to).toEqual(["subscribers@test.example"]);

    // The same deploy again (the live site is now this build): nothing is new.
    const rerun = await notify(["--site", after, "--previous", after], r.env);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain("0 new update(s)");
    expect([r.hook, r.slack, r.teams, r.discord].map((x) => x.attempts)).toEqual([3, 2, 2, 2]);
    expect(r.smtp.messages).toHaveLength(2);
  });

  it("retries a failing channel with backoff, reports it, and still delivers to the others", async () => {
    const { before, after } = twoBuilds(
      ALL_CHANNELS.replace("url_env: SLACK_URL", "url_env: SLACK_URL\n    retries: 1").replace(
        "url_env: DISCORD_URL",
        "url_env: DISCORD_URL\n    retries: 0\n    timeout_seconds: 1",
      ),
    );
    const r = await receivers({ slack: () => 500, teams: (n) => (n === 0 ? 500 : "ok"), discord: () => "hang" });
    const run = await notify(["--site", after, "--previous", before], r.env);
    expect(run.code).toBe(2);
    expect(r.teams.requests).toHaveLength(2); // the first attempt failed, its retry arrived
    expect(r.teams.attempts).toBe(3);
    expect(r.slack.attempts).toBe(2); // one message, tried twice; the second message is not tried
    expect(r.discord.attempts).toBe(1);
    expect(r.hook.requests.filter((q) => q.json.incident)).toHaveLength(2);
    expect(r.smtp.messages).toHaveLength(2);
    expect(run.stderr).toMatch(/slack#1: .* failed after 2 attempt\(s\): HTTP 500/);
    expect(run.stderr).toMatch(/discord#1: .* failed after 1 attempt\(s\): no answer within 1 s/);
    expect(run.stdout).toMatch(/slack#1 \(slack\): 0 sent, 1 failed, 1 not sent\./);
    expect(run.stdout).toMatch(/teams#1 \(teams\): 2 sent\./);
  });

  it("sends nothing when the previous site is missing, unless --all", async () => {
    const { after } = twoBuilds();
    const r = await receivers();
    const missing = await notify(["--site", after, "--previous", path.join(repo.dir, "no-such-build")], r.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/previous site could not be read: .*no-such-build is not a folder/);
    expect(missing.stderr).toContain("--all");
    // On GitHub Actions the same problem is an annotation on the run, one line.
    const annotated = await notify(["--site", after, "--previous", path.join(repo.dir, "no-such-build")], {
      ...r.env,
      GITHUB_ACTIONS: "true",
    });
    expect(annotated.stderr).toMatch(
      /^::error title=sitrep notify-previous-site::the previous site could not be read: .*no-such-build is not a folder\. Hint: Nothing was sent/m,
    );
    expect([r.hook, r.slack, r.teams, r.discord].map((x) => x.attempts)).toEqual([0, 0, 0, 0]);

    const all = await notify(["--site", after, "--all"], r.env);
    expect(all.code).toBe(0);
    expect(r.slack.requests.map((q) => q.json.blocks[0].text.text)).toEqual([
      "New incident: API errors",
      "Incident update: API errors",
      "Incident update: API errors",
    ]);
  });

  it("reads the previous site from its URL, and --dry-run prints what would be sent without sending", async () => {
    const { before, after } = twoBuilds();
    const live = await serveStatic(before, { base: "/status/" });
    closers.push(live.close);
    const r = await receivers();
    const dry = await notify(["--site", after, "--previous", live.url, "--dry-run"], r.env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`2 new update(s) since ${live.url}`);
    expect(dry.stdout).toMatch(/slack#1 \(slack\): would send 2 message\(s\)\./);
    expect(dry.stdout).toMatch(/webhook#1 \(webhook\): would send 2 message\(s\) in 3 requests\./);
    expect(dry.stdout).toContain(
      "    Incident update: API errors\n    Monitoring · Major impact\n\n    The rollback is done; errors are back to normal.",
    );
    expect(dry.stdout).toContain("Dry run: nothing was sent.");
    expect([r.hook, r.slack, r.teams, r.discord].map((x) => x.attempts)).toEqual([0, 0, 0, 0]);
    expect(r.smtp.messages).toHaveLength(0);

    // --snapshot keeps the live site's files for a run after the deploy.
    const snapshot = path.join(repo.dir, "previous");
    const saved = await notify(["--snapshot", snapshot, "--previous", live.url], r.env);
    expect(saved.code).toBe(0);
    const sent = await notify(["--site", after, "--previous", snapshot], r.env);
    expect(sent.code).toBe(0);
    expect(r.slack.requests).toHaveLength(2);
  });

  it("reports a channel whose variables are not set, and sends to the rest", async () => {
    const { before, after } = twoBuilds();
    const r = await receivers();
    const { SLACK_URL: _, ...env } = r.env;
    const run = await notify(["--site", after, "--previous", before], { ...env, SLACK_URL: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("slack#1: the environment variable SLACK_URL is not set, so nothing was sent to it.");
    expect(r.teams.requests).toHaveLength(2);
  });
});
