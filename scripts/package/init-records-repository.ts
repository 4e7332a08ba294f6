// `sitrep init <dir>` as a command result: a new records repository (answers asked or taken from
// the flags) or a template copy converted in place, then what to run next.
import path from "node:path";
import type { OptionValues } from "../cli/command.ts";
import { RejectedChangeError } from "../errors.ts";
import type { AskContext } from "../authoring/flags/ask.ts";
import { askSiteAnswers } from "../authoring/init/site-answers.ts";
import { str } from "../authoring/flags/flag-values.ts";
import { shellQuote } from "../authoring/writes/pull-request-commands.ts";
import type { AuthoringResult } from "../authoring/authoring-result.ts";
import type { Diagnostic } from "../core/diagnostic.ts";
import { convertTemplateCopy, createRecordsRepository, targetKind } from "./create-records-repository.ts";
import { SITREP } from "../core/run-sitrep.ts";

export async function initRecordsRepository(
  dir: string,
  values: OptionValues,
  ask: AskContext,
  now: Date,
  cwd: string,
): Promise<AuthoringResult> {
  const kind = targetKind(dir);
  const shown = path.relative(cwd, dir) || ".";
  const cd = shown === "." ? [] : [`cd ${shellQuote(shown)}`];
  if (kind === "template-copy") {
    const done = convertTemplateCopy(dir, now);
    failOnErrors(done.diagnostics);
    return {
      summary: `Converted the template copy in ${shown} into a records repository (${done.removed.length} engine paths removed; records, config and README unchanged)`,
      root: dir,
      written: [],
      removed: done.removed,
      warnings: done.diagnostics.filter((d) => d.severity === "warning"),
      commandsTitle: "Install the package, check, and commit:",
      commands: [
        ...cd,
        "npm install",
        "npx sitrep validate",
        "npx sitrep build",
        "git add -A",
        `git commit -m ${shellQuote("Use sitrep as a package: records, config and workflows only")}`,
      ],
      notes: [
        `Removed: ${done.removed.join(", ")}. Generated: ${done.written.join(", ")}.`,
        "Workflows you had changed were replaced by the package's: compare with `git diff` before committing.",
        "README.md is yours and unchanged: its links to docs/ now find the guides in node_modules/sitrep/docs/.",
        "If validate says the records are in an older record format, run `npx sitrep migrate`.",
      ],
    };
  }
  const answers = { ...(await askSiteAnswers(values, ask)), description: str(values.description) };
  const done = createRecordsRepository(dir, answers, now);
  failOnErrors(done.diagnostics);
  return {
    summary: `Created the records repository ${shown} for ${answers.title} (${answers.components.length} component${answers.components.length === 1 ? "" : "s"})`,
    root: dir,
    written: [],
    removed: [],
    warnings: done.diagnostics.filter((d) => d.severity === "warning"),
    commandsTitle: "Install sitrep, build the site, commit:",
    commands: [
      ...cd,
      "npm install",
      "npx sitrep build",
      ...(done.gitInitialised ? [] : ["git init -b main"]),
      "git add -A",
      `git commit -m ${shellQuote(`Start the incident records of ${answers.title}`)}`,
    ],
    notes: [
      `Wrote ${done.written.length} files${done.gitInitialised ? " and ran `git init`" : ""}. README.md lists what is left to set up (Pages, branch protection, the fast-lane label).`,
      `When something breaks: ${SITREP} declare --help  (after npm install)`,
    ],
  };
}

function failOnErrors(diagnostics: Diagnostic[]): void {
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new RejectedChangeError("the new records repository", errors);
}
