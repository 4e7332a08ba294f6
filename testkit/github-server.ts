// A small GitHub REST API on 127.0.0.1 for tests and the bench: the endpoints sync uses, real
// HTTP (so octokit, its plugins, pagination and headers are exercised for real), an in-memory
// repository, a log of every request, and faults that can be injected per request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { faultInjector, type Fault } from "./github-faults.ts";
import { json } from "./github-json.ts";

export type { Fault } from "./github-faults.ts";

export interface ServerIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "reopened" | null;
  labels: string[];
  assignees: string[];
  /** Pull requests share the issue number space and appear in the issues listing. */
  pull_request?: boolean;
  /** A pull request's branches (`sitrep publish` opens them). */
  head?: string;
  base?: string;
  comments: string[];
  /** Who opened it (`user.login`); issues the token creates are the viewer's. */
  author: string;
  /** GitHub's `author_association`: OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE… */
  authorAssociation: string;
  /** `created_at` and `closed_at` (what `sitrep import upptime` reads), and each comment's `created_at`. */
  createdAt?: string;
  closedAt?: string;
  commentTimes?: string[];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface GithubServerOptions {
  owner?: string;
  repo?: string;
  /** Logins GitHub accepts as assignees; others get 422. Undefined: everyone is assignable. */
  assignable?: string[];
  /** The token's account (default `sitrep-bot`): `GET /user`, and the author of issues it creates. */
  viewer?: string;
  /**
   * An installation token (GITHUB_TOKEN, a GitHub App's): `GET /user` answers 403 "Resource not
   * accessible by integration", GraphQL `viewer` answers the bot login (the viewer option).
   */
  installationToken?: boolean;
  /** Repository permission per login (`GET …/collaborators/{login}/permission`); others: "read". */
  permissions?: Record<string, "admin" | "maintain" | "write" | "triage" | "read" | "none">;
}

export interface GithubServer {
  url: string;
  issues: Map<number, ServerIssue>;
  labels: Map<string, { name: string; color: string; description: string }>;
  requests: RecordedRequest[];
  faults: Fault[];
  /** Adds an issue (or pull request) directly, as if made by hand; returns its number. */
  seedIssue(issue: Partial<ServerIssue> & { title: string }): number;
  /** Requests that change state (POST/PATCH/PUT/DELETE). */
  writes(): RecordedRequest[];
  resetLog(): void;
  close(): Promise<void>;
}

