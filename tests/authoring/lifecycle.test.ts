// The whole life of an incident through the CLI, as an on-call engineer would run it, on a fresh
// copy of the template: init → declare → acknowledge → update → mitigate → resolve → postmortem.
// Each step's file is pinned by an inline snapshot and the repository validates after every step.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { runCli, type CliResult } from "../helpers/run-cli.ts";
import { buildSite } from "../helpers/site-build.ts";

const ID = "2026-11-22-checkout-errors-for-some-merchants";
const INCIDENT = `incidents/2026/${ID}.md`;

let dir: string;
let cleanup: () => void;
const at = (time: string) => ({ SITREP_NOW: time });
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
function ok(result: CliResult): CliResult {
  expect(result.stderr, result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result;
}
/** Validates at the step's own time: an open incident checked hours later would rightly warn about its update cadence. */
function validates(now?: string): void {
  const result = runCli(["validate", "--strict"], { cwd: dir, ...(now ? { env: at(now) } : {}) });
  expect(result.stdout).toMatch(/no problems/);
  expect(result.code, result.stdout).toBe(0);
}

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-lifecycle-"));
});
afterAll(() => cleanup());

describe("an incident from declaration to postmortem", () => {
  test("init turns the template into the team's repository", () => {
    const result = ok(runCli(["init", "--title", "Acme Status", "--url", "https://status.acme.example", "--timezone", "Europe/Paris",
      "--component", "checkout-api=Checkout API@Payments", "--component", "webhooks=Webhooks@Platform", "--component", "dashboard=Dashboard"], { cwd: dir }));
    expect(result.stdout).toContain("Initialised Acme Status (3 components, 32 example records removed)");
    const left = ["incidents", "postmortems", "runbooks"].flatMap((folder) => readdirSync(path.join(dir, folder), { recursive: true }).map((f) => `${folder}/${f}`)).sort();
    expect(left).toEqual(["incidents/README.md", "incidents/_template.md", "postmortems/README.md", "postmortems/_template.md", "runbooks/README.md", "runbooks/_template.md"]);
    const config = read("sitrep.config.yaml");
    expect(config.slice(0, config.indexOf("# Severity levels"))).toMatchInlineSnapshot(`
      "# sitrep configuration for Acme Status.
      # Validated by schema/config.schema.json (\`npx sitrep validate\`).
      # Keys are snake_case. Times in records are RFC 3339 with an offset; \`timezone\`
      # below only changes how times are *displayed* on the site.

      site:
        title: "Acme Status"
        url: "https://status.acme.example"
        # IANA time zone used to display times on the public site (records stay in UTC/offset form).
        timezone: "Europe/Paris"

      # Components shown on the status page. \`id\` is a kebab-case slug referenced by
      # incidents (\`components:\` map) and runbooks. Never rename an id that records use;
      # change \`name\` instead. \`group\` controls how the status page groups them.
      components:
        - id: checkout-api
          name: Checkout API
          group: Payments
        - id: webhooks
          name: Webhooks
          group: Platform
        - id: dashboard
          name: Dashboard

      "
    `);
    // The template's severities and policies stay, comments included.
    expect(config).toContain("# Severity levels, defined by customer impact.");
    expect(config).toContain("  postmortem_due_days: 5");
    validates();
  });

  test("declare writes the incident with its first update, milestones and roles", () => {
    const result = ok(runCli(["declare", "--title", "Checkout errors for some merchants", "--severity", "SEV2",
      "--component", "checkout-api=partial_outage", "--started-at", "-12m", "--detected-at", "-5m", "--commander", "ines-carvalho", "--tech-lead", "akin-b"],
    { cwd: dir, env: at("2026-11-22T10:00:00Z") }));
    expect(result.stdout).toMatchInlineSnapshot(`
      "✔ Declared SEV2 incident 2026-11-22-checkout-errors-for-some-merchants
        wrote   incidents/2026/2026-11-22-checkout-errors-for-some-merchants.md

      Open the pull request (merging it publishes the incident):
        git switch -c incident/2026-11-22-checkout-errors-for-some-merchants
        git add incidents/2026/2026-11-22-checkout-errors-for-some-merchants.md
        git commit -m 'Declare SEV2: Checkout errors for some merchants'
        git push -u origin incident/2026-11-22-checkout-errors-for-some-merchants
        gh pr create --fill

      Next: post an update at least every 30 minutes, and record milestones as they happen:
        npx sitrep update 2026-11-22-checkout-errors-for-some-merchants --status identified --message "…"
        npx sitrep acknowledge 2026-11-22-checkout-errors-for-some-merchants   ·   npx sitrep mitigate 2026-11-22-checkout-errors-for-some-merchants   ·   npx sitrep resolve 2026-11-22-checkout-errors-for-some-merchants
      "
    `);
    expect(read(INCIDENT)).toMatchInlineSnapshot(`
      "---
      title: Checkout errors for some merchants
      severity: SEV2
      status: investigating
      components:
        checkout-api: partial_outage
      started_at: 2026-11-22T09:48:00Z
      detected_at: 2026-11-22T09:55:00Z
      roles:
        commander: ines-carvalho
        tech_lead: akin-b
      updates:
        - at: 2026-11-22T10:00:00Z
          status: investigating
          body: We are investigating problems with Checkout API. We will post an update within 30 minutes.
          components:
            checkout-api: partial_outage
      timeline:
        - at: 2026-11-22T10:00:00Z
          event: Declared SEV2; ines-carvalho is incident commander.
      ---

      <!-- Public description, shown on the incident's page when public: what customers experience(d),
           since when, and what we are doing about it. One or two paragraphs, no internal names or blame.
           Fill it in once you know; the status updates in the front matter carry the news until then. -->
      "
    `);
    validates("2026-11-22T10:00:00Z");
  });

  test("acknowledge sets acknowledged_at and logs it", () => {
    ok(runCli(["acknowledge", ID, "--at", "-1m", "--by", "akin-b"], { cwd: dir, env: at("2026-11-22T10:04:00Z") }));
    expect(read(INCIDENT)).toContain("acknowledged_at: 2026-11-22T10:03:00Z\nroles:");
    expect(read(INCIDENT)).toContain("  - at: 2026-11-22T10:03:00Z\n    event: akin-b acknowledged the page.\n");
    validates("2026-11-22T10:04:00Z");
  });

  test("update appends a public update with the full component map", () => {
    ok(runCli(["update", ID, "--status", "identified", "--message", "A deploy at 09:45 causes the errors: we are rolling it back.",
      "--component", "webhooks=degraded_performance"], { cwd: dir, env: at("2026-11-22T10:20:00Z") }));
    validates("2026-11-22T10:20:00Z");
  });

  test("mitigate sets mitigated_at and posts a monitoring update", () => {
    ok(runCli(["mitigate", ID, "--at", "2026-11-22T11:30:00+01:00", "--message", "The rollback is complete; checkouts succeed again. We are monitoring."],
      { cwd: dir, env: at("2026-11-22T10:40:00Z") }));
    validates("2026-11-22T10:40:00Z");
  });

  test("resolve closes it: final update, resolved_at, components operational", () => {
    const result = ok(runCli(["resolve", ID], { cwd: dir, env: at("2026-11-22T11:00:00Z") }));
    expect(result.stdout).toContain(`SEV2 needs a postmortem within 5 days: npx sitrep postmortem ${ID}`);
    expect(read(INCIDENT)).toMatchInlineSnapshot(`
      "---
      title: Checkout errors for some merchants
      severity: SEV2
      status: resolved
      components:
        checkout-api: partial_outage
        webhooks: degraded_performance
      started_at: 2026-11-22T09:48:00Z
      detected_at: 2026-11-22T09:55:00Z
      acknowledged_at: 2026-11-22T10:03:00Z
      mitigated_at: 2026-11-22T10:30:00Z
      resolved_at: 2026-11-22T11:00:00Z
      roles:
        commander: ines-carvalho
        tech_lead: akin-b
      updates:
        - at: 2026-11-22T10:00:00Z
          status: investigating
          body: We are investigating problems with Checkout API. We will post an update within 30 minutes.
          components:
            checkout-api: partial_outage
        - at: 2026-11-22T10:20:00Z
          status: identified
          body: "A deploy at 09:45 causes the errors: we are rolling it back."
          components:
            checkout-api: partial_outage
            webhooks: degraded_performance
        - at: 2026-11-22T10:40:00Z
          status: monitoring
          body: The rollback is complete; checkouts succeed again. We are monitoring.
          components:
            checkout-api: operational
            webhooks: operational
        - at: 2026-11-22T11:00:00Z
          status: resolved
          body: This incident has been resolved.
          components:
            checkout-api: operational
            webhooks: operational
      timeline:
        - at: 2026-11-22T10:00:00Z
          event: Declared SEV2; ines-carvalho is incident commander.
        - at: 2026-11-22T10:03:00Z
          event: akin-b acknowledged the page.
        - at: 2026-11-22T10:30:00Z
          event: "Mitigated: customer impact stopped."
        - at: 2026-11-22T11:00:00Z
          event: Resolved.
      ---

      <!-- Public description, shown on the incident's page when public: what customers experience(d),
           since when, and what we are doing about it. One or two paragraphs, no internal names or blame.
           Fill it in once you know; the status updates in the front matter carry the news until then. -->
      "
    `);
    validates("2026-11-22T11:00:00Z");
  });

  test("postmortem scaffolds a draft from the incident that validates", () => {
    ok(runCli(["postmortem", ID, "--author", "ines-carvalho"], { cwd: dir, env: at("2026-11-23T09:00:00Z") }));
    expect(read(`postmortems/${ID}.md`)).toMatchInlineSnapshot(`
      "---
      # Id of the incident this reviews: its file name without .md. Must exist.
      incident: 2026-11-22-checkout-errors-for-some-merchants
      # draft | in_review | published
      status: draft
      # internal (default) | public. Public + published postmortems appear on the status site.
      visibility: internal
      # GitHub handles of the authors, without the @.
      authors:
        - ines-carvalho
      # RFC 3339 time with offset; required once status is published (after the incident's resolved_at).
      # published_at: 2026-01-08T10:00:00Z
      # Follow-up work. Each open item becomes one GitHub issue (npx sitrep sync).
      # No action items yet: agree them in the review, then replace \`[]\` with a list like this one:
      # action_items:
      #   - id: add-canary-check          # kebab-case, unique in this file, never reused
      #     title: Describe the change as an issue title
      #     owner: your-handle            # GitHub handle of the accountable person
      #     priority: P2                  # P1 | P2 | P3
      #     kind: prevent                 # prevent | mitigate | detect | process
      #     status: open                  # open | done | wont_do
      action_items: []
      ---

      ## Summary

      Checkout errors for some merchants: a SEV2 (Major) incident from 2026-11-22 09:48 to 11:00 UTC (1 h 12 min), affecting Checkout API (partial outage), Webhooks (degraded performance).

      <!-- What happened, in three or four sentences: impact, duration, cause, how it was fixed. -->

      ## Impact

      - Components: Checkout API (partial outage), Webhooks (degraded performance).
      - Customer impact: 2026-11-22 09:48 UTC → 2026-11-22 10:30 UTC (42 min).
      - Time to detect 7 min · acknowledge 8 min · mitigate 42 min · resolve 1 h 12 min.
      - Customers, requests or payments affected: (fill in)

      <!-- Who was affected, how, for how long, and how many (requests, payments, merchants). -->

      ## Timeline

      All times UTC, from the incident record; add what happened before detection (the contributing change).

      - 2026-11-22 09:48 — Customer impact began (\`started_at\`).
      - 09:55 — Detected (\`detected_at\`).
      - 10:00 — Declared SEV2; ines-carvalho is incident commander.
      - 10:00 — Public update (investigating): We are investigating problems with Checkout API. We will post an update within 30 minutes.
      - 10:03 — akin-b acknowledged the page.
      - 10:20 — Public update (identified): A deploy at 09:45 causes the errors: we are rolling it back.
      - 10:30 — Mitigated: customer impact stopped.
      - 10:40 — Public update (monitoring): The rollback is complete; checkouts succeed again. We are monitoring.
      - 11:00 — Resolved.
      - 11:00 — Public update (resolved): This incident has been resolved.

      <!-- Key moments in UTC, from the first contributing change to resolution. -->

      ## Contributing factors

      The conditions that made the incident possible or worse. There is rarely a single root cause.

      ## Five whys

      1. Why ...?

      ## What went well

      ## What went wrong

      ## Where we got lucky

      ## Lessons
      "
    `);
    validates();
  });

  test("the --json output is the record as written", () => {
    const result = ok(runCli(["runbook", "checkout-rollback", "--title", "Roll back checkout-api", "--component", "checkout-api", "--owner", "payments-team", "--json"], { cwd: dir }));
    const output = JSON.parse(result.stdout);
    expect(output).toEqual({
      path: "runbooks/checkout-rollback.md",
      id: "checkout-rollback",
      record: { title: "Roll back checkout-api", components: ["checkout-api"], owner: "payments-team", last_reviewed: "2026-11-22", alerts: [] },
      warnings: [],
    });
    expect(existsSync(path.join(dir, "runbooks/checkout-rollback.md"))).toBe(true);
    validates();
  });
});

test("the init'd repository with its incident builds the status site", async () => {
  const site = await buildSite({ recordsRoot: dir });
  try {
    expect(site.code, `${site.stdout}\n${site.stderr}`).toBe(0);
    const pages = readdirSync(site.outDir, { recursive: true }).map(String);
    const page = pages.find((p) => p.includes(ID) && p.endsWith(".html"));
    expect(page, pages.join("\n")).toBeDefined();
    const html = readFileSync(path.join(site.outDir, page!), "utf8");
    expect(html).toContain("Checkout errors for some merchants");
    expect(html).toContain("This incident has been resolved.");
  } finally {
    site.cleanup();
  }
}, 240_000);
