// `sitrep pr-summary --base <sha>`: the Markdown summary of what the working tree changes in the
// records relative to <sha> (a PR's base, or a push's "before"), for ci.yml's job summary and PR
// comment. Read-only; it runs no code from the pull request's base (decision 0041). The
// comparison is github/pr-summary.ts; the base's records come from github/records-at-ref.ts.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { countBySeverity } from "../core/diagnostic.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";
import { formatPrSummary, summarizePullRequest } from "../github/pr-summary.ts";
import { recordsAtRef } from "../github/records-at-ref.ts";

export const command: Command<{ markdown: string }> = {
  spec: {
    name: "pr-summary",
    summary: "Summarise what a change does to the records (for the pull request comment).",
    usage: "sitrep pr-summary [--base <sha>]",
    description:
      "Compares the records in the working tree with those at --base (a commit; a missing or all-zero sha, as on a\n" +
      "new branch, compares with nothing) and prints Markdown: what the change declares, updates and resolves, with\n" +
      "severity, status and components, and the validation counts. ci.yml writes it to the job summary and the PR comment.",
    options: {
      base: { type: "string", valueName: "sha", description: "The commit to compare with (the PR's base, or the push's previous head)." },
    },
    examples: ['npx sitrep pr-summary --base "$BASE_SHA" > "$RUNNER_TEMP/summary.md"'],
  },

  async run({ values, cwd, now }) {
    const root = findRecordsRoot(cwd);
    const head = validateRepository(root, { now });
    const snapshot = recordsAtRef(root, values.base as string | undefined);
    try {
      const base = snapshot && existsSync(path.join(snapshot.root, "sitrep.config.yaml")) ? validateRepository(snapshot.root, { now }).repository : undefined;
      return { markdown: formatPrSummary(summarizePullRequest(base, head.repository, countBySeverity(head.diagnostics))) };
    } finally {
      snapshot?.cleanup();
    }
  },

  present: ({ markdown }) => ({ stdout: markdown, exitCode: 0 }),
};
