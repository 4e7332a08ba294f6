// What the published-files thread does (entry: published-worker.mjs; started by
// published-off-thread.ts): load the records with the build's root and clock, make every file of
// publishedFiles, and send them back as UTF-8 bytes. The bytes move to the main thread without a
// copy (transferred), and bytes are what Astro writes: a Response of the text would encode it.
import { workerData } from "node:worker_threads";
import { SitrepError } from "../../scripts/errors.ts";
import { createBuildContext } from "./build-context.ts";
import { freshness } from "./freshness.ts";
import type { PublishJob, PublishReply, PublishRequest } from "./published-message.ts";
import { publishedFiles } from "./published.ts";

const job = workerData as PublishJob;
job.port.postMessage(...reply(job));
job.port.close();

function reply(request: PublishRequest): [PublishReply, ArrayBuffer[]] {
  try {
    const context = createBuildContext(
      { SITREP_AUDIENCE: request.audience, SITREP_SITE_URL: request.siteUrl },
      { root: request.root, now: new Date(request.now) },
    );
    const encoder = new TextEncoder();
    const files = publishedFiles(context).map((file) => ({
      path: file.path,
      contentType: file.contentType,
      body: encoder.encode(file.body),
    }));
    const reply: PublishReply = { ok: true, siteUrl: context.siteUrl, files, freshness: freshness(context) };
    return [reply, files.map((file) => file.body.buffer as ArrayBuffer)];
  } catch (error) {
    // Sent as data: a class does not survive the crossing, and the main thread says it in its words.
    const e = error as Error;
    const fixable = error instanceof SitrepError;
    return [{ ok: false, message: e?.message ?? String(error), stack: e?.stack, fixable, hint: fixable ? error.hint : undefined }, []];
  }
}
