// The thread that makes the site's published files during a large build (site/data/published-off-thread.ts,
// decisions 0196 and 0199): the same bytes as the main thread makes from the context it is handed, only
// for a build large enough (or told to), and a thread that fails is a clear error with the thread's
// stack, never a build that waits for ever.
import { describe, expect, it } from "vitest";
import { createBuildContext, type BuildContext } from "../../site/data/build-context.ts";
import {
  placedFiles,
  publishesOnThread,
  publishOffThread,
  startPublishing,
  THREAD_FROM_RECORDS,
} from "../../site/data/published-off-thread.ts";
import { publishedFiles } from "../../site/data/published.ts";
import { exampleOrgRoot } from "../helpers/example-repo.ts";
import { TEST_NOW } from "../helpers/run-cli.ts";

const internal = (): BuildContext =>
  createBuildContext({
    SITREP_ROOT: exampleOrgRoot,
    SITREP_NOW: TEST_NOW,
    SITREP_AUDIENCE: "internal",
    SITREP_SITE_URL: "https://preview.example/pr-7/",
  });

const text = (files: { body: string | Uint8Array }[]) =>
  files.map((f) => (typeof f.body === "string" ? f.body : Buffer.from(f.body).toString("utf8")));

describe("published files made on a second thread", () => {
  it("are the main thread's files, byte for byte, on the internal build", async () => {
    const context = internal();
    const answer = await publishOffThread(context).reply;
    const here = publishedFiles(internal());
    expect(answer.files.map((f) => [f.path, f.contentType])).toEqual(here.map((f) => [f.path, f.contentType]));
    expect(text(answer.files)).toEqual(text(here));
    expect(answer.files.some((f) => f.path.startsWith("oncall/"))).toBe(true);
    expect(answer.files.find((f) => f.path === "api/v2/summary.json")).toBeDefined();
  });

  it("are made there only for a large build, or when SITREP_PUBLISH_THREAD says always", async () => {
    const small = internal();
    expect(small.repository.incidents.length + small.repository.postmortems.length).toBeLessThan(THREAD_FROM_RECORDS);
    startPublishing(small, {});
    // Made on this thread: text, not the thread's bytes.
    expect((await placedFiles(small)).every((f) => typeof f.body === "string")).toBe(true);
    const told = internal();
    startPublishing(told, { SITREP_PUBLISH_THREAD: "always" });
    const fromThread = await placedFiles(told);
    expect(fromThread.every((f) => f.body instanceof Uint8Array)).toBe(true);
    expect(text(fromThread)).toEqual(text(publishedFiles(small)));
    // The size decides unless told: a build with THREAD_FROM_RECORDS incidents and postmortems uses it.
    const large = {
      ...small,
      repository: { ...small.repository, incidents: Array(THREAD_FROM_RECORDS).fill(small.repository.incidents[0]) },
    };
    expect(publishesOnThread(large, undefined)).toBe(true);
    expect(publishesOnThread(large, "never")).toBe(false);
    expect(publishesOnThread(small, undefined)).toBe(false);
    expect(publishesOnThread(small, "always")).toBe(true);
  });

  it("reports a failure in the thread as a bug, with the thread's stack", async () => {
    const context = internal();
    const { repository } = context;
    const broken = {
      ...context,
      repository: { ...repository, config: { ...repository.config, components: 42 } },
    } as unknown as BuildContext;
    const error = (await publishOffThread(broken).reply.then(
      () => undefined,
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^The site's published files \(Statuspage API, feeds, calendars, badges\) were not made: the thread that makes them failed: /,
    );
    expect(error.stack).toContain("--- in the published-files thread ---");
  });
});
