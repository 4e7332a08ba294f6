// The whole life of an incident through the CLI, as an on-call engineer would run it, on a fresh
// copy of the template: init → declare → acknowledge → update → mitigate → resolve → postmortem.
// Each step's file is checked for the fields it sets, the comments it keeps and its body, and the
// repository validates after every step.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyExampleRepo } from "../helpers/example-repo.ts";
import { recordFile } from "../helpers/record-file.ts";
import { runCli, runCliInProcess, type CliResult } from "../helpers/run-cli.ts";
import { buildSite } from "../helpers/site-build.ts";

const ID = "2026-11-22-checkout-errors-for-some-merchants";
const INCIDENT = `incidents/2026/${ID}.md`;

let dir: string;
let cleanup: () => void;
const at = (time: string) => ({ SITREP_NOW: time });
const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
const record = (file: string) => recordFile(read(file), file);
/** The comment that asks for the public description, kept in every new incident's body. */
const DESCRIPTION_COMMENT = "<!-- Public description, shown on the incident's page when public";
function ok(result: CliResult): CliResult {
  expect(result.stderr, result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result;
}
/**
 * Validates at the step's own time: an open incident checked hours later would rightly warn about its update cadence.
 * In the test's process: `validate` as a process is covered by tests/validate/examples.test.ts.
 */
async function validates(now?: string): Promise<void> {
  const result = await runCliInProcess(["validate", "--strict"], { cwd: dir, ...(now ? { env: at(now) } : {}) });
  expect(result.stdout).toMatch(/no problems/);
  expect(result.code, result.stdout).toBe(0);
}

beforeAll(() => {
  ({ dir, cleanup } = copyExampleRepo("sitrep-lifecycle-"));
});
afterAll(() => cleanup());

describe("an incident from declaration to postmortem", () => {
  test("init turns the template into the team's repository", async () => {
    const result = ok(
      runCli(
        [
          "init",
          "--title",
          "Acme Status",
          "--url",
          "https://status.acme.example",
          "--timezone",
          "Europe/Paris",
          "--component",
          "checkout-api=Checkout API@Payments",
          "--component",
          "webhooks=Webhooks@Platform",
          "--component",
          "dashboard=Dashboard",
        ],
        { cwd: dir },
      ),
    );
    expect(result.stdout).toContain("Initialised Acme Status (3 components, 34 example records removed)");
    const left = ["incidents", "postmortems", "runbooks"]
      .flatMap((folder) => readdirSync(path.join(dir, folder), { recursive: true }).map((f) => `${folder}/${f}`))
      .sort();
    expect(left).toEqual([
      "incidents/README.md",
      "incidents/_template.md",
      "postmortems/README.md",
      "postmortems/_template.md",
      "runbooks/README.md",
      "runbooks/_template.md",
    ]);
    const config = read("sitrep.config.yaml");
    const { site, components, github } = recordFile(`---\n${config}---\n`, "sitrep.config.yaml").data as Record<string, any>;
    expect(site).toEqual({ title: "Acme Status", url: "https://status.acme.example", timezone: "Europe/Paris" });
    expect(components).toEqual([
      { id: "checkout-api", name: "Checkout API", group: "Payments" },
      { id: "webhooks", name: "Webhooks", group: "Platform" },
      { id: "dashboard", name: "Dashboard" },
    ]);
    expect(github?.repository).toBeUndefined();
    // The comments that explain site and components stay with them.
    expect(config).toMatch(/# IANA time zone used to display times[^\n]*\n\s+timezone: "Europe\/Paris"/);
    expect(config).toMatch(/# Components shown on the status page[\s\S]*?\ncomponents:\n/);
    // The template's severities and policies stay, comments included.
    expect(config).toContain("# Severity levels, defined by customer impact.");
    expect(config).toContain("  postmortem_due_days: 5");
    await validates();
  });

  test("declare writes the incident with its first update, milestones and roles", async () => {
    const result = ok(
      runCli(
        [
          "declare",
          "--title",
          "Checkout errors for some merchants",
          "--severity",
          "SEV2",
          "--component",
          "checkout-api=partial_outage",
          "--started-at",
          "-12m",
          "--detected-at",
          "-5m",
          "--commander",
          "ines-carvalho",
          "--tech-lead",
          "akin-b",
        ],
        { cwd: dir, env: at("2026-11-22T10:00:00Z") },
      ),
    );
    // What to do next: the commands of the pull request and of the next steps, with this id.
    for (const line of [
      `✔ Declared SEV2 incident ${ID}`,
      `wrote   ${INCIDENT}`,
      `git switch -c incident/${ID}`,
      `git add ${INCIDENT}`,
      "git commit -m 'Declare SEV2: Checkout errors for some merchants'",
      "gh pr create --fill",
      "Next: post an update at least every 30 minutes",
      `npm run -s sitrep -- update ${ID} --status identified`,
      `npm run -s sitrep -- resolve ${ID}`,
    ]) {
      expect(result.stdout).toContain(line);
    }
    const declared = record(INCIDENT);
    expect(declared.data).toEqual({
      title: "Checkout errors for some merchants",
      severity: "SEV2",
      status: "investigating",
      components: { "checkout-api": "partial_outage" },
      started_at: "2026-11-22T09:48:00Z",
      detected_at: "2026-11-22T09:55:00Z",
      roles: { commander: "ines-carvalho", tech_lead: "akin-b" },
      updates: [
        {
          at: "2026-11-22T10:00:00Z",
          status: "investigating",
          components: { "checkout-api": "partial_outage" },
          body: "We are investigating problems with Checkout API. We will post an update within 30 minutes.",
        },
      ],
      timeline: [{ at: "2026-11-22T10:00:00Z", event: "Declared SEV2; ines-carvalho is incident commander." }],
    });
    expect(declared.body).toContain(DESCRIPTION_COMMENT);
    await validates("2026-11-22T10:00:00Z");
  });

  test("acknowledge sets acknowledged_at and logs it", async () => {
    ok(await runCliInProcess(["acknowledge", ID, "--at", "-1m", "--by", "akin-b"], { cwd: dir, env: at("2026-11-22T10:04:00Z") }));
    expect(read(INCIDENT)).toContain("acknowledged_at: 2026-11-22T10:03:00Z\nroles:");
    expect(read(INCIDENT)).toContain("  - at: 2026-11-22T10:03:00Z\n    event: akin-b acknowledged the page.\n");
    await validates("2026-11-22T10:04:00Z");
  });

  test("update appends a public update with the full component map", async () => {
    ok(
      await runCliInProcess(
        [
          "update",
          ID,
          "--status",
          "identified",
          "--message",
          "A deploy at 09:45 causes the errors: we are rolling it back.",
          "--component",
          "webhooks=degraded_performance",
        ],
        { cwd: dir, env: at("2026-11-22T10:20:00Z") },
      ),
    );
    await validates("2026-11-22T10:20:00Z");
  });

  test("mitigate sets mitigated_at and posts a monitoring update", async () => {
    ok(
      await runCliInProcess(
        [
          "mitigate",
          ID,
          "--at",
          "2026-11-22T11:30:00+01:00",
          "--message",
          "The rollback is complete; checkouts succeed again. We are monitoring.",
        ],
        { cwd: dir, env: at("2026-11-22T10:40:00Z") },
      ),
    );
    await validates("2026-11-22T10:40:00Z");
  });

  test("resolve closes it: final update, resolved_at, components operational", async () => {
    const result = ok(await runCliInProcess(["resolve", ID], { cwd: dir, env: at("2026-11-22T11:00:00Z") }));
    expect(result.stdout).toContain(`SEV2 needs a postmortem within 5 days: npm run -s sitrep -- postmortem ${ID}`);
    const resolved = record(INCIDENT);
    expect(resolved.data).toMatchObject({
      status: "resolved",
      // The incident's components keep the worst impact reported; updates carry the progress.
      components: { "checkout-api": "partial_outage", webhooks: "degraded_performance" },
      started_at: "2026-11-22T09:48:00Z",
      detected_at: "2026-11-22T09:55:00Z",
      acknowledged_at: "2026-11-22T10:03:00Z",
      mitigated_at: "2026-11-22T10:30:00Z",
      resolved_at: "2026-11-22T11:00:00Z",
    });
    const updates = resolved.data.updates as { at: string; status: string; body: string; components: Record<string, string> }[];
    expect(updates.map((u) => [u.at, u.status])).toEqual([
      ["2026-11-22T10:00:00Z", "investigating"],
      ["2026-11-22T10:20:00Z", "identified"],
      ["2026-11-22T10:40:00Z", "monitoring"],
      ["2026-11-22T11:00:00Z", "resolved"],
    ]);
    expect(updates[1].components).toEqual({ "checkout-api": "partial_outage", webhooks: "degraded_performance" });
    expect(updates[3]).toMatchObject({
      body: "This incident has been resolved.",
      components: { "checkout-api": "operational", webhooks: "operational" },
    });
    expect((resolved.data.timeline as { event: string }[]).map((t) => t.event)).toEqual([
      "Declared SEV2; ines-carvalho is incident commander.",
      "akin-b acknowledged the page.",
      "Mitigated: customer impact stopped.",
      "Resolved.",
    ]);
    expect(resolved.body).toContain(DESCRIPTION_COMMENT);
    await validates("2026-11-22T11:00:00Z");
  });

  test("postmortem scaffolds a draft from the incident that validates", async () => {
    ok(await runCliInProcess(["postmortem", ID, "--author", "ines-carvalho"], { cwd: dir, env: at("2026-11-23T09:00:00Z") }));
    const draft = record(`postmortems/${ID}.md`);
    expect(draft.data).toEqual({ incident: ID, status: "draft", visibility: "internal", authors: ["ines-carvalho"], action_items: [] });
    // The template's guidance stays as comments: what each field means, and an action-item example.
    for (const comment of [
      "# Id of the incident this reviews: its file name without .md. Must exist.",
      "# draft | in_review | published",
      "# published_at: 2026-01-08T10:00:00Z",
      "# action_items:",
      "#   - id: add-canary-check          # kebab-case, unique in this file, never reused",
    ]) {
      expect(draft.comments).toContain(comment);
    }
    // The body is filled from the incident: summary, impact with its durations, the timeline.
    expect(draft.body).toContain(
      "Checkout errors for some merchants: a SEV2 (Major) incident from 2026-11-22 09:48 to 11:00 UTC (1 h 12 min), affecting Checkout API (partial outage), Webhooks (degraded performance).",
    );
    expect(draft.body).toContain("- Time to detect 7 min · acknowledge 8 min · mitigate 42 min · resolve 1 h 12 min.");
    // Lines from the internal timeline are marked internal, and people are named by role (decision 0116).
    expect(draft.body).toContain("- 10:00 — Declared SEV2; the incident commander was named. <!-- internal -->");
    expect(draft.body).toContain("- 10:03 — the tech lead acknowledged the page. <!-- internal -->");
    expect(draft.body).toContain("- 11:00 — Public update (resolved): This incident has been resolved.");
    expect([...draft.body.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
      "Summary",
      "Impact",
      "Timeline",
      "Contributing factors",
      "Five whys",
      "What went well",
      "What went wrong",
      "Where we got lucky",
      "Lessons",
    ]);
    await validates();
  });

  test("the --json output is the record as written", async () => {
    const result = ok(
      await runCliInProcess(
        [
          "runbook",
          "checkout-rollback",
          "--title",
          "Roll back checkout-api",
          "--component",
          "checkout-api",
          "--owner",
          "payments-team",
          "--json",
        ],
        { cwd: dir },
      ),
    );
    const output = JSON.parse(result.stdout);
    expect(output).toEqual({
      path: "runbooks/checkout-rollback.md",
      id: "checkout-rollback",
      record: {
        title: "Roll back checkout-api",
        components: ["checkout-api"],
        owner: "payments-team",
        last_reviewed: "2026-11-22",
        alerts: [],
      },
      warnings: [],
    });
    expect(existsSync(path.join(dir, "runbooks/checkout-rollback.md"))).toBe(true);
    await validates();
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
