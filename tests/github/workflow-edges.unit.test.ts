// The edges a team meets in its first months on real GitHub (issue 22), held in place by reading the
// workflows that ship in the package: a deploy only from the default branch (M2), a re-run that
// deploys again (M4), one concurrency key per PR and a comment job that cannot block the fast lane
// (L5), no node20 actions (L6), a runtime-only npm cache of its own (L7), crons off the hour (L8),
// secrets an environment can hold (L10). The decisions themselves are tested where they run
// (fast-lane.test.ts, ci-gating.test.ts, the deploy-due and schedule-gate tests).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/run-cli.ts";

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  environment?: unknown;
  "continue-on-error"?: boolean;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string };
  jobs: Record<string, Job>;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), "utf8");
const load = (file: string) => parse(read(file)) as Workflow;
const SHIPPED = [
  ".github/workflows/ci.yml",
  "template/ci.yml",
  ".github/workflows/deploy.yml",
  ".github/workflows/fast-lane.yml",
  ".github/workflows/action-items.yml",
  ".github/workflows/review.yml",
];
const deploy = load(".github/workflows/deploy.yml");
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

describe("deploy.yml", () => {
  test("M2: the build (and so every job after it) runs for the default branch only; a schedule is always on it", () => {
    expect(deploy.jobs.build.if).toBe(
      "${{ github.event_name == 'schedule' || github.ref_name == github.event.repository.default_branch }}",
    );
    for (const job of ["deploy", "publish-repository", "notify"]) expect([deploy.jobs[job].needs].flat(), job).toContain("build");
    // notify runs after a skipped deploy only because one of the two targets succeeded, never on its own.
    expect(deploy.jobs.notify.if).toContain("needs.build.outputs.due == 'true'");
  });

  test("M4: the site's artifact is named per attempt, and every job that reads it uses the build's name", () => {
    const named = deploy.jobs.build.steps!.find((s) => s.id === "artifact")!;
    expect(named.env).toEqual({ ATTEMPT: "${{ github.run_attempt }}" });
    expect(named.run).toBe('echo "name=github-pages-$ATTEMPT" >> "$GITHUB_OUTPUT"');
    expect(named.if).toBeUndefined(); // the output exists whether or not the run builds
    expect(deploy.jobs.build.outputs!.artifact).toBe("${{ steps.artifact.outputs.name }}");
    const upload = deploy.jobs.build.steps!.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!;
    expect(upload.with!.name).toBe("${{ steps.artifact.outputs.name }}");
    const pages = deploy.jobs.deploy.steps!.find((s) => s.uses?.startsWith("actions/deploy-pages@"))!;
    expect(pages.with!.artifact_name).toBe("${{ needs.build.outputs.artifact }}");
    const downloads = steps(deploy).filter(
      (s) => s.uses?.startsWith("actions/download-artifact@") && s.with!.name !== "notify-previous" && s.with!.pattern === undefined,
    );
    expect(downloads).toHaveLength(2);
    for (const download of downloads) expect(download.with!.name).toBe("${{ needs.build.outputs.artifact }}");
  });

  test("L10: the jobs that hold the deploy key and the webhook secrets run in an environment", () => {
    expect(deploy.jobs["publish-repository"].environment).toBe("status-site");
    expect(deploy.jobs.notify.environment).toBe("status-site");
  });
});

describe("M5: before init (the template's example configuration) nothing opens an issue", () => {
  test.each([
    [".github/workflows/action-items.yml", "sync", ["Sync"]],
    [".github/workflows/review.yml", "review", ["Pick the week", "Write the report", "Upsert the review issue"]],
  ])("%s asks `sitrep configured` after installing and runs none of its work without it", (file, job, gated) => {
    const jobSteps = load(file).jobs[job].steps!;
    const ask = jobSteps.findIndex((s) => s.id === "configured");
    expect(jobSteps[ask].run).toBe('npx sitrep configured --format github >> "$GITHUB_OUTPUT"');
    expect(jobSteps.findIndex((s) => s.run === "npm ci")).toBeLessThan(ask);
    const after = jobSteps.slice(ask + 1);
    expect(after.map((s) => s.name)).toEqual(gated);
    for (const step of after) expect(step.if, step.name).toBe("${{ steps.configured.outputs.configured == 'true' }}");
  });

  test("deploy.yml: the alert job opens or closes the issue only when deploy-due asked, with the build's outputs", () => {
    const alert = deploy.jobs.alert;
    expect(alert.needs).toBe("build");
    expect(alert.if).toBe("${{ needs.build.outputs.alert == 'open' || needs.build.outputs.alert == 'close' }}");
    const open = alert.steps!.find((s) => s.run?.includes("deploy-alert"))!;
    expect(open.run).toBe('npx sitrep deploy-alert --action "$ALERT" --issue "$ISSUE" --reason "$REASON"');
    expect(open.env).toMatchObject({
      ALERT: "${{ needs.build.outputs.alert }}",
      ISSUE: "${{ needs.build.outputs.alert_issue }}",
      REASON: "${{ needs.build.outputs.reason }}",
    });
  });
});

