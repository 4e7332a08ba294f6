// Long Markdown an earlier run rendered well is not rendered again (decision 0194): the real CLI,
// twice, on a repository with a long postmortem-like body and an update that renders empty. The
// cache is the checkout's (node_modules/.cache/sitrep-markdown), shared with every other run, so
// this test's texts carry a token of their own.
import { hash, randomUUID } from "node:crypto";
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { repoRoot, runCli } from "../helpers/run-cli.ts";
import { buildRepo } from "./corpus.ts";

const repo = buildRepo([], "sitrep-render-cache-");
afterAll(() => repo.cleanup());

const cacheDir = path.join(repoRoot, "node_modules/.cache/sitrep-markdown");
const key = (text: string) => hash("sha256", text, "base64url");
function cachedKeys(): Set<string> {
  const files = readdirSync(cacheDir).filter((f) => /^rendered-.+\.txt$/.test(f));
  return new Set(files.flatMap((f) => readFileSync(path.join(cacheDir, f), "utf8").split("\n")));
}

const token = randomUUID();
/** Long enough (over 2,000 characters) that validate renders it rather than taking a fast path. */
const longBody = `## What happened (${token})\n\n${"Requests to the *checkout* API failed for some customers. ".repeat(40)}\n`;
const emptyUpdate = `<div>\nHidden ${token}\n</div>`;
const file = "incidents/2026/2026-11-15-render-cache.md";
const record = `---\ntitle: Render cache\nseverity: SEV3\nstatus: resolved\nstarted_at: 2026-11-15T10:00:00Z\nresolved_at: 2026-11-15T11:00:00Z\nupdates:\n  - at: 2026-11-15T10:05:00Z\n    status: resolved\n    body: ${JSON.stringify(emptyUpdate)}\n---\n\n${longBody}`;

/** The findings of `sitrep validate` about this test's record, as file:line:column rule. */
function validate(): { code: number; findings: string[] } {
  const run = runCli(["validate", "--format", "json"], { cwd: repo.dir });
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { file: string; line: number; column: number; rule: string }[] };
  return { code: run.code, findings: diagnostics.filter((d) => d.file === file).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`) };
}

test("keeps a long text that rendered well, never one with a finding, and trusts what it kept", () => {
  writeFileSync(path.join(repo.dir, file), record);
  const first = validate();
  expect(first).toEqual({ code: 1, findings: [`${file}:10:11 markdown-renders-empty`] });
  const keys = cachedKeys();
  // The body is the text after the front matter, from the blank line on.
  expect(keys.has(key(`\n${longBody}`))).toBe(true);
  expect(keys.has(key(emptyUpdate))).toBe(false);

  // The same findings on the next run, from the cache for the long text and fresh for the update.
  expect(validate()).toEqual(first);

  // What the cache holds is trusted: a body it claims rendered well is not rendered again. (Only
  // a run of this engine that rendered the text writes its line; this test writes one by hand.)
  const emptyBody = `<div>\nOnly raw HTML ${token}\n</div>\n`;
  writeFileSync(path.join(repo.dir, file), record.replace(longBody, emptyBody));
  expect(validate().findings).toEqual([`${file}:10:11 markdown-renders-empty`, `${file}:13:1 markdown-renders-empty`]);
  const current = readdirSync(cacheDir).find((f) => readFileSync(path.join(cacheDir, f), "utf8").includes(key(`\n${longBody}`)));
  appendFileSync(path.join(cacheDir, current!), `${key(`\n${emptyBody}`)}\n`);
  expect(validate().findings).toEqual([`${file}:10:11 markdown-renders-empty`]);
});
