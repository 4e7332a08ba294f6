// `notifications:` is validated like every other field: names of variables, never their values,
// filters that name real severities and components, fields that fit the channel type.
import { afterEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../helpers/run-cli.ts";
import { BASE_CONFIG, fixtureRepo, type FixtureRepo } from "./fixture-site.ts";

let repo: FixtureRepo;
/** Every repository a test made (a test may validate twice), removed after it. */
const made: FixtureRepo[] = [];
afterEach(() => {
  for (const each of made.splice(0)) each.cleanup();
});

function fixture(config: string): FixtureRepo {
  repo = fixtureRepo(config);
  made.push(repo);
  return repo;
}

async function validate(channels: string) {
  fixture(`${BASE_CONFIG}notifications:\n${channels}`);
  const run = await runCliInProcess(["validate", "--format", "json"], { cwd: repo.dir });
  return {
    code: run.code,
    diagnostics: JSON.parse(run.stdout).diagnostics as {
      line: number;
      column: number;
      rule: string;
      severity: string;
      message: string;
      hint: string;
    }[],
  };
}

describe("notifications in sitrep.config.yaml", () => {
  it("accepts the documented channels", async () => {
    const { code, diagnostics } = await validate(`  - type: webhook
    url_env: STATUS_WEBHOOK_URL
    secret_env: STATUS_WEBHOOK_SECRET
  - type: slack
    url_env: SLACK_WEBHOOK_URL
    severities: [SEV1, SEV2]
    components: [api]
  - type: email
    smtp_url_env: SMTP_URL
    to: [status-subscribers@example.com]
    from: "Status <status@example.com>"
`);
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });

  it("rejects a URL where the name of a variable belongs, and says where it goes instead", async () => {
    const { code, diagnostics } = await validate(`  - type: slack
    url_env: https://hooks.slack.com/services/T000/B000/XXXX
`);
    expect(code).toBe(1);
    expect(diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[22, 14, "invalid-value"]]);
    expect(diagnostics[0].message).toContain("notifications[0].url_env");
    expect(diagnostics[0].hint).toMatch(/Name of the environment variable .*never the URL.*Actions secrets/);
  });

  it("names missing fields per type, unknown severities and components, and fields of another type", async () => {
    const discord = "  - type: discord\n    url_env: DISCORD_URL\n    severities: [SEV9]\n    components: [apii]\n";
    const { diagnostics } = await validate(`  - type: email\n    smtp_url_env: SMTP_URL\n    url_env: HOOK\n${discord}`);
    const summary = diagnostics.map((d) => [d.rule, d.message.replace(/`/g, "")]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["required-field", "Missing required field to in notifications[0]."],
        ["required-field", "Missing required field from in notifications[0]."],
      ]),
    );
    // Semantic checks run once the schema passes: fix the first channel and look again.
    const second = await validate(
      `  - type: email\n    smtp_url_env: SMTP_URL\n    to: [a@example.com]\n    from: a@example.com\n    url_env: HOOK\n${discord}`,
    );
    expect(second.diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [25, "notification-field-type"],
      [28, "notification-unknown-severity"],
      [29, "notification-unknown-component"],
    ]);
    expect(second.diagnostics[2].hint).toMatch(/Did you mean `api`\?/);
  });

  it("warns when a severity filter also matches severities that share an impact", async () => {
    const { code, diagnostics } = await validate(`  - type: slack
    url_env: SLACK_URL
    severities: [SEV1]
`);
    expect(code).toBe(0);
    expect(diagnostics).toEqual([]);
    fixture(
      `${BASE_CONFIG.replace("impact: major", "impact: critical")}notifications:\n  - type: slack\n    url_env: SLACK_URL\n    severities: [SEV1]\n`,
    );
    const run = await runCliInProcess(["validate", "--format", "json"], { cwd: repo.dir });
    const found = JSON.parse(run.stdout).diagnostics;
    expect(found.map((d: { rule: string; severity: string }) => [d.rule, d.severity])).toEqual([
      ["notification-severity-impact", "warning"],
    ]);
    expect(found[0].message).toContain("SEV2");
  });
});