export async function startGithubServer(options: GithubServerOptions = {}): Promise<GithubServer> {
  const owner = options.owner ?? "o";
  const repo = options.repo ?? "r";
  const base = `/repos/${owner}/${repo}`;
  const viewer = options.viewer ?? "sitrep-bot";
  const issues = new Map<number, ServerIssue>();
  const labels = new Map<string, { name: string; color: string; description: string }>();
  const requests: RecordedRequest[] = [];
  const { faults, matchingFault, answerFault } = faultInjector();
  let nextNumber = 1;
  let url = "";

  const issueJson = (i: ServerIssue) => ({
    id: i.number * 1000,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name) => ({ name, color: labels.get(name.toLowerCase())?.color ?? "ededed" })),
    assignees: i.assignees.map((login) => ({ login })),
    assignee: i.assignees[0] ? { login: i.assignees[0] } : null,
    user: { login: i.author, type: i.author.endsWith("[bot]") ? "Bot" : "User" },
    author_association: i.authorAssociation,
    html_url: `https://github.test/${owner}/${repo}/issues/${i.number}`,
    created_at: i.createdAt ?? "2026-01-01T00:00:00Z",
    closed_at: i.state === "closed" ? (i.closedAt ?? i.createdAt ?? "2026-01-01T00:00:00Z") : null,
    ...(i.pull_request ? { pull_request: { url: `${url}${base}/pulls/${i.number}` } } : {}),
  });

  const pullJson = (i: ServerIssue) => ({
    ...issueJson(i),
    html_url: `https://github.test/${owner}/${repo}/pull/${i.number}`,
    head: { ref: i.head, label: `${owner}:${i.head}` },
    base: { ref: i.base },
  });

  const ensureLabel = (name: string) => {
    if (!labels.has(name.toLowerCase())) labels.set(name.toLowerCase(), { name, color: "ededed", description: "" });
  };
  const rejectAssignees = (res: http.ServerResponse, assignees: unknown): boolean => {
    if (!Array.isArray(assignees) || !options.assignable) return false;
    const bad = assignees.find((a) => !options.assignable!.includes(String(a)));
    if (bad === undefined) return false;
    json(res, 422, {
      message: "Validation Failed",
      errors: [{ value: bad, resource: "Issue", field: "assignees", code: "invalid" }],
      documentation_url: "https://docs.github.com/rest/issues/issues",
    });
    return true;
  };

  const paginate = (res: http.ServerResponse, path: string, query: Record<string, string>, all: unknown[]) => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number, rel: string) =>
      `<${url}${path}?${new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) })}>; rel="${rel}"`;
    const rels = [
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
      ...(page > 1 ? [link(1, "first"), link(page - 1, "prev")] : []),
    ];
    json(res, 200, all.slice((page - 1) * perPage, page * perPage), rels.length ? { link: rels.join(", ") } : {});
  };

  type Handler = (
    res: http.ServerResponse,
    match: RegExpExecArray,
    query: Record<string, string>,
    body: any,
    path: string,
    authorized: boolean,
  ) => void;
  const routes: [string, RegExp, Handler][] = [
    [
      "GET",
      new RegExp(`^${base}/issues$`),
      (res, _m, query, _b, path) => {
        const state = query.state ?? "open";
        const wanted = (query.labels ?? "")
          .split(",")
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean);
        const list = [...issues.values()]
          .filter((i) => state === "all" || i.state === state)
          .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
          .sort((a, b) => b.number - a.number) // GitHub's default: newest first
          .map(issueJson);
        paginate(res, path, query, list);
      },
    ],
    [
      "GET",
      new RegExp(`^${base}/issues/(\\d+)$`),
      (res, m) => {
        const issue = issues.get(Number(m[1]));
        return issue ? json(res, 200, issueJson(issue)) : json(res, 404, { message: "Not Found" });
      },
    ],
    [
      "POST",
      new RegExp(`^${base}/issues$`),
      (res, _m, _q, body) => {
        if (typeof body?.title !== "string" || body.title === "")
          return json(res, 422, { message: "Validation Failed", errors: [{ resource: "Issue", field: "title", code: "missing_field" }] });
        if (typeof body.body === "string" && body.body.length > 65_536)
          return json(res, 422, {
            message: "Validation Failed",
            errors: [{ resource: "Issue", field: "body", code: "custom", message: "body is too long (maximum is 65536 characters)" }],
          });
        if (rejectAssignees(res, body.assignees)) return;
        const number = nextNumber++;
        for (const l of body.labels ?? []) ensureLabel(String(l));
        const issue: ServerIssue = {
          number,
          title: body.title,
          body: body.body ?? "",
          state: "open",
          state_reason: null,
          labels: (body.labels ?? []).map(String),
          assignees: (body.assignees ?? []).map(String),
          comments: [],
          author: viewer,
          authorAssociation: options.installationToken ? "NONE" : "OWNER",
        };
        issues.set(number, issue);
        json(res, 201, issueJson(issue));
      },
    ],
    [
      "PATCH",
      new RegExp(`^${base}/issues/(\\d+)$`),
      (res, m, _q, body) => {
        const issue = issues.get(Number(m[1]));
        if (!issue) return json(res, 404, { message: "Not Found" });
        if (typeof body?.body === "string" && body.body.length > 65_536)
          return json(res, 422, { message: "Validation Failed", errors: [{ resource: "Issue", field: "body", code: "custom" }] });
        if (rejectAssignees(res, body?.assignees)) return;
        if (typeof body.title === "string") issue.title = body.title;
        if (typeof body.body === "string") issue.body = body.body;
        if (Array.isArray(body.labels)) {
          issue.labels = body.labels.map(String);
          for (const l of issue.labels) ensureLabel(l);
        }
        if (Array.isArray(body.assignees)) issue.assignees = body.assignees.map(String);
        if (body.state === "closed" || body.state === "open") {
          issue.state_reason =
            body.state === "closed" ? (body.state_reason ?? "completed") : issue.state === "closed" ? "reopened" : issue.state_reason;
          issue.state = body.state;
        }
        json(res, 200, issueJson(issue));
      },
    ],
    [
      "POST",
      new RegExp(`^${base}/issues/(\\d+)/comments$`),
      (res, m, _q, body) => {
        const issue = issues.get(Number(m[1]));
        if (!issue) return json(res, 404, { message: "Not Found" });
        issue.comments.push(String(body?.body ?? ""));
        json(res, 201, { id: issue.number * 1000 + issue.comments.length, body: body?.body });
      },
    ],
    [
      "GET",
      new RegExp(`^${base}/issues/(\\d+)/comments$`),
      (res, m, query, _b, path) => {
        const issue = issues.get(Number(m[1]));
        if (!issue) return json(res, 404, { message: "Not Found" });
        paginate(
          res,
          path,
          query,
          issue.comments.map((body, i) => ({
            id: i + 1,
            body,
            created_at: issue.commentTimes?.[i] ?? issue.createdAt ?? "2026-01-01T00:00:00Z",
          })),
        );
      },
    ],
    [
      "GET",
      /^\/user$/,
      (res, _m, _q, _b, _p, authorized) => {
        if (!authorized) return json(res, 401, { message: "Requires authentication" });
        if (options.installationToken)
          return json(res, 403, {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
          });
        json(res, 200, { login: viewer, type: "User" });
      },
    ],
    [
      "POST",
      /^\/graphql$/,
      (res, _m, _q, body) => {
        if (!/viewer\s*\{\s*login/.test(String(body?.query ?? "")))
          return json(res, 200, { errors: [{ message: "this test server answers only { viewer { login } }" }] });
        json(res, 200, { data: { viewer: { login: viewer } } });
      },
    ],
    [
      "GET",
      new RegExp(`^${base}/collaborators/([^/]+)/permission$`),
      (res, m) => {
        const login = decodeURIComponent(m[1]);
        const role = options.permissions?.[login] ?? "read";
        // The legacy `permission` field folds maintain into write and triage into read.
        const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
        json(res, 200, { permission, role_name: role, user: { login } });
      },
    ],
    // Pull requests, as `sitrep publish` opens them: create, find open ones by head, add labels.
    [
      "POST",
      new RegExp(`^${base}/pulls$`),
      (res, _m, _q, body) => {
        if (typeof body?.title !== "string" || typeof body?.head !== "string" || typeof body?.base !== "string")
          return json(res, 422, { message: "Validation Failed", errors: [{ resource: "PullRequest", code: "missing_field" }] });
        const number = nextNumber++;
        const pull: ServerIssue = {
          number,
          title: body.title,
          body: body.body ?? "",
          state: "open",
          state_reason: null,
          labels: [],
          assignees: [],
          comments: [],
          pull_request: true,
          head: body.head,
          base: body.base,
          author: viewer,
          authorAssociation: "OWNER",
        };
        issues.set(number, pull);
        json(res, 201, pullJson(pull));
      },
    ],
    [
      "GET",
      new RegExp(`^${base}/pulls$`),
      (res, _m, query, _b, path) => {
        const head = query.head?.includes(":") ? query.head.slice(query.head.indexOf(":") + 1) : query.head;
        const list = [...issues.values()].filter(
          (i) =>
            i.pull_request && (query.state === "all" || i.state === (query.state ?? "open")) && (head === undefined || i.head === head),
        );
        paginate(res, path, query, list.map(pullJson));
      },
    ],
    [
      "POST",
      new RegExp(`^${base}/issues/(\\d+)/labels$`),
      (res, m, _q, body) => {
        const issue = issues.get(Number(m[1]));
        if (!issue) return json(res, 404, { message: "Not Found" });
        for (const l of (body?.labels ?? []).map(String)) {
          ensureLabel(l);
          if (!issue.labels.includes(l)) issue.labels.push(l);
        }
        json(
          res,
          200,
          issue.labels.map((name) => ({ name })),
        );
      },
    ],
    ["GET", new RegExp(`^${base}/labels$`), (res, _m, query, _b, path) => paginate(res, path, query, [...labels.values()])],
    [
      "POST",
      new RegExp(`^${base}/labels$`),
      (res, _m, _q, body) => {
        const name = String(body?.name ?? "");
        if (labels.has(name.toLowerCase()))
          return json(res, 422, { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] });
        labels.set(name.toLowerCase(), { name, color: String(body?.color ?? "ededed"), description: String(body?.description ?? "") });
        json(res, 201, labels.get(name.toLowerCase()));
      },
    ],
  ];

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", async () => {
      const parsed = new URL(req.url ?? "/", "http://127.0.0.1");
      const method = req.method ?? "GET";
      const query = Object.fromEntries(parsed.searchParams);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const record: RecordedRequest = { method, path: parsed.pathname, query, body, status: 0 };
      requests.push(record);
      const originalWriteHead = res.writeHead.bind(res);
      res.writeHead = ((status: number, ...rest: any[]) => {
        record.status = status;
        return originalWriteHead(status, ...rest);
      }) as typeof res.writeHead;

      if (req.headers.authorization !== undefined && !/^(token|bearer) \S+$/i.test(req.headers.authorization))
        return json(res, 401, { message: "Bad credentials" });
      const fault = matchingFault(method, parsed.pathname);
      if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 500));
      if (fault && fault.kind !== "slow" && !fault.afterHandling) return answerFault(res, fault);
      const route = routes.find(([m, pattern]) => m === method && pattern.test(parsed.pathname));
      if (!route) return json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
      if (fault?.afterHandling) {
        // Run the handler against a throwaway response, then fail: the write happened, the client never hears of it.
        const sink = new http.ServerResponse(req);
        route[2](sink, route[1].exec(parsed.pathname)!, query, body, parsed.pathname, req.headers.authorization !== undefined);
        return answerFault(res, fault);
      }
      route[2](res, route[1].exec(parsed.pathname)!, query, body, parsed.pathname, req.headers.authorization !== undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    issues,
    labels,
    requests,
    faults,
    seedIssue(issue) {
      const number = issue.number ?? nextNumber;
      nextNumber = Math.max(nextNumber, number + 1);
      for (const l of issue.labels ?? []) ensureLabel(l);
      // By default a seeded issue is the viewer's, as if an earlier sync had opened it.
      issues.set(number, {
        body: "",
        state: "open",
        state_reason: null,
        labels: [],
        assignees: [],
        comments: [],
        author: viewer,
        authorAssociation: "OWNER",
        ...issue,
        number,
      });
      return number;
    },
    writes: () => requests.filter((r) => r.method !== "GET" && r.method !== "HEAD"),
    resetLog() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
