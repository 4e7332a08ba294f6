// A small Statuspage on 127.0.0.1 for tests: the public v2 API of a page (`/api/v2/*.json`) and
// the Manage API (`/v1/pages/{id}/incidents|components|component-groups`, paginated with
// `page`/`per_page`, `Authorization: OAuth <key>` or 401), real HTTP, a log of requests, and the
// same injectable faults as the GitHub test server (429 with retry-after, 5xx, slow answers).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { faultInjector, type Fault } from "./github-faults.ts";
import { json } from "./github-json.ts";

export interface StatuspageServerOptions {
  pageId?: string;
  apiKey?: string;
  incidents: Record<string, unknown>[];
  components: Record<string, unknown>[];
}

export interface StatuspageServer {
  url: string;
  requests: { method: string; path: string; query: Record<string, string>; status: number }[];
  faults: Fault[];
  close(): Promise<void>;
}

export async function startStatuspageServer(options: StatuspageServerOptions): Promise<StatuspageServer> {
  const pageId = options.pageId ?? "page0000001";
  const apiKey = options.apiKey ?? "test-key";
  const requests: StatuspageServer["requests"] = [];
  const { faults, matchingFault, answerFault } = faultInjector();
  const page = {
    id: pageId,
    name: "Test page",
    url: "https://status.test.example",
    time_zone: "Etc/UTC",
    updated_at: "2026-11-20T00:00:00Z",
  };
  const groups = options.components.filter((c) => c.group === true);
  const components = options.components.filter((c) => c.group !== true);
  const maintenances = options.incidents.filter((i) => i.scheduled_for);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = Object.fromEntries(url.searchParams);
    const entry = { method: req.method ?? "GET", path: url.pathname, query, status: 200 };
    requests.push(entry);
    const answer = (status: number, body: unknown) => {
      entry.status = status;
      json(res, status, body);
    };
    const fault = matchingFault(entry.method, url.pathname);
    if (fault && fault.kind !== "slow") {
      entry.status = fault.kind === "secondary-rate-limit" ? (fault.status ?? 429) : (fault.status ?? 500);
      return answerFault(res, fault);
    }
    const handle = () => {
      if (url.pathname === "/api/v2/incidents.json") return answer(200, { page, incidents: options.incidents.slice(0, 50) });
      if (url.pathname === "/api/v2/scheduled-maintenances.json")
        return answer(200, { page, scheduled_maintenances: maintenances.slice(0, 50) });
      if (url.pathname === "/api/v2/components.json") return answer(200, { page, components: options.components });
      const manage = /^\/v1\/pages\/([^/]+)\/(incidents|components|component-groups)$/.exec(url.pathname);
      if (!manage) return answer(404, { error: "Not found" });
      if (req.headers.authorization !== `OAuth ${apiKey}`) return answer(401, { error: "Could not authenticate" });
      if (manage[1] !== pageId) return answer(404, { error: "Page not found" });
      const list = manage[2] === "incidents" ? options.incidents : manage[2] === "components" ? components : groups;
      const perPage = Math.min(Number(query.per_page ?? 100), 100);
      const n = Number(query.page ?? 1);
      return answer(200, list.slice((n - 1) * perPage, n * perPage));
    };
    if (fault?.kind === "slow") setTimeout(handle, fault.delayMs ?? 100);
    else handle();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
