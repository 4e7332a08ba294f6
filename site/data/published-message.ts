// What the main thread and the published-files thread say to each other
// (published-off-thread.ts ↔ published-in-worker.ts): plain data, since only that crosses threads.
import type { MessagePort } from "node:worker_threads";
import type { BuildContext } from "./build-context.ts";
import type { Freshness } from "./freshness.ts";

/**
 * What the thread receives: the main thread's build context (records loaded and validated there,
 * the build's clock, audience and URL), copied by structured clone, and the port it answers on
 * (published-off-thread.ts drains it when the thread ends).
 */
export interface PublishJob {
  context: BuildContext;
  port: MessagePort;
}

/** One published file, its text as UTF-8. */
export interface PublishedBytes {
  path: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

export type PublishReply =
  | { ok: true; files: PublishedBytes[]; freshness: Freshness }
  | { ok: false; message: string; stack: string | undefined };
