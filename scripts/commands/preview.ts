// `sitrep preview`: serve the site `sitrep build` wrote (dist/), as it will be deployed.
import { existsSync } from "node:fs";
import type { Command } from "../cli/command.ts";
import { SitrepError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { serveWithAstro, siteLocations } from "../package/site-run.ts";
import { parsePort, waitForStop } from "./dev.ts";

export const command: Command<{ address: string }> = {
  spec: {
    name: "preview",
    summary: "Serve the built site (dist/) locally.",
    usage: "sitrep preview [--out-dir <dir>] [--port <n>] [--host <address>]",
    description: "Serves the output of `sitrep build` (default http://localhost:4321/) until Ctrl-C.",
    options: {
      "out-dir": { type: "string", valueName: "dir", description: "The built site (default dist/)." },
      port: { type: "string", short: "p", valueName: "n", description: "Port to listen on (default 4321)." },
      host: { type: "string", valueName: "address", description: "Address to listen on (default localhost)." },
    },
    examples: ["npx sitrep build && npx sitrep preview"],
  },

  async run({ values, cwd, env }) {
    const root = findRecordsRoot(cwd);
    const locations = siteLocations(root, typeof values["out-dir"] === "string" ? values["out-dir"] : env.SITREP_OUT_DIR || undefined, cwd);
    if (!existsSync(locations.outDir))
      throw new SitrepError(`There is no built site in ${locations.outDir}.`, { hint: "Run `npx sitrep build` first." });
    const server = await serveWithAstro("preview", locations, {
      port: parsePort(values.port),
      host: typeof values.host === "string" ? values.host : undefined,
    });
    await waitForStop(server.stop);
    return { address: server.address };
  },

  present: () => ({ exitCode: 0 }),
};
