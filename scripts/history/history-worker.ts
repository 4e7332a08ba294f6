// Worker thread body for startHistory: reads the history and posts it back (or the error).
import { parentPort, workerData } from "node:worker_threads";
import { SitrepError } from "../errors.ts";
import type { GitLocation } from "./git-repository.ts";
import { buildHistoryFromGit, type KnownMessage, type WorkerReply } from "./read-history.ts";
import type { Snapshot } from "./revision.ts";

const { root, location } = workerData as { root: string; location: GitLocation };
// Today's records arrive once the main thread has loaded them (read() sends them, maybe empty).
const known = new Promise<Map<string, Snapshot>>((resolve) =>
  parentPort?.once("message", (message: KnownMessage) => resolve(new Map(message.known))),
);
let reply: WorkerReply;
try {
  reply = { ok: true, history: await buildHistoryFromGit(root, location, known) };
} catch (error) {
  reply =
    error instanceof SitrepError
      ? { ok: false, sitrep: true, message: error.message, hint: error.hint, exitCode: error.exitCode }
      : { ok: false, sitrep: false, message: (error as Error)?.stack ?? String(error) };
}
parentPort?.postMessage(reply);
