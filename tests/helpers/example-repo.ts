// The example organisation (the fictional company Lumen) for tests: the fixture itself, copies
// (testkit/example-org.ts, shared with the bench) and a git repository with a known history.
// Never the records at the repository root: those are the adopter's after `sitrep init` (ADR 0060).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { copyExampleRecords, copyExampleRepo } from "../../testkit/example-org.ts";
import { createGitRepo, GIT_IDENTITY, type GitRepo } from "./git-repo.ts";

export { copyExampleRecords, copyExampleRepo, exampleOrgRoot, RECORD_PATHS } from "../../testkit/example-org.ts";

/** When the known history starts: config, READMEs, templates, runbooks and undetected records. */
export const EXAMPLE_HISTORY_START = "2026-05-01T09:00:00Z";
/** Every incident with a detected_at is first committed this long after it (its declaration lag). */
export const EXAMPLE_DECLARATION_LAG_MINUTES = 10;
/** Postmortems without published_at are committed here (before TEST_NOW). */
const LATE = "2026-11-21T18:00:00Z";

/**
 * The example organisation in a fresh git repository with a known history, independent of how
 * the checkout was cloned: first the scaffolding, then every incident at its detected_at +
 * EXAMPLE_DECLARATION_LAG_MINUTES, every postmortem at its published_at, in time order. The
 * commits go in through one `git fast-import` (then `git reset` fills the index from the working
 * tree): the same commits, ids included, as `git add` and `git commit` per group would make, in two
 * git processes instead of ~50 (~1.6 s of CPU a repository; decision 0186).
 */
export function exampleGitRepo(prefix = "sitrep-example-git-", options: { dir?: string } = {}): GitRepo {
  const dir = options.dir ?? copyExampleRepo(prefix).dir;
  if (options.dir) copyExampleRecords(dir);
  const repo = createGitRepo({ dir });
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile() && !path.relative(dir, e.parentPath).split(path.sep).includes(".git"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
  const plan = files.map((file) => ({ file, at: firstCommitTime(file, readFileSync(path.join(dir, file), "utf8")) }));
  const start = Date.parse(EXAMPLE_HISTORY_START);
  const groups = new Map<number, string[]>();
  for (const { file, at } of plan) groups.set(at ?? start, [...(groups.get(at ?? start) ?? []), file]);
  const stream: Buffer[] = [];
  const data = (bytes: Buffer) => stream.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from("\n"));
  for (const [at, group] of [...groups].sort(([a], [b]) => a - b)) {
    const when = `${at / 1000} +0000`;
    const message = at === start ? "Scaffold the records repository" : `Record ${group.join(", ")}`;
    stream.push(
      Buffer.from(`commit refs/heads/main\nauthor ${GIT_IDENTITY.author} ${when}\ncommitter ${GIT_IDENTITY.committer} ${when}\n`),
    );
    data(Buffer.from(`${message}\n`));
    for (const file of group) {
      stream.push(Buffer.from(`M 100644 inline ${file}\n`));
      data(readFileSync(path.join(dir, file)));
    }
  }
  repo.git(["fast-import", "--quiet", "--done"], { input: Buffer.concat([...stream, Buffer.from("done\n")]) });
  repo.git(["reset", "--quiet"]);
  return repo;
}

/** When a fixture file is first committed (undefined: with the scaffolding). */
function firstCommitTime(file: string, text: string): number | undefined {
  const field = (name: string) => text.match(new RegExp(`^${name}: (\\S+)$`, "m"))?.[1];
  if (file.startsWith("incidents/") && !file.endsWith("README.md") && !file.endsWith("_template.md")) {
    const detected = field("detected_at");
    return detected ? Date.parse(detected) + EXAMPLE_DECLARATION_LAG_MINUTES * 60_000 : undefined;
  }
  if (file.startsWith("postmortems/") && !file.endsWith("README.md") && !file.endsWith("_template.md")) {
    return Date.parse(field("published_at") ?? LATE);
  }
  return undefined;
}
