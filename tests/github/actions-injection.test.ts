// Workflow-command injection (issue 13 item 3): record values and file names carrying `::` or
// `##[` lines must never reach the GitHub Actions runner as commands, wherever sitrep prints.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, TEST_NOW } from "../helpers/run-cli.ts";
import { buildRepo } from "../validate/corpus.ts";
import { validateRepository } from "../../scripts/validate/validate.ts";
import { InvalidRecordsError } from "../../scripts/errors.ts";
import { buildFailure } from "../../site/data/build-failure.ts";
import { formatPrSummary, type PrSummary } from "../../scripts/github/pr-summary.ts";
import { fenceUntrusted } from "../../scripts/core/workflow-commands.ts";
import { commandsRunnerWouldRun } from "./actions-runner.ts";

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups) cleanup();
});
const ACTIONS = { GITHUB_ACTIONS: "true" };

// The strings from the issue, plus the legacy `##[` form and a CR-only line break.
const INJECTED_STATUS = String.raw`"resolvd\n::add-mask::x\n::error file=sitrep.config.yaml,line=1::Injected annotation\r##[set-env name=X]y"`;
const INJECTED_FILE = "incidents/2026/2026-11-15-x\n::add-mask::y\n::warning::Injected by a file name.md";

function hostileRepo(): string {
  const repo = buildRepo([], "sitrep-inject-");
  cleanups.push(repo.cleanup);
  const incident = (status: string) => `---\ntitle: Injected\nseverity: SEV3\nstatus: ${status}\nstarted_at: 2026-11-15T10:00:00Z\n---\n`;
  writeFileSync(path.join(repo.dir, "incidents/2026/2026-11-15-injected.md"), incident(INJECTED_STATUS));
  writeFileSync(path.join(repo.dir, INJECTED_FILE), incident("investigating"));
  return repo.dir;
}

/** Only what sitrep means to run: annotations, groups and its own fences. */
function expectOnlyOwnCommands(log: string) {
  const commands = commandsRunnerWouldRun(log);
  for (const c of commands) {
    expect(["error", "warning", "notice", "group", "endgroup", "stop-commands"], c.line).toContain(c.name);
    // sitrep's own annotations: one line, with its file= and title= (an injected one has neither).
    if (c.name === "error" || c.name === "warning")
      expect(c.line).toMatch(/^::(error|warning) file=[^:,]+,line=\d+,col=\d+,title=sitrep [a-z-]+::/);
  }
  return commands;
}

describe("the runner sees no injected command", () => {
  const dir = hostileRepo();

  it("the test can fail: without a runner, the pretty report prints the injected lines raw", async () => {
    const result = await runCliInProcess(["validate"], { cwd: dir, env: { GITHUB_ACTIONS: undefined } });
    const names = commandsRunnerWouldRun(result.stdout).map((c) => c.name);
    // Newlines are kept for people; the `\r##[set-env` one is gone because the terminal printer
    // shows control characters escaped (core/problem-output.ts), on a runner or not.
    expect(names).toEqual(expect.arrayContaining(["add-mask", "error", "warning"]));
    expect(names).not.toContain("set-env");
  });

  it("validate --format github: escaped annotations, and the report inside ::group:: fenced", async () => {
    const result = await runCliInProcess(["validate", "--format", "github"], { cwd: dir, env: ACTIONS });
    expect(result.code).toBe(1);
    const commands = expectOnlyOwnCommands(result.stdout);
    expect(commands.map((c) => c.name)).toEqual(["error", "error", "group", "stop-commands", "endgroup"]);
    // The annotation for the file with newlines keeps them escaped inside one property.
    expect(result.stdout).toContain(
      "file=incidents/2026/2026-11-15-x%0A%3A%3Aadd-mask%3A%3Ay%0A%3A%3Awarning%3A%3AInjected by a file name.md",
    );
    // The full report is still there, verbatim, for people.
    expect(result.stdout).toContain("\n::add-mask::x\n");
  });

  it("validate (pretty) and every other command's output is fenced on Actions", async () => {
    const result = await runCliInProcess(["validate"], { cwd: dir, env: ACTIONS });
    expect(result.code).toBe(1);
    expect(expectOnlyOwnCommands(result.stdout).map((c) => c.name)).toEqual(["stop-commands"]);
    expect(result.stdout).toContain("::add-mask::x");
  });

  it("errors printed by the CLI (a consumer refusing invalid records) are fenced", async () => {
    const result = await runCliInProcess(["actions"], { cwd: dir, env: ACTIONS });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("::add-mask::x");
    expect(expectOnlyOwnCommands(result.stderr).map((c) => c.name)).toEqual(["stop-commands"]);
  });

  it("the site build failure: annotations, then the fenced report", () => {
    const { diagnostics } = validateRepository(dir, { now: new Date(TEST_NOW) });
    const failure = buildFailure(new InvalidRecordsError(diagnostics.filter((d) => d.severity === "error")), ACTIONS);
    expect(failure.exitCode).toBe(1);
    expect(failure.text).toContain("::add-mask::x");
    expect(expectOnlyOwnCommands(failure.text).map((c) => c.name)).toEqual([
      "error",
      "error",
      "group",
      "stop-commands",
      "endgroup",
      "stop-commands",
    ]);
    // Off Actions, the text is untouched.
    expect(buildFailure(new InvalidRecordsError(diagnostics), {}).text).not.toContain("stop-commands");
  });

  it("the PR summary keeps every title and file name on its own table row", () => {
    const summary: PrSummary = {
      incidents: [
        {
          kind: "declares",
          id: "x",
          file: INJECTED_FILE,
          title: "Down\n::add-mask::z\r##[error]legacy",
          type: "incident",
          severity: "SEV3",
          previousSeverity: undefined,
          status: "investigating",
          previousStatus: undefined,
          components: {},
          visibility: "public",
          drill: false,
        },
      ],
      postmortems: [{ kind: "adds", id: "p", file: "postmortems/a\n::error::b.md", detail: "x\n::add-mask::w" }],
      runbooks: [],
      errors: 0,
      warnings: 0,
    };
    expect(commandsRunnerWouldRun(formatPrSummary(summary))).toEqual([]);
  });
});

describe("fenceUntrusted", () => {
  it("leaves text without a command line alone and fences text with one, with a fresh token each time", () => {
    expect(fenceUntrusted("a :: b\nc")).toBe("a :: b\nc");
    const a = fenceUntrusted("x\n  ::error::y\n");
    const b = fenceUntrusted("x\n  ::error::y\n");
    expect(a).toMatch(/^::stop-commands::sitrep-[0-9a-f]{32}\nx\n {2}::error::y\n::sitrep-[0-9a-f]{32}::\n$/);
    expect(a).not.toBe(b);
    expect(commandsRunnerWouldRun(a).map((c) => c.name)).toEqual(["stop-commands"]);
  });
});
