// fast-lane.yml's script, run for real: the github-script code from the workflow, with a real
// Octokit, against a small GitHub API on 127.0.0.1. It merges only an open, labelled (by a writer),
// same-repo, records-only PR into the default branch by a writer whose ci-ok passed — exactly the
// commit CI checked — then starts deploy.yml; a merge branch protection refuses for now (a required
// review) waits, and the run started by the approving review merges (issue 22: M1, M2, L2–L5).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/run-cli.ts";

const workflow = parse(readFileSync(path.join(repoRoot, ".github/workflows/fast-lane.yml"), "utf8")) as {
  jobs: { merge: { steps: { with: { script: string } }[] } };
};
const script = workflow.jobs.merge.steps[0].with.script;

const HEAD = "a".repeat(40);
interface State {
  pr: {
    state: string;
    labels: string[];
    author: string;
    fork: boolean;
    head: string;
    base: string;
    changedFiles?: number;
    mergeable?: boolean | null;
  };
  /** Who added the label, by the PR's issue events (none: the events name nobody). */
  labeller?: string;
  /** Access per user (the author's is `role`). */
  roles: Record<string, string>;
  /** Branch protection: a required approving review (the merge answers 405 until it is there). */
  reviewRequired: boolean;
  approved: boolean;
  files: { filename: string; previous_filename?: string }[];
  role: string;
  ciOk: "success" | "failure" | "pending" | "none";
  /** The branch's head when the merge arrives (a push may land after the PR was read). */
  branchHead?: string;
  requests: string[];
}
let state: State;
const fresh = (): State => ({
  pr: { state: "open", labels: ["sitrep:fast-lane"], author: "ic-on-call", fork: false, head: HEAD, base: "main" },
  labeller: "ic-on-call",
  roles: {},
  reviewRequired: false,
  approved: false,
  files: [{ filename: "incidents/2026/2026-11-29-api-errors.md" }],
  role: "write",
  ciOk: "success",
  requests: [],
});

