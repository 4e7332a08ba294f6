// What the main thread and the published-files thread say to each other
// (published-off-thread.ts ↔ published-in-worker.ts): plain data, since only that crosses threads.
import type { MessagePort } from "node:worker_threads";
import type { Freshness } from "./freshness.ts";

/** The build the thread makes the files of: what createBuildContext needs, the clock fixed by the main thread. */
export interface PublishRequest {
  root: string;
  /** The build time, in milliseconds: the same moment as the pages' (build-context.ts buildStart). */
  now: number;
  audience: string | undefined;
  siteUrl: string | undefined;
}

/** The request as the thread receives it: with the port it answers on (published-off-thread.ts drains it when the thread ends). */
export interface PublishJob extends PublishRequest {
  port: MessagePort;
}

/** One published file, its text as UTF-8. */
export interface PublishedBytes {
  path: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
}

export type PublishReply =
  | { ok: true; siteUrl: string; files: PublishedBytes[]; freshness: Freshness }
  /** `fixable`: a SitrepError (a problem the user can fix, said with its hint); anything else is a bug. */
  | { ok: false; message: string; stack: string | undefined; fixable: boolean; hint: string | undefined };
