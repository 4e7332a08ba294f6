// Real git repositories in temp dirs, for tests that read history.
//
// Every commit gets a fixed author and committer date (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE),
// so history-derived numbers are reproducible; gc.auto is 0 so git never repacks mid-test.
// Generic on purpose: nothing here knows about sitrep records.
import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const IDENTITY = {
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Test Committer",
  GIT_COMMITTER_EMAIL: "committer@example.com",
};

/** The identity lines as `git fast-import` takes them (name <email>), the same people. */
export const GIT_IDENTITY = {
  author: `${IDENTITY.GIT_AUTHOR_NAME} <${IDENTITY.GIT_AUTHOR_EMAIL}>`,
  committer: `${IDENTITY.GIT_COMMITTER_NAME} <${IDENTITY.GIT_COMMITTER_EMAIL}>`,
};

/**
 * The environment git runs with: the test process's, without the user's and the system's git
 * config. Built once: spreading process.env reads every variable through Node's accessors (~0.2 ms
 * with vitest's ~85 variables), and a suite runs git thousands of times. Tests never write
 * process.env (vitest.config.ts), so the copy stays true.
 */
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  ...IDENTITY,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_TERMINAL_PROMPT: "0",
};

function gitEnv(date?: string): NodeJS.ProcessEnv {
  return date ? { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : GIT_ENV;
}

/** Runs git in `cwd`, returning stdout; throws with git's stderr on failure. */
export function git(cwd: string, args: string[], options: { date?: string; input?: string | Buffer } = {}): string {
  return execFileSync("git", args, {
    cwd,
    env: gitEnv(options.date),
    input: options.input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
  });
}

export interface GitRepo {
  dir: string;
  git(args: string[], options?: { date?: string; input?: string | Buffer }): string;
  /** Writes files (path from the repo root → content; null deletes) without committing. */
  write(files: Record<string, string | null>): void;
  /** Stages everything and commits at `date` (RFC 3339); returns the commit id. */
  commit(message: string, date: string, files?: Record<string, string | null>): string;
  /** `git mv` then commit. */
  rename(from: string, to: string, message: string, date: string): string;
  head(): string;
  cleanup(): void;
}

/**
 * Initialises a repository on branch `main` with gc.auto 0 and no hooks. The settings are appended
 * to .git/config as `git config` would write them: one git process instead of four (a git start
 * costs ~20 ms of CPU, and the suite makes hundreds of repositories).
 */
export function createGitRepo(options: { prefix?: string; dir?: string } = {}): GitRepo {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "sitrep-git-"));
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
  appendFileSync(path.join(dir, ".git", "config"), `[gc]\n\tauto = 0\n[commit]\n\tgpgsign = false\n[core]\n\thooksPath = ${os.devNull}\n`);
  return wrap(dir);
}

/**
 * The commit HEAD points at, read from .git as `git rev-parse HEAD` resolves it (a detached HEAD
 * holds the id; a branch, its loose ref, since gc.auto is 0 nothing packs refs); git itself when
 * the ref is not a loose file.
 */
function readHead(dir: string): string {
  const head = readFileSync(path.join(dir, ".git", "HEAD"), "utf8").trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
  const loose = ref ? path.join(dir, ".git", ref) : "";
  if (loose && existsSync(loose)) return readFileSync(loose, "utf8").trim();
  return git(dir, ["rev-parse", "HEAD"]).trim();
}

function wrap(dir: string): GitRepo {
  const repo: GitRepo = {
    dir,
    git: (args, options) => git(dir, args, options),
    write(files) {
      for (const [file, content] of Object.entries(files)) {
        const absolute = path.join(dir, file);
        if (content === null) {
          unlinkSync(absolute);
        } else {
          mkdirSync(path.dirname(absolute), { recursive: true });
          writeFileSync(absolute, content);
        }
      }
    },
    commit(message, date, files) {
      if (files) repo.write(files);
      git(dir, ["add", "--all"]);
      git(dir, ["commit", "--quiet", "--allow-empty", "--no-verify", "-m", message], { date });
      return repo.head();
    },
    rename(from, to, message, date) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      git(dir, ["mv", from, to]);
      return repo.commit(message, date);
    },
    head: () => readHead(dir),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** Copies a folder's entries into the repo (e.g. example records) without committing. */
export function copyInto(repo: GitRepo, sourceRoot: string, entries: string[]): void {
  for (const entry of entries) cpSync(path.join(sourceRoot, entry), path.join(repo.dir, entry), { recursive: true });
}

/** Moves a file inside the working tree without git (for tests that rely on rename detection). */
export function moveFile(repo: GitRepo, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(repo.dir, to)), { recursive: true });
  renameSync(path.join(repo.dir, from), path.join(repo.dir, to));
}

/**
 * A shallow clone of `source` (`git clone --depth N file://…`; a plain path would ignore
 * --depth). Returns a GitRepo for the clone.
 */
export function shallowClone(source: string, depth = 1, options: { prefix?: string } = {}): GitRepo {
  const dir = mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "sitrep-shallow-"));
  git(os.tmpdir(), ["clone", "--quiet", "--depth", String(depth), "--branch", "main", pathToFileURL(source).href, dir]);
  git(dir, ["config", "gc.auto", "0"]);
  return wrap(dir);
}
