// The git identity every bench row commits with: a fixed author, and no global or system git
// configuration, so a developer's hooks, signing or templates never time into a row.
import os from "node:os";

export const BENCH_GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "Bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "Bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: "1",
} as const;
