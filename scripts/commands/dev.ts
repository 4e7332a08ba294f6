// `sitrep dev`: the status site served locally while you write. Pages render on request from the
// current records, and the browser reloads when a record or the config changes, so an author
// sees the page before opening the pull request.
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { serveWithAstro, siteLocations } from "../package/site-run.ts";
import { followRecords } from "../package/follow-records.ts";

export const command: Command<{ address: string }> = {
  spec: {
    name: "dev",
    summary: "Serve the status site locally; pages follow the records as you edit them.",
    usage: "sitrep dev [--port <n>] [--host <address>]",
    description:
      "Starts a local server (default http://localhost:4321/) that renders every page from the current records.\n" +
      "Editing a record or sitrep.config.yaml reloads the page. Stop it with Ctrl-C. An invalid record shows its\n" +
      "diagnostics instead of the page; `npx sitrep validate` lists them all.",
    options: {
      port: { type: "string", short: "p", valueName: "n", description: "Port to listen on (default 4321)." },
      host: { type: "string", valueName: "address", description: "Address to listen on (default localhost; 0.0.0.0 for your network)." },
    },
    examples: ["npx sitrep dev", "npx sitrep dev --port 8080"],
  },

  async run({ values, cwd }) {
    const root = findRecordsRoot(cwd);
    const locations = siteLocations(root, undefined, cwd);
    const server = await serveWithAstro("dev", locations, {
      port: parsePort(values.port),
      host: typeof values.host === "string" ? values.host : undefined,
      extra: {
        vite: {
          plugins: [followRecords(root, (file) => process.stderr.write(`sitrep: ${path.relative(root, file)} changed, reloading\n`))],
        },
      },
    });
    await waitForStop(server.stop);
    return { address: server.address };
  },

  present: () => ({ exitCode: 0 }),
};

export function parsePort(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port \`${String(value)}\` is not a port number.`, "Use a number from 1 to 65535, e.g. --port 8080.");
  return port;
}

/** Serves until Ctrl-C or SIGTERM, then stops the server cleanly. */
export function waitForStop(stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => void stop().finally(resolve);
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}
