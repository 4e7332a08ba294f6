// The published files (Statuspage API, feeds, calendars, badges: published.ts) made on a second
// thread while Astro and Vite start up and bundle, so a build uses the machine's second core
// (docs/decisions/0196). The config starts the thread before it loads the records itself; the
// thread loads them too (read, parsed and checked as here) and sends every file back as bytes,
// and the `[...file]` route takes them when Astro asks for its paths. `sitrep dev` (and anything
// else that never started the thread) makes them here, on the main thread, as before.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { SitrepError } from "../../scripts/errors.ts";
import { parseAudience } from "../../scripts/status/audience.ts";
import { buildStart, type BuildContext, type BuildEnvironment } from "./build-context.ts";
import { rememberFreshness } from "./freshness.ts";
import type { PublishedBytes, PublishReply, PublishRequest } from "./published-message.ts";
import { publishedFiles, type PublishedFile } from "./published.ts";

/** A file for the `[...file]` route: its text, or the same text as UTF-8 when it was made on the thread. */
export type PlacedFile = PublishedFile | PublishedBytes;

interface Started {
  request: PublishRequest;
  reply: Promise<PublishReply & { ok: true }>;
  worker: Worker;
}

const STARTED = Symbol.for("sitrep.site.published-off-thread");
const holder = globalThis as { [STARTED]?: Started };

/**
 * Starts the thread for the build `env` describes (once per process and build): its root and clock
 * are the ones buildContext(env) will use. Throws what buildStart throws (SITREP_NOW not a time).
 */
export function startPublishing(env: BuildEnvironment = process.env): void {
  const { root, now } = buildStart(env);
  const request: PublishRequest = { root, now: now.getTime(), audience: env.SITREP_AUDIENCE, siteUrl: env.SITREP_SITE_URL };
  const started = holder[STARTED];
  if (started && JSON.stringify(started.request) === JSON.stringify(request)) return;
  const { worker, reply } = publishOffThread(request);
  // The route awaits the reply; a failure before then must not end the build on its own (an
  // unhandled rejection), nor may an idle thread keep a finished or failed build's process alive.
  reply.catch(() => {});
  worker.unref();
  holder[STARTED] = { request, reply, worker };
}

const placed = new WeakMap<BuildContext, Promise<PlacedFile[]>>();

/** Every published file of this build: the thread's when it was started for this build, else made here. */
export function placedFiles(context: BuildContext): Promise<PlacedFile[]> {
  let files = placed.get(context);
  if (!files) {
    files = fromThread(context);
    placed.set(context, files);
  }
  return files;
}

async function fromThread(context: BuildContext): Promise<PlacedFile[]> {
  const started = holder[STARTED];
  if (!started || !sameBuild(started.request, context)) return publishedFiles(context);
  // Waited on, the thread keeps the process alive until it answers or ends.
  started.worker.ref();
  const reply = await started.reply;
  // SITREP_SITE_URL is checked on the way (siteLocation); a build that settled on another URL is not this one.
  if (reply.siteUrl !== context.siteUrl) return publishedFiles(context);
  // The pages carry the version the thread worked out from the same records and clock.
  rememberFreshness(context, reply.freshness);
  return reply.files;
}

function sameBuild(request: PublishRequest, context: BuildContext): boolean {
  return (
    request.root === context.repository.root &&
    request.now === context.now.getTime() &&
    parseAudience(request.audience) === context.audience
  );
}

/**
 * One thread making the files of `request`. The reply rejects with an error that says what
 * failed when the thread reports an error, throws, or stops without answering: never a wait
 * without end.
 */
export function publishOffThread(request: PublishRequest): { worker: Worker; reply: Promise<PublishReply & { ok: true }> } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./published-worker.mjs", import.meta.url), {
    workerData: { ...request, port: port2 },
    transferList: [port2],
  });
  const reply = new Promise<PublishReply & { ok: true }>((resolve, reject) => {
    const settle = (answer: PublishReply) => {
      port1.close();
      if (answer.ok) resolve(answer);
      else reject(threadFailure(answer.message, answer.stack, answer.fixable ? { hint: answer.hint } : undefined));
    };
    port1.once("message", settle);
    // Like the thread (unref'd by startPublishing), the port alone keeps no process alive.
    port1.unref();
    port1.once("messageerror", (error) => reject(threadFailure(`its answer could not be read: ${error.message}`, error.stack)));
    worker.once("error", (error) => reject(threadFailure(error.message, error.stack)));
    worker.once("exit", (code) => {
      // An answer sent just before the thread ended may still wait in the port.
      const last = receiveMessageOnPort(port1 as MessagePort);
      if (last) settle(last.message as PublishReply);
      else reject(threadFailure(`it stopped (exit code ${code}) without sending them`));
    });
  });
  return { worker, reply };
}

function threadFailure(message: string, stack?: string, fixable?: { hint: string | undefined }): Error {
  const what = "The site's published files (Statuspage API, feeds, calendars, badges) were not made";
  // A problem the user can fix (a record file gone between two reads) is said as one.
  if (fixable) return new SitrepError(`${what}: ${message}`, { hint: fixable.hint });
  const error = new Error(`${what}: the thread that makes them failed: ${message}`);
  // An unexpected failure is a bug: keep where it happened, in the thread, so it can be reported.
  if (stack) error.stack = `${error.stack}\n    --- in the published-files thread ---\n${stack}`;
  return error;
}
