// The history `validate --history` needs: when each time in a record was committed. One
// `git log -p -U0` over incidents/ and postmortems/, oldest first, keeping for every added line
// that holds a time (`  - at: …`, `resolved_at: …`, `published_at: …`) the committer date of the
// first commit that added it. Renames carry a file's times to its new path. Merge commits show
// no diff here, so a time is dated by the commit that wrote it, not the merge that brought it in.
import { spawnSync } from "node:child_process";
import { SitrepError } from "../errors.ts";
import { timeKey, type AddedAt, type CommitTimes } from "../validate/commit-times.ts";

const TIME_LINE = /^\+\s*(?:-\s+)?([a-z_]+):\s*["']?(\d{4}-\d{2}-\d{2}[Tt ][0-9:.]+(?:[Zz]|[+-]\d{2}:\d{2}))/;

export function readAddedTimes(root: string): CommitTimes {
  const result = spawnSync(
    "git",
    [
      "-c",
      "log.showSignature=false",
      "log",
      "--reverse",
      "-p",
      "-U0",
      "-M",
      "--relative",
      "--no-color",
      "--no-ext-diff",
      "--format=%x01%H %ct",
      "--",
      "incidents",
      "postmortems",
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (result.error)
    throw new SitrepError(`Could not run git: ${result.error.message}`, { hint: "Install git and make sure it is on PATH." });
  if (result.status !== 0) {
    throw new SitrepError(`git log failed in ${root}: ${result.stderr.trim().split("\n")[0]}`, {
      hint: "validate --history reads the git history of the records: run it in a clone with at least one commit, or drop --history.",
    });
  }
  return parseAddedTimes(result.stdout);
}

/** The parse of that log (exported for tests): pure. */
export function parseAddedTimes(log: string): CommitTimes {
  const files = new Map<string, Map<string, AddedAt>>();
  let commit = "";
  let at = 0;
  let file: string | undefined;
  let renamedFrom: string | undefined;
  for (const line of log.split("\n")) {
    if (line.startsWith("\x01")) {
      const [id, seconds] = line.slice(1).split(" ");
      commit = id;
      at = Number(seconds) * 1000;
      file = undefined;
    } else if (line.startsWith("diff --git ")) {
      file = undefined;
      renamedFrom = undefined;
    } else if (line.startsWith("rename from ")) {
      renamedFrom = line.slice("rename from ".length);
    } else if (line.startsWith("rename to ") && renamedFrom !== undefined) {
      const times = files.get(renamedFrom);
      if (times) {
        files.delete(renamedFrom);
        files.set(line.slice("rename to ".length), times);
      }
    } else if (line.startsWith("+++ ")) {
      file = line === "+++ /dev/null" ? undefined : line.slice("+++ b/".length);
    } else if (file !== undefined && line.startsWith("+")) {
      const match = TIME_LINE.exec(line);
      if (!match || Number.isNaN(Date.parse(match[2]))) continue;
      let times = files.get(file);
      if (!times) files.set(file, (times = new Map()));
      const key = timeKey(match[1], match[2]);
      if (!times.has(key)) times.set(key, { ms: at, commit });
    }
  }
  return files;
}
