// The published files (Statuspage API, feeds, calendars, badges: published.ts) made on a second
// thread while Astro empties the output folder, Vite bundles and the other routes list their paths,
// so a large build uses the machine's second core (docs/decisions/0196, 0199). The config hands the
// thread its build context once it has loaded and validated the records (a structured-clone copy:
// the thread reads no record itself), and the `[...file]` route takes the files when Astro asks for
// its paths. A small build makes them here, on the main thread: the thread's start and the copy cost
// more than the files (decision 0199); so do `sitrep dev` and anything else that never started it.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { SourceFile } from "../../scripts/records/record-types.ts";
import type { BuildContext, BuildEnvironment } from "./build-context.ts";
import { rememberFreshness } from "./freshness.ts";
import type { PublishedBytes, PublishJob, PublishReply } from "./published-message.ts";
import { publishedFiles, type PublishedFile } from "./published.ts";

/** A file for the `[...file]` route: its text, or the same text as UTF-8 when it was made on the thread. */
export type PlacedFile = PublishedFile | PublishedBytes;

/**
 * From how many incidents and postmortems a build makes its published files on the thread. At 1,000
 * synthetic incidents, handed the records, the thread left the build's wall time level (medians
 * 5.01 s against 4.96 s) and cost ~0.4 s more CPU (decision 0203); loading them itself, ~0.2 s
 * slower and ~0.9 s more CPU (decision 0199). At 10,000 it saved ~1.5 s (decision 0196); 5,000
 * was level. Measured between those sizes.
 */
export const THREAD_FROM_RECORDS = 3000;

interface Started {
  context: BuildContext;
  reply: Promise<PublishReply & { ok: true }>;
  worker: Worker;
}

const STARTED = Symbol.for("sitrep.site.published-off-thread");
const holder = globalThis as { [STARTED]?: Started };

/**
 * Starts the thread for `context` (once per process and build) when the build is large enough, or
 * SITREP_PUBLISH_THREAD says `always` (tests of the thread in a real build) or `never`.
 */
export function startPublishing(context: BuildContext, env: BuildEnvironment = process.env): void {
  if (holder[STARTED]?.context === context || !publishesOnThread(context, env.SITREP_PUBLISH_THREAD)) return;
  const { worker, reply } = publishOffThread(context);
  // The route awaits the reply; a failure before then must not end the build on its own (an
  // unhandled rejection), nor may an idle thread keep a finished or failed build's process alive.
  reply.catch(() => {});
  worker.unref();
  holder[STARTED] = { context, reply, worker };
}

/** Whether the build of `context` makes its published files on the thread, given SITREP_PUBLISH_THREAD. */
export function publishesOnThread(context: BuildContext, setting: string | undefined): boolean {
  if (setting === "always") return true;
  if (setting === "never") return false;
  return context.repository.incidents.length + context.repository.postmortems.length >= THREAD_FROM_RECORDS;
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
  if (started?.context !== context) return publishedFiles(context);
  // Waited on, the thread keeps the process alive until it answers or ends.
  started.worker.ref();
  const reply = await started.reply;
  // The pages carry the version the thread worked out from the same context.
  rememberFreshness(context, reply.freshness);
  return reply.files;
}

/**
 * One thread making the files of `context`. The reply rejects with an error that says what
 * failed when the thread reports an error, throws, or stops without answering: never a wait
 * without end.
 */
export function publishOffThread(context: BuildContext): { worker: Worker; reply: Promise<PublishReply & { ok: true }> } {
  const { port1, port2 } = new MessageChannel();
  const job: PublishJob = { context: withoutFileTexts(context), port: port2 };
  const worker = new Worker(new URL("./published-worker.mjs", import.meta.url), { workerData: job, transferList: [port2] });
  const reply = new Promise<PublishReply & { ok: true }>((resolve, reject) => {
    const settle = (answer: PublishReply) => {
      port1.close();
      if (answer.ok) resolve(answer);
      else reject(threadFailure(answer.message, answer.stack));
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

/**
 * The context as the thread gets it: each record without its file's text and front matter, which
 * the publishers never read (they use the parsed data, the body and the path). Copying them is
 * most of the cost of the handover: at 10,000 incidents 41 MB take 0.21 s to copy here and 0.32 s
 * to read there; without them 16 MB take 0.11 s and 0.07 s. The byte-for-byte test of the thread's
 * files against this thread's (tests/site/published-off-thread.unit.test.ts) holds them to that.
 */
function withoutFileTexts(context: BuildContext): BuildContext {
  const slim = <R extends { source: SourceFile }>(records: R[]): R[] =>
    records.map((record) => ({ ...record, source: { ...record.source, text: "", frontMatter: "" } }));
  const { repository } = context;
  return {
    ...context,
    repository: {
      ...repository,
      incidents: slim(repository.incidents),
      postmortems: slim(repository.postmortems),
      runbooks: slim(repository.runbooks),
    },
  };
}

/** The thread reads no file and gets records already validated: any failure there is a bug. */
function threadFailure(message: string, stack?: string): Error {
  const what = "The site's published files (Statuspage API, feeds, calendars, badges) were not made";
  const error = new Error(`${what}: the thread that makes them failed: ${message}`);
  // Keep where it happened, in the thread, so it can be reported.
  if (stack) error.stack = `${error.stack}\n    --- in the published-files thread ---\n${stack}`;
  return error;
}
