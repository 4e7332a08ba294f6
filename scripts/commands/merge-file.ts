// `sitrep merge-file %O %A %B %P`: the git merge driver for record files (docs/declaring-an-incident.md,
// ADR 0110). Two responders who update one incident from the same commit both append to
// `updates:`; git's line merge then puts conflict markers inside the YAML list. This merges by
// meaning (scripts/merge/) and writes the result over %A, as git expects of a driver: exit 0
// merged, 1 conflicts left in the file (with what they are on stderr).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "../cli/command.ts";
import { UsageError } from "../errors.ts";
import { gitMergeText } from "../merge/git-merge-file.ts";
import { mergeRecordText } from "../merge/merge-record.ts";

interface Result {
  file: string;
  /** "record": merged by meaning; "lines": not a record, merged by git's line merge. */
  how: "record" | "lines";
  conflicts: string[];
}

export const command: Command<Result> = {
  spec: {
    name: "merge-file",
    summary: "Merge two versions of a record file (the git merge driver: updates from both sides kept in time order).",
    usage: "sitrep merge-file <base> <ours> <theirs> [<path>]",
    description:
      "Git runs it during a merge, rebase or pull for the files `.gitattributes` marks `merge=sitrep`, once\n" +
      '`git config merge.sitrep.driver "npx sitrep merge-file %O %A %B %P"` is set. The result is written over <ours>.\n' +
      "Both sides' new updates, timeline entries and action items are kept, in time order; `status` follows the last\n" +
      "update; a component's impact is the worse of the two. Left as a conflict (markers around that field only, and\n" +
      "a message): a field both sides set to different values (severity, title, a role, a milestone) and an update\n" +
      "both sides edited differently. A file that is not a record is merged by lines, as git would.\n" +
      "Exit 0 merged, 1 conflicts left in the file, 2 the files could not be read.",
    positionals: true,
    options: {},
    examples: [
      'git config merge.sitrep.driver "npx sitrep merge-file %O %A %B %P"',
      "echo 'incidents/**/*.md merge=sitrep' >> .gitattributes",
    ],
  },

  async run({ positionals, cwd }) {
    if (positionals.length < 3 || positionals.length > 4) {
      throw new UsageError(
        `merge-file takes three or four paths, got ${positionals.length}.`,
        'Git passes them: set `git config merge.sitrep.driver "npx sitrep merge-file %O %A %B %P"` (docs/declaring-an-incident.md).',
      );
    }
    const [base, ours, theirs] = positionals.slice(0, 3).map((p) => path.resolve(cwd, p));
    const file = positionals[3] ?? positionals[1];
    const read = (p: string) => {
      try {
        return readFileSync(p, "utf8");
      } catch (error) {
        throw new UsageError(
          `Cannot read ${p}: ${(error as Error).message}.`,
          "merge-file is run by git with the paths of three temporary files (%O %A %B).",
        );
      }
    };
    const texts = [base, ours, theirs].map(read);
    const labels = { ours: `ours (${file})`, base: "base", theirs: `theirs (${file})` };
    const lines = (b: string, o: string, t: string) => gitMergeText(b, o, t, labels);
    const merged = mergeRecordText(texts[0], texts[1], texts[2], file, lines, labels);
    if (merged) {
      writeFileSync(ours, merged.text);
      return { file, how: "record", conflicts: merged.conflicts };
    }
    const byLines = lines(texts[0], texts[1], texts[2]);
    writeFileSync(ours, byLines.text);
    return {
      file,
      how: "lines",
      conflicts: byLines.conflicts > 0 ? [`${byLines.conflicts} place(s) where both sides changed the same lines`] : [],
    };
  },

  present(result) {
    if (result.conflicts.length === 0) return { exitCode: 0 };
    const what = result.conflicts.map((c) => `  - ${c}`).join("\n");
    const hint =
      result.how === "record"
        ? "Everything else was merged (both sides' updates and timeline entries are in the file, in time order). Keep one side\n" +
          "  between each <<<<<<< and >>>>>>>, remove the markers, run `npx sitrep validate`, then `git add` the file."
        : "It is not a record sitrep can merge by meaning, so it was merged by lines. Resolve it as any git conflict.";
    return { stderr: `sitrep merge-file: ${result.file}: left as a conflict:\n${what}\n  ${hint}`, exitCode: 1 };
  },
};