describe("the fast lane and CI", () => {
  test("L5: one concurrency key per PR, whichever event started the run", () => {
    expect(load(".github/workflows/fast-lane.yml").concurrency!.group).toBe(
      "fast-lane-${{ github.event.pull_request.number || github.event.workflow_run.pull_requests[0].number || github.event.workflow_run.head_branch }}",
    );
  });

  test("a conflicting PR: the update job, after the merge job's checks, runs update-branch with a step-only token and starts CI", () => {
    const lane = load(".github/workflows/fast-lane.yml");
    expect(lane.jobs.merge.outputs).toEqual({ update: "${{ steps.decide.outputs.update }}", base: "${{ steps.decide.outputs.base }}" });
    const update = lane.jobs.update;
    expect(update.needs).toBe("merge");
    expect(update.if).toBe("${{ needs.merge.outputs.update != '' }}");
    expect(Object.keys(update.permissions!).sort()).toEqual(["actions", "contents", "pull-requests"]);
    expect(update.permissions).toMatchObject({ contents: "write", "pull-requests": "write", actions: "write" });
    const jobSteps = update.steps!;
    const checkout = jobSteps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with).toEqual({ ref: "${{ needs.merge.outputs.update }}", "fetch-depth": 0, "persist-credentials": false });
    const merge = jobSteps.find((s) => s.id === "merge")!;
    expect(merge.run).toContain('npx sitrep update-branch --base "$BASE"');
    expect(merge.env).toEqual({ BASE: "${{ needs.merge.outputs.base }}", GH_TOKEN: "${{ github.token }}" });
    expect(jobSteps.findIndex((s) => s.run === "npm ci --omit=dev")).toBeLessThan(jobSteps.indexOf(merge));
    const after = jobSteps.at(-1)!;
    expect(String(after.with!.script)).toContain('workflow_id: "ci.yml", ref: branch');
    // The CI run it starts brings the fast lane back: both CI workflows accept a dispatch, the lane a dispatched run.
    for (const file of [".github/workflows/ci.yml", "template/ci.yml"]) expect(load(file).on, file).toHaveProperty("workflow_dispatch");
    expect(lane.jobs.merge.if).toContain("github.event.workflow_run.event == 'workflow_dispatch'");
  });

  test.each([".github/workflows/ci.yml", "template/ci.yml"])(
    "L5: %s's comment job cannot fail the CI run the fast lane waits for, nor does ci-ok wait for it",
    (file) => {
      const ci = load(file);
      expect(ci.jobs.comment["continue-on-error"]).toBe(true);
      expect([ci.jobs["ci-ok"].needs].flat()).not.toContain("comment");
    },
  );
});

describe("every workflow the package ships", () => {
  test.each(SHIPPED)("L6: %s uses no action that runs on node20 (deploy-pages before v5, configure-pages v5)", (file) => {
    const pins = steps(load(file))
      .map((s) => s.uses)
      .filter((u): u is string => Boolean(u));
    const text = read(file);
    for (const uses of pins) {
      const name = uses.split("@")[0];
      const version = new RegExp(`${uses.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} # v(\\d+)`).exec(text)?.[1];
      expect(version, uses).toBeDefined();
      const minimum: Record<string, number> = {
        "actions/deploy-pages": 5,
        "actions/checkout": 5,
        "actions/setup-node": 5,
        "actions/github-script": 8,
        "actions/upload-artifact": 6,
        "actions/download-artifact": 6,
        "actions/cache": 5,
      };
      expect(name, file).not.toBe("actions/configure-pages");
      if (minimum[name] !== undefined) expect(Number(version), uses).toBeGreaterThanOrEqual(minimum[name]);
    }
  });

  test.each(SHIPPED)("L7: in %s, a runtime-only install never shares setup-node's npm cache with a full install", (file) => {
    for (const [name, job] of Object.entries(load(file).jobs)) {
      const jobSteps = job.steps ?? [];
      const runs = jobSteps.map((s) => s.run ?? "").join("\n");
      if (!runs.includes("npm ci")) continue;
      const setup = jobSteps.find((s) => s.uses?.startsWith("actions/setup-node@"))!;
      if (runs.includes("npm ci --omit=dev")) {
        expect(setup.with, `${file} ${name}`).toMatchObject({ "package-manager-cache": false });
        expect(setup.with, `${file} ${name}`).not.toHaveProperty("cache");
        const cache = jobSteps.find((s) => s.uses?.startsWith("actions/cache@"))!;
        expect(cache.with, `${file} ${name}`).toEqual({
          path: "~/.npm",
          key: "npm-runtime-${{ runner.os }}-${{ hashFiles('package-lock.json') }}",
        });
      } else {
        expect(setup.with, `${file} ${name}`).toMatchObject({ cache: "npm" });
      }
    }
  });

  test.each(SHIPPED)("L8: %s schedules nothing at minute 0 (GitHub's busiest, where runs are delayed or dropped)", (file) => {
    const schedule = (load(file).on.schedule ?? []) as { cron: string }[];
    for (const { cron } of schedule) {
      const minute = cron.split(" ")[0];
      expect(minute, `${file}: ${cron}`).not.toMatch(/^(\*|\*\/\d+|0)$|(^|,)0(,|$)/);
    }
  });
});
