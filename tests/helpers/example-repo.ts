// The example organisation (the fictional company Lumen) for tests: the fixture itself, copies
// (testkit/example-org.ts, shared with the bench) and a git repository with a known history.
// Never the records at the repository root: those are the adopter's after `sitrep init` (ADR 0060).
import { readFileSync } from "node:fs";
import path from "node:path";
import { copyExampleRecords, copyExampleRepo } from "../../testkit/example-org.ts";
import { createGitRepo, type GitRepo } from "./git-repo.ts";

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
 * EXAMPLE_DECLARATION_LAG_MINUTES, every postmortem at its published_at, in time order.
 */
export function exampleGitRepo(prefix = "sitrep-example-git-", options: { dir?: string } = {}): GitRepo {
  const dir = options.dir ?? copyExampleRepo(prefix).dir;
  if (options.dir) copyExampleRecords(dir);
  const repo = createGitRepo({ dir });
  const files = repo.git(["ls-files", "--others"]).split("\n").filter(Boolean);
  const plan = files.map((file) => ({ file, at: firstCommitTime(file, readFileSync(path.join(dir, file), "utf8")) }));
  const start = Date.parse(EXAMPLE_HISTORY_START);
  const groups = new Map<number, string[]>();
  for (const { file, at } of plan) groups.set(at ?? start, [...(groups.get(at ?? start) ?? []), file]);
  for (const [at, group] of [...groups].sort(([a], [b]) => a - b)) {
    repo.git(["add", "--", ...group]);
    const date = new Date(at).toISOString().replace(".000Z", "Z");
    repo.git(["commit", "--quiet", "--no-verify", "-m", at === start ? "Scaffold the records repository" : `Record ${group.join(", ")}`], {
      date,
    });
  }
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