let server: http.Server;
let baseUrl: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const url = new URL(req.url!, "http://x");
      state.requests.push(`${req.method} ${url.pathname}${body ? ` ${body}` : ""}`);
      const json = (status: number, data?: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(data === undefined ? "" : JSON.stringify(data));
      };
      const { pr } = state;
      const route = `${req.method} ${url.pathname}`;
      if (route === "GET /repos/acme/status/pulls/7") {
        return json(200, {
          number: 7,
          state: pr.state,
          labels: pr.labels.map((name) => ({ name })),
          user: { login: pr.author },
          changed_files: pr.changedFiles ?? state.files.length,
          mergeable: pr.mergeable ?? null,
          head: { sha: pr.head, ref: "akin/label-printing", repo: { full_name: pr.fork ? "mallory/status" : "acme/status" } },
          base: { ref: pr.base, repo: { full_name: "acme/status", default_branch: "main" } },
        });
      }
      const permission = /^GET \/repos\/acme\/status\/collaborators\/([^/]+)\/permission$/.exec(route);
      if (permission) {
        const role = permission[1] === pr.author ? state.role : (state.roles[permission[1]] ?? "none");
        return json(200, { permission: role === "maintain" ? "write" : role === "triage" ? "read" : role, role_name: role });
      }
      if (route === "GET /repos/acme/status/issues/7/events") {
        // The label was added, removed and added again: the last `labeled` event counts.
        const events = [
          { event: "labeled", label: { name: "incident" }, actor: { login: "someone-else" } },
          { event: "labeled", label: { name: "sitrep:fast-lane" }, actor: { login: "ic-on-call" } },
          { event: "unlabeled", label: { name: "sitrep:fast-lane" }, actor: { login: "ic-on-call" } },
        ];
        return json(
          200,
          state.labeller
            ? [...events, { event: "labeled", label: { name: "sitrep:fast-lane" }, actor: { login: state.labeller } }]
            : events.slice(0, 1),
        );
      }
      if (route === "GET /repos/acme/status/pulls/7/files") return json(200, state.files);
      // The open PR of a branch (a CI run the update job started names no PR).
      if (route === "GET /repos/acme/status/pulls")
        return json(
          200,
          url.searchParams.get("head") === "acme:akin/label-printing" && url.searchParams.get("state") === "open" ? [{ number: 7 }] : [],
        );
      if (route === `GET /repos/acme/status/commits/${pr.head}/check-runs`) {
        expect(url.searchParams.get("check_name")).toBe("ci-ok");
        const runs =
          state.ciOk === "none"
            ? []
            : [
                {
                  name: "ci-ok",
                  status: state.ciOk === "pending" ? "in_progress" : "completed",
                  conclusion: state.ciOk === "pending" ? null : state.ciOk,
                },
              ];
        return json(200, { total_count: runs.length, check_runs: runs });
      }
      if (route === "PUT /repos/acme/status/pulls/7/merge") {
        if (state.reviewRequired && !state.approved)
          return json(405, { message: "At least 1 approving review is required by reviewers with write access." });
        return JSON.parse(body).sha === (state.branchHead ?? pr.head)
          ? json(200, { merged: true })
          : json(409, { message: "Head branch was modified. Review and try the merge again." });
      }
      if (route === "POST /repos/acme/status/actions/workflows/deploy.yml/dispatches") return json(204);
      json(404, { message: `Not Found: ${route}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  state = fresh();
});

/** Whether the last merge request was accepted (the server's rules, replayed on what it was sent). */
function mergedNow(): boolean {
  const merge = state.requests.findLast((r) => r.startsWith("PUT /repos/acme/status/pulls/7/merge"));
  if (!merge) return false;
  return (
    JSON.parse(merge.slice(merge.indexOf("{"))).sha === (state.branchHead ?? state.pr.head) && (!state.reviewRequired || state.approved)
  );
}

/** Runs the workflow's script as actions/github-script does: an async function of github, context, core. */
async function fastLane(
  payload: Record<string, unknown>,
): Promise<{ notices: string[]; merged: boolean; deployed: boolean; outputs: Record<string, string> }> {
  const notices: string[] = [];
  const outputs: Record<string, string> = {};
  const github = new Octokit({ baseUrl, request: { retries: 0 } });
  const context = { repo: { owner: "acme", repo: "status" }, payload };
  const core = {
    notice: (m: string) => void notices.push(m),
    info: (m: string) => void notices.push(m),
    setOutput: (k: string, v: string) => void (outputs[k] = v),
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...a: unknown[]) => Promise<unknown>;
  await new AsyncFunction("github", "context", "core", script)(github, context, core);
  return {
    notices,
    outputs,
    merged: mergedNow(),
    deployed: state.requests.some((r) => r.startsWith("POST /repos/acme/status/actions/workflows/deploy.yml/dispatches")),
  };
}
const afterCi = { workflow_run: { pull_requests: [{ number: 7 }] } };

describe("the fast lane merges", () => {
  test("a green, labelled, records-only PR by a writer: merged (squash, exactly the checked commit), deploy started", async () => {
    const result = await fastLane(afterCi);
    expect(result).toMatchObject({ merged: true, deployed: true });
    const merge = state.requests.find((r) => r.startsWith("PUT"))!;
    expect(JSON.parse(merge.slice(merge.indexOf("{")))).toEqual({ sha: HEAD, merge_method: "squash" });
    const dispatch = state.requests.find((r) => r.startsWith("POST"))!;
    expect(JSON.parse(dispatch.slice(dispatch.indexOf("{")))).toEqual({ ref: "main" });
    expect(result.notices.at(-1)).toMatch(/merged #7 \(aaaaaaa\) into main and started the deploy/);
  });

  test("the label added after CI passed: merged from the label event too", async () => {
    expect(await fastLane({ pull_request: { number: 7 } })).toMatchObject({ merged: true, deployed: true });
  });

  test("an incident, a postmortem and a runbook, a maintainer: merged", async () => {
    state.role = "maintain";
    state.files = [
      { filename: "postmortems/2026-11-29-api-errors.md" },
      { filename: "incidents/2026/2026-11-29-api-errors.md" },
      { filename: "runbooks/restart.md" },
    ];
    expect((await fastLane(afterCi)).merged).toBe(true);
  });

  test("the label added by another writer (the author opened it, a maintainer labelled it): merged", async () => {
    state.labeller = "lead";
    state.roles.lead = "maintain";
    expect((await fastLane({ pull_request: { number: 7 } })).merged).toBe(true);
  });

  test("a required review that arrives after CI (M1): the CI run waits without failing, the approving review's run merges once", async () => {
    state.reviewRequired = true;
    const afterCiRun = await fastLane(afterCi);
    expect(afterCiRun).toMatchObject({ merged: false, deployed: false });
    expect(afterCiRun.notices.join("\n")).toMatch(
      /#7 cannot be merged yet: GitHub says "At least 1 approving review is required.*tries again when an approving review is submitted/,
    );
    state.approved = true;
    const afterReview = await fastLane({ pull_request: { number: 7 }, review: { state: "approved" } });
    expect(afterReview).toMatchObject({ merged: true, deployed: true });
    expect(state.requests.filter((r) => r.startsWith("POST")).length).toBe(1);
  });
});

describe("a PR that conflicts with the default branch (two responders, one incident)", () => {
  test("is handed to the update job (its branch and base as outputs), not merged, ci-ok not asked", async () => {
    state.pr.mergeable = false;
    state.ciOk = "none"; // GitHub runs no CI on a conflicting PR
    const result = await fastLane({ pull_request: { number: 7 } });
    expect(result).toMatchObject({ merged: false, deployed: false, outputs: { update: "akin/label-printing", base: "main" } });
    expect(result.notices.at(-1)).toMatch(/#7 conflicts with main: the next job merges main into it with the records merge driver/);
    expect(state.requests.some((r) => r.includes("check-runs"))).toBe(false);
  });

  test("a fork's PR that conflicts is not handed over (the usual checks come first)", async () => {
    state.pr.mergeable = false;
    state.pr.fork = true;
    expect((await fastLane({ pull_request: { number: 7 } })).outputs).toEqual({});
  });

  test("the CI run the update job started (workflow_dispatch, no PR named) finds the PR by its branch and merges it", async () => {
    const result = await fastLane({ workflow_run: { event: "workflow_dispatch", head_branch: "akin/label-printing", pull_requests: [] } });
    expect(result).toMatchObject({ merged: true, deployed: true, outputs: {} });
    const other = await fastLane({ workflow_run: { event: "workflow_dispatch", head_branch: "someone-else", pull_requests: [] } });
    expect(other.notices[0]).toMatch(/nothing to do/);
  });
});

describe("the fast lane waits (nothing merged, nothing deployed) when", () => {
  test.each<[string, (s: State) => void, RegExp]>([
    ["the label is missing", (s) => void (s.pr.labels = ["incident"]), /has no sitrep:fast-lane label/],
    ["the author can only read", (s) => void (s.role = "read"), /@ic-on-call, who has no write access/],
    ["the author can triage", (s) => void (s.role = "triage"), /no write access/],
    [
      "a triage user added the label (L2)",
      (s) => {
        s.labeller = "helper";
        s.roles.helper = "triage";
      },
      /got the sitrep:fast-lane label from @helper, who has no write access/,
    ],
    ["the events do not say who added the label", (s) => void (s.labeller = undefined), /does not say who added it/],
    [
      "it targets another branch than the default (M2: a stacked PR)",
      (s) => void (s.pr.base = "release-notes"),
      /targets `release-notes`, not the default branch `main`/,
    ],
    [
      "it changes the config (L3: components and notifications get a review)",
      (s) => void s.files.push({ filename: "sitrep.config.yaml" }),
      /changes `sitrep\.config\.yaml`/,
    ],
    [
      "GitHub cannot list all its files (L4: 3,000 at most)",
      (s) => void (s.pr.changedFiles = 3001),
      /changes 3001 files and GitHub lists 1 of them/,
    ],
    ["it comes from a fork", (s) => void (s.pr.fork = true), /comes from a fork/],
    ["it is closed", (s) => void (s.pr.state = "closed"), /is not open/],
    ["it changes a script too", (s) => void s.files.push({ filename: "scripts/cli.ts" }), /changes `scripts\/cli\.ts`/],
    [
      "it changes a record folder's README",
      (s) => void (s.files = [{ filename: "incidents/README.md" }]),
      /changes `incidents\/README\.md`/,
    ],
    [
      "it moves a workflow into a record folder",
      (s) => void (s.files = [{ filename: "incidents/2026/x.md", previous_filename: ".github/workflows/ci.yml" }]),
      /changes `\.github\/workflows\/ci\.yml`/,
    ],
    ["ci-ok failed", (s) => void (s.ciOk = "failure"), /waits for ci-ok to pass on aaaaaaa/],
    ["ci-ok is still running", (s) => void (s.ciOk = "pending"), /waits for ci-ok/],
    ["ci-ok has not started", (s) => void (s.ciOk = "none"), /waits for ci-ok/],
  ])("%s", async (_, change, notice) => {
    change(state);
    const result = await fastLane(afterCi);
    expect(result).toMatchObject({ merged: false, deployed: false });
    expect(result.notices.join("\n")).toMatch(notice);
  });

  test("the event names no PR of this repository (a fork's CI run): nothing to do", async () => {
    const result = await fastLane({ workflow_run: { pull_requests: [] } });
    expect(result.notices[0]).toMatch(/nothing to do/);
    expect(state.requests).toEqual([]);
  });

  test("a push after CI checked the head: GitHub refuses the merge (409), the job fails, no deploy starts", async () => {
    state.branchHead = "b".repeat(40); // the branch moved on after the PR was read
    await expect(fastLane(afterCi)).rejects.toThrow(/Head branch was modified/);
    expect(state.requests.some((r) => r.startsWith("POST"))).toBe(false);
  });
});
