// A small static file server on 127.0.0.1 for built sites, serving `dir` under a base path the
// way GitHub Pages does: /base/x/ → x/index.html, unknown paths → 404.html with status 404.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  /** Origin plus base path, with a trailing slash: http://127.0.0.1:PORT/status/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, options: { base?: string } = {}): Promise<StaticServer> {
  const base = `/${(options.base ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const root = path.resolve(dir);
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = pathname.startsWith(base) ? await resolveFile(root, pathname.slice(base.length)) : undefined;
    if (file) {
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(await readFile(file));
      return;
    }
    const notFound = await resolveFile(root, "404.html");
    response.writeHead(404, { "content-type": TYPES[".html"] });
    response.end(notFound ? await readFile(notFound) : "Not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("static server has no port");
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** The file a site path maps to, or undefined; never a path outside `root`. */
export async function resolveFile(root: string, relative: string): Promise<string | undefined> {
  const candidate = path.resolve(root, `.${path.posix.sep}${relative}`);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  for (const file of [candidate, path.join(candidate, "index.html")]) {
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // not this one
    }
  }
  return undefined;
}
