// fast-lane.yml's script, run for real: the github-script code from the workflow, with a real
// Octokit, against a small GitHub API on 127.0.0.1. It merges only an open, labelled, same-repo,
// records-only PR by a writer whose ci-ok passed — exactly the commit CI checked — then starts deploy.yml.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../helpers/run-cli.ts";

const workflow = parse(readFileSync(path.join(repoRoot, ".github/workflows/fast-lane.yml"), "utf8")) as { jobs: { merge: { steps: { with: { script: string } }[] } } };
const script = workflow.jobs.merge.steps[0].with.script;

const HEAD = "a".repeat(40);
interface State {
  pr: { state: string; labels: string[]; author: string; fork: boolean; head: string };
  files: { filename: string; previous_filename?: string }[];
  role: string;
  ciOk: "success" | "failure" | "pending" | "none";
  /** The branch's head when the merge arrives (a push may land after the PR was read). */
  branchHead?: string;
  requests: string[];
}
let state: State;
const fresh = (): State => ({
  pr: { state: "open", labels: ["sitrep:fast-lane"], author: "ic-on-call", fork: false, head: HEAD },
  files: [{ filename: "incidents/2026/2026-11-29-api-errors.md" }],
  role: "write", ciOk: "success", requests: [],
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
        return json(200, { number: 7, state: pr.state, labels: pr.labels.map((name) => ({ name })), user: { login: pr.author }, head: { sha: pr.head, repo: { full_name: pr.fork ? "mallory/status" : "acme/status" } }, base: { ref: "main" } });
      }
      if (route === `GET /repos/acme/status/collaborators/${pr.author}/permission`) return json(200, { permission: state.role === "maintain" ? "write" : state.role, role_name: state.role });
      if (route === "GET /repos/acme/status/pulls/7/files") return json(200, state.files);
      if (route === `GET /repos/acme/status/commits/${pr.head}/check-runs`) {
        expect(url.searchParams.get("check_name")).toBe("ci-ok");
        const runs = state.ciOk === "none" ? [] : [{ name: "ci-ok", status: state.ciOk === "pending" ? "in_progress" : "completed", conclusion: state.ciOk === "pending" ? null : state.ciOk }];
        return json(200, { total_count: runs.length, check_runs: runs });
      }
      if (route === "PUT /repos/acme/status/pulls/7/merge") {
        return JSON.parse(body).sha === (state.branchHead ?? pr.head) ? json(200, { merged: true }) : json(409, { message: "Head branch was modified. Review and try the merge again." });
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

/** Runs the workflow's script as actions/github-script does: an async function of github, context, core. */
async function fastLane(payload: Record<string, unknown>): Promise<{ notices: string[]; merged: boolean; deployed: boolean }> {
  const notices: string[] = [];
  const github = new Octokit({ baseUrl, request: { retries: 0 } });
  const context = { repo: { owner: "acme", repo: "status" }, payload };
  const core = { notice: (m: string) => void notices.push(m), info: (m: string) => void notices.push(m) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  await new AsyncFunction("github", "context", "core", script)(github, context, core);
  return {
    notices,
    merged: state.requests.some((r) => r.startsWith("PUT /repos/acme/status/pulls/7/merge") && !r.includes("409")),
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
    expect(result.notices.at(-1)).toMatch(/merged #7 \(aaaaaaa\) and started the deploy/);
  });

  test("the label added after CI passed: merged from the label event too", async () => {
    expect(await fastLane({ pull_request: { number: 7 } })).toMatchObject({ merged: true, deployed: true });
  });

  test("records and the config, a maintainer: merged", async () => {
    state.role = "maintain";
    state.files = [{ filename: "postmortems/2026-11-29-api-errors.md" }, { filename: "sitrep.config.yaml" }, { filename: "runbooks/restart.md" }];
    expect((await fastLane(afterCi)).merged).toBe(true);
  });
});

describe("the fast lane waits (nothing merged, nothing deployed) when", () => {
  test.each<[string, (s: State) => void, RegExp]>([
    ["the label is missing", (s) => void (s.pr.labels = ["incident"]), /has no sitrep:fast-lane label/],
    ["the author can only read", (s) => void (s.role = "read"), /@ic-on-call, who has no write access/],
    ["the author can triage", (s) => void (s.role = "triage"), /no write access/],
    ["it comes from a fork", (s) => void (s.pr.fork = true), /comes from a fork/],
    ["it is closed", (s) => void (s.pr.state = "closed"), /is not open/],
    ["it changes a script too", (s) => void s.files.push({ filename: "scripts/cli.ts" }), /changes `scripts\/cli\.ts`/],
    ["it changes a record folder's README", (s) => void (s.files = [{ filename: "incidents/README.md" }]), /changes `incidents\/README\.md`/],
    ["it moves a workflow into a record folder", (s) => void (s.files = [{ filename: "incidents/2026/x.md", previous_filename: ".github/workflows/ci.yml" }]), /changes `\.github\/workflows\/ci\.yml`/],
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
