// A host for notify tests on 127.0.0.1: an origin that serves whichever build is deployed, behind
// a CDN emulator that caches every answer by path and query for good, whatever the request's
// headers say (as the Pages CDN does for up to 10 minutes). A read that does not vary its query
// gets the first copy it ever got; `misbehave` makes a path reset, hang halfway through its
// body, or send a body larger than any site file.
import { createServer, type Server, type ServerResponse } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type Misbehaviour = "reset" | "hang-body" | "huge";

export interface CdnHost {
  /** The site URL, with a trailing slash. */
  url: string;
  /** Make this build folder what the origin serves (undefined: nothing, every path 404). */
  deploy(folder: string | undefined): void;
  misbehave(file: string, how: Misbehaviour | undefined): void;
  /** Every request: path and query, and whether the CDN answered from its cache. */
  requests: { path: string; query: string; cached: boolean }[];
  close(): Promise<void>;
}

export async function cdnHost(folder?: string): Promise<CdnHost> {
  let live = folder;
  const cache = new Map<string, { status: number; body: Buffer }>();
  const misbehaving = new Map<string, Misbehaviour>();
  const requests: CdnHost["requests"] = [];
  const open: ServerResponse[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://cdn");
    const file = decodeURIComponent(url.pathname).replace(/^\/+/, "");
    const how = misbehaving.get(file);
    if (how === "reset") {
      request.socket.destroy();
      return;
    }
    if (how === "hang-body") {
      open.push(response);
      response.writeHead(200, { "content-type": "application/json", "content-length": "100000" });
      response.write('{"page":');
      return;
    }
    if (how === "huge") {
      // No content-length: the reader only finds out by counting.
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 32);
      for (let i = 0; i < 32; i++) response.write(chunk);
      response.end();
      return;
    }
    const key = `${url.pathname}${url.search}`;
    const hit = cache.get(key);
    requests.push({ path: url.pathname, query: url.search, cached: hit !== undefined });
    const answer = hit ?? origin(live, file);
    cache.set(key, answer);
    response.writeHead(answer.status, { "content-type": "application/json", "cache-control": "max-age=600" }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    deploy: (next) => {
      live = next;
    },
    misbehave: (file, how) => (how ? misbehaving.set(file, how) : misbehaving.delete(file)),
    requests,
    close: () => {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function origin(folder: string | undefined, file: string): { status: number; body: Buffer } {
  const full = folder === undefined ? undefined : path.join(folder, file);
  if (full && existsSync(full) && statSync(full).isFile()) return { status: 200, body: readFileSync(full) };
  return { status: 404, body: Buffer.from("Not found") };
}
