// `sitrep configured`: is sitrep.config.yaml this repository's own, or still the template's example?
// The scheduled and issue-writing workflows (action-items.yml, review.yml) ask first and stop when
// it is the example (scripts/github/pre-init.ts), so a copy of the template opens no issue before
// `sitrep init`. deploy.yml's schedule gets the same answer from `sitrep deploy-due`.
import type { Command } from "../cli/command.ts";
import { UsageError } from "../errors.ts";
import { findRecordsRoot } from "../records/root.ts";
import { loadConfig } from "../records/load-config.ts";
import { exampleConfigurationReason } from "../github/pre-init.ts";
import { escapeData } from "../core/workflow-commands.ts";

interface Result {
  configured: boolean;
  reason: string;
  format: "text" | "github";
}

export const command: Command<Result> = {
  spec: {
    name: "configured",
    summary: "Tell whether sitrep.config.yaml is your own or still the template's example (the workflows do nothing until init).",
    usage: "sitrep configured [--format text|github]",
    description:
      "--format github prints configured=true|false and reason=… lines for $GITHUB_OUTPUT, and a notice when it is the example. Exit 0 either way.",
    options: {
      format: { type: "string", short: "f", valueName: "text|github", description: "Output format (default text)." },
    },
    examples: ['npx sitrep configured --format github >> "$GITHUB_OUTPUT"'],
  },

  async run({ values, cwd }) {
    const format = (values.format ?? "text") as Result["format"];
    if (format !== "text" && format !== "github")
      throw new UsageError(`Unknown format \`${String(format)}\`.`, "Use one of: text, github.");
    const { config } = loadConfig(findRecordsRoot(cwd));
    const example = exampleConfigurationReason(config?.site.url);
    return { configured: !example, reason: example ?? "sitrep.config.yaml is this repository's own", format };
  },

  present: (result) => {
    if (result.format === "github") {
      // The notice is a workflow command on purpose; its text is ours, escaped all the same.
      return {
        stdout: `configured=${result.configured}\nreason=${result.reason}`,
        ...(result.configured ? {} : { stderr: `::notice::${escapeData(result.reason)}` }),
        exitCode: 0,
        workflowCommands: true,
      };
    }
    return { stdout: `${result.configured ? "Configured" : "Not configured"}: ${result.reason}.`, exitCode: 0 };
  },
};
