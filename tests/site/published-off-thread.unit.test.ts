// The thread that makes the site's published files during a build (site/data/published-off-thread.ts,
// decision 0196): the same bytes as the main thread makes, and a thread that fails is a clear error
// (what failed, in the thread's words), never a build that waits for ever.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SitrepError } from "../../scripts/errors.ts";
import { createBuildContext } from "../../site/data/build-context.ts";
import { publishOffThread } from "../../site/data/published-off-thread.ts";
import { publishedFiles } from "../../site/data/published.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";

const empty = mkdtempSync(path.join(os.tmpdir(), "sitrep-published-thread-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

const now = Date.parse(TEST_NOW);

describe("published files made on a second thread", () => {
  it("are the main thread's files, byte for byte, on the internal build", async () => {
    const request = { root: exampleOrgRoot, now, audience: "internal", siteUrl: "https://preview.example/pr-7/" };
    const { reply } = publishOffThread(request);
    const answer = await reply;
    const context = createBuildContext(
      { SITREP_AUDIENCE: "internal", SITREP_SITE_URL: request.siteUrl },
      { root: exampleOrgRoot, now: new Date(now) },
    );
    const here = publishedFiles(context);
    expect(answer.siteUrl).toBe("https://preview.example/pr-7");
    expect(answer.files.map((f) => [f.path, f.contentType])).toEqual(here.map((f) => [f.path, f.contentType]));
    expect(answer.files.map((f) => Buffer.from(f.body).toString("utf8"))).toEqual(here.map((f) => f.body));
    expect(answer.files.some((f) => f.path.startsWith("oncall/"))).toBe(true);
  });

  it("says what the thread could not do when it fails on the records (a problem the user can fix)", async () => {
    const { reply } = publishOffThread({ root: empty, now, audience: undefined, siteUrl: undefined });
    const error = await reply.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SitrepError);
    expect((error as Error).message).toMatch(/^The site's published files \(Statuspage API, feeds, calendars, badges\) were not made: /);
  });

  it("reports an unexpected failure in the thread as a bug, with the thread's stack", async () => {
    const { reply } = publishOffThread({ root: 42 as unknown as string, now, audience: undefined, siteUrl: undefined });
    const error = (await reply.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).not.toBeInstanceOf(SitrepError);
    expect(error.message).toMatch(/were not made: the thread that makes them failed: .*must be of type string/);
    expect(error.stack).toContain("--- in the published-files thread ---");
  });
});
