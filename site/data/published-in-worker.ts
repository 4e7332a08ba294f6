// What the published-files thread does (entry: published-worker.mjs; started by
// published-off-thread.ts): make every file of publishedFiles from the build context the main
// thread sent (its records, already loaded and validated there), and send them back as UTF-8
// bytes. The bytes move to the main thread without a copy (transferred), and bytes are what Astro
// writes: a Response of the text would encode it.
import { workerData } from "node:worker_threads";
import type { BuildContext } from "./build-context.ts";
import { freshness } from "./freshness.ts";
import type { PublishJob, PublishReply } from "./published-message.ts";
import { publishedFiles } from "./published.ts";

const job = workerData as PublishJob;
job.port.postMessage(...reply(job.context));
job.port.close();

function reply(context: BuildContext): [PublishReply, ArrayBuffer[]] {
  try {
    const encoder = new TextEncoder();
    const files = publishedFiles(context).map((file) => ({
      path: file.path,
      contentType: file.contentType,
      body: encoder.encode(file.body),
    }));
    return [{ ok: true, files, freshness: freshness(context) }, files.map((file) => file.body.buffer as ArrayBuffer)];
  } catch (error) {
    // Sent as data: an Error does not keep its stack across the crossing, and the main thread reports it.
    const e = error as Error;
    return [{ ok: false, message: e?.message ?? String(error), stack: e?.stack }, []];
  }
}
