// `sitrep validate [paths…]`: every problem in every record, in one run.
import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { findRecordsRoot } from "../records/root.ts";
import { checkRepository } from "../validate/validate.ts";
import type { Diagnostic } from "../core/diagnostic.ts";
import { countBySeverity } from "../core/diagnostic.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import { formatGithub } from "../validate/format-github.ts";
import { formatJson } from "../validate/format-json.ts";
import { matchChoice } from "../cli/match-choice.ts";

const FORMATS = ["pretty", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

export interface ValidateResult {
  root: string;
  diagnostics: Diagnostic[];
  fileCount: number;
  strict: boolean;
  format: Format;
}

export const command: Command<ValidateResult> = {
  spec: {
    name: "validate",
    summary: "Check every record against the schemas and the cross-record rules.",
    usage: "sitrep validate [paths…] [--format pretty|json|github] [--strict] [--history]",
    description:
      "Reads sitrep.config.yaml and every record, reports all problems with file, line, column, rule and a hint.\n" +
      "Paths limit what is reported (rules still see every record). Exit 0 clean, 1 problems, 2 the tool failed.\n" +
      "Warnings (runbook review overdue, update cadence gaps) fail only with --strict.\n" +
      "With --history it also reads the git history (one `git log`) and holds each update, milestone and\n" +
      "published_at to the commit that added it, not only to now (rule not-after-commit; CI uses it).",
    positionals: true,
    options: {
      format: {
        type: "string",
        short: "f",
        valueName: "pretty|json|github",
        description: "Output format (default pretty; github prints workflow annotations and the full report).",
      },
      json: { type: "boolean", aliasOf: "format", description: "Same as --format json." },
      strict: { type: "boolean", description: "Fail on warnings too." },
      history: { type: "boolean", description: "Also check each time against the commit that added it (reads git history)." },
    },
    examples: [
      "npx sitrep validate",
      "npx sitrep validate incidents/2026 --format json",
      "npx sitrep validate --format github --strict",
      "npx sitrep validate --history",
    ],
  },

  async run({ values, positionals, cwd, now }) {
    const given = values.json ? "json" : String(values.format ?? "pretty");
    const format = matchChoice(given, FORMATS);
    if (!format) throw new UsageError(`Unknown format \`${given}\`.`, `Use one of: ${FORMATS.join(", ")}.`);
    const root = findRecordsRoot(cwd);
    const only = positionals.map((p) => path.relative(root, path.resolve(cwd, p)));
    const outside = only.find((p) => p.startsWith(".."));
    if (outside)
      throw new UsageError(
        `\`${outside}\` is outside the records repository ${root}.`,
        "Pass paths inside the repository, e.g. incidents/2026.",
      );
    const missing = positionals.find((p) => !existsSync(path.resolve(cwd, p)));
    if (missing)
      throw new UsageError(
        `\`${missing}\` does not exist.`,
        "Pass existing record files or folders, e.g. incidents/2026, or no path to validate everything.",
      );
    // Loaded only when asked: validate alone reads no history and stays fast (ADR 0077, 0100).
    const commitTimes = values.history === true ? (await import("../history/added-times.ts")).readAddedTimes(root) : undefined;
    const { diagnostics, fileCount } = checkRepository(root, { now, only, commitTimes });
    return { root, diagnostics, fileCount, strict: values.strict === true, format };
  },

  present(result, { color, env }) {
    const { errors, warnings } = countBySeverity(result.diagnostics);
    const exitCode = errors > 0 || (result.strict && warnings > 0) ? 1 : 0;
    if (result.format === "json") return { stdout: formatJson(result.diagnostics, result.fileCount), exitCode };
    if (result.format === "github") {
      const prefix = githubPathPrefix(result.root, env.GITHUB_WORKSPACE);
      const body = formatGithub(result.diagnostics, { pathPrefix: prefix });
      return { stdout: body || `sitrep: ${result.fileCount} files, no problems.`, exitCode, workflowCommands: true };
    }
    if (result.diagnostics.length === 0)
      return { stdout: `✔ ${result.fileCount} file${result.fileCount === 1 ? "" : "s"}, no problems.`, exitCode };
    return { stdout: formatPretty(result.diagnostics, { color }), exitCode };
  },
};

/** Annotations need paths from the repository root; records may live in a subfolder of it. */
function githubPathPrefix(root: string, workspace: string | undefined): string {
  if (!workspace) return "";
  const relative = path.relative(workspace, root);
  return relative && !relative.startsWith("..") ? `${relative.split(path.sep).join("/")}/` : "";
}
