// `sitrep pr-summary --base <sha>`: the Markdown summary of what the working tree changes in the
// records relative to <sha> (a pull request's base, or a push's "before"). Read-only; ci.yml writes
// it to the job summary and the pull request comment (docs/decisions/0041).
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { findRecordsRoot } from "../records/root.ts";
import { validateRepository } from "../validate/validate.ts";
import { countBySeverity } from "../core/diagnostic.ts";
import { formatPrSummary, summarizePullRequest } from "../github/pr-summary.ts";
import { recordsAtRef } from "../github/records-at-ref.ts";

export const command: Command<{ markdown: string }> = {
  spec: {
    name: "pr-summary",
    summary: "Summarise what a change does to the records (Markdown, for the pull request).",
    usage: "sitrep pr-summary [--base <sha>]",
    description:
      "Lists the incidents the working tree declares, updates and resolves relative to <sha>, with severity,\n" +
      "status and components, and the validation result. Without a usable base (a new branch), everything counts\n" +
      "as declared. Writes nothing.",
    options: {
      base: { type: "string", valueName: "sha", description: "The commit to compare with (a pull request's base)." },
    },
    examples: ["npx sitrep pr-summary --base origin/main"],
  },

  async run({ values, cwd, now }) {
    const root = findRecordsRoot(cwd);
    const head = validateRepository(root, { now });
    const snapshot = recordsAtRef(root, typeof values.base === "string" ? values.base : undefined);
    try {
      const base =
        snapshot && existsSync(path.join(snapshot.root, "sitrep.config.yaml"))
          ? validateRepository(snapshot.root, { now }).repository
          : undefined;
      return { markdown: formatPrSummary(summarizePullRequest(base, head.repository, countBySeverity(head.diagnostics))) };
    } finally {
      snapshot?.cleanup();
    }
  },

  present: ({ markdown }) => ({ stdout: markdown, exitCode: 0 }),
};
