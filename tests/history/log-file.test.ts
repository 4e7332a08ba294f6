// git log into a temporary file, read as it grows (scripts/history/log-file.ts): the reader gets
// git's whole output whenever it starts reading, leaves no file behind, and reports git's failure.
import { afterAll, beforeAll, expect, it } from "vitest";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startLogFile } from "../../scripts/history/log-file.ts";
import { SitrepError } from "../../scripts/errors.ts";
import { createGitRepo, type GitRepo } from "../helpers/git-repo.ts";

const COMMITS = 300;
let repo: GitRepo;
let expected: string;

beforeAll(() => {
  repo = createGitRepo({ prefix: "sitrep-log-file-" });
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const stream: string[] = [];
  for (let i = 0; i < COMMITS; i++) {
    stream.push(
      `commit refs/heads/main\ncommitter T <t@example.com> ${1_750_000_000 + i} +0000\n${data(`change ${i} ${"é".repeat(i % 7)}`)}M 100644 inline f${i}.txt\n${data(`${i}\n`)}`,
    );
  }
  repo.git(["fast-import", "--quiet"], { input: stream.join("") });
  repo.git(["reset", "--quiet", "--hard", "main"]);
  expected = repo.git(["log", "--raw", "--no-abbrev", "--format=%H %s"]);
});
afterAll(() => repo?.cleanup());

const leftovers = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`sitrep-git-log-${process.pid}-`));

async function readAll(run: ReturnType<typeof startLogFile>): Promise<{ text: string; calls: number; finals: number }> {
  let text = "";
  let calls = 0;
  let finals = 0;
  await run.read((part, final) => {
    text += part;
    calls++;
    if (final) finals++;
  });
  return { text, calls, finals };
}

it("hands over git's whole output whether reading starts at once or after git is done", async () => {
  const atOnce = startLogFile(repo.dir, ["log", "--raw", "--no-abbrev", "--format=%H %s"]);
  // POSIX: the file's name is gone as soon as git holds it.
  if (process.platform !== "win32") expect(leftovers()).toEqual([]);
  const first = await readAll(atOnce);
  expect(first.text).toBe(expected);
  expect(first.finals).toBe(1);

  const later = startLogFile(repo.dir, ["log", "--raw", "--no-abbrev", "--format=%H %s"]);
  // Synchronous work first (as the caller loads records); git writes meanwhile.
  repo.git(["rev-list", "--count", "HEAD"]);
  expect((await readAll(later)).text).toBe(expected);
  expect(leftovers()).toEqual([]);
});

it("says what failed when git log fails, and leaves nothing behind", async () => {
  const plain = mkdtempSync(path.join(os.tmpdir(), "sitrep-not-git-"));
  try {
    const run = startLogFile(plain, ["log"]);
    const failure = await run.read(() => {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SitrepError);
    expect((failure as SitrepError).message).toMatch(/^git log failed \(exit 128\): .*not a git repository/i);
    expect(leftovers()).toEqual([]);
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
});

it("cancel stops the log without reading it", () => {
  const run = startLogFile(repo.dir, ["log", "--raw"]);
  run.cancel();
  expect(leftovers()).toEqual([]);
});
