// `sitrep dev`: the site served from the current records, following an edit without a restart,
// and stopped cleanly by SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { copyExampleRecords } from "../../testkit/example-org.ts";
import { cliPath, repoRoot, TEST_NOW } from "../helpers/run-cli.ts";

// A records repository with node_modules beside it, as after `npm install` (a link to this
// repository's); not under node_modules itself, which Vite's watcher ignores.
const dir = mkdtempSync(path.join(os.tmpdir(), "sitrep-dev-"));
symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
copyExampleRecords(dir);
const repo = { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
let server: ChildProcess;
let base = "";
let log = "";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Fetches `url` until its body satisfies `ok` (the dev server renders on request), or fails with what it last saw. */
async function eventually(url: string, ok: (body: string) => boolean, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && ok(last)) return last;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never matched; last answer: ${last.slice(0, 300)}\nserver log:\n${log.slice(-2000)}`);
}

/** The environment without the test runner's own variables: with VITEST or NODE_ENV=test set, Astro's dev server serves no pages. */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "NODE_ENV" && key !== "TEST"),
  );
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [cliPath, "dev", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: repo.dir,
    env: { ...userEnvironment(), NO_COLOR: "1", SITREP_NOW: TEST_NOW },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
});

afterAll(async () => {
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  repo.cleanup();
});

test("serves the status page, follows an edited record, and stops on SIGTERM", async () => {
  const id = "2026-06-03-webhook-delays";
  const file = path.join(repo.dir, "incidents/2026", `${id}.md`);
  const before = readFileSync(file, "utf8");
  const title = /^title: (.*)$/m.exec(before)![1];
  const page = await eventually(`${base}/`, (body) => body.includes("<title>"));
  // The page's own script (decision 0183) is served too, though the site lies outside this
  // records repository (site/data/scripts-outside-root.ts).
  const scripts = [...page.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]).filter((src) => src.includes("type=script"));
  expect(scripts).toHaveLength(1);
  const script = await fetch(`${base}${scripts[0]}`);
  expect(script.status).toBe(200);
  expect(await script.text()).toMatch(/import "[^"]*\/scripts\/page\.js"/);
  await eventually(`${base}/incidents/${id}/`, (body) => body.includes(title.replace(/^"|"$/g, "")));

  writeFileSync(file, before.replace(/^title: .*$/m, "title: Webhooks arrive in the wrong order"));
  await eventually(`${base}/incidents/${id}/`, (body) => body.includes("Webhooks arrive in the wrong order"));
  expect(log).toContain(`incidents/2026/${id}.md changed, reloading`);

  server.kill("SIGTERM");
  const code = await new Promise((r) => server.once("exit", r));
  // Astro's dev server answers SIGTERM itself, with the conventional 128 + 15.
  expect([0, 143]).toContain(code);
  expect(log).not.toMatch(/\n\s+at /);
});
