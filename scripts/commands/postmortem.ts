// `sitrep postmortem <incident-id>`: scaffold postmortems/<id>.md as a draft that validates.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { SitrepError, UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { commitChanges } from "../authoring/commit-changes.ts";
import { idArgument } from "../authoring/ask.ts";
import { checkHandle, list } from "../authoring/flag-values.ts";
import { newPullRequestCommands } from "../authoring/next-steps.ts";
import { findIncident, openRecords } from "../authoring/open-records.ts";
import { scaffoldPostmortem } from "../authoring/scaffold-postmortem.ts";
import { presentAuthoring, writtenRecord, type AuthoringResult, AUTHORING_EXIT_CODES } from "../authoring/authoring-result.ts";

const TEMPLATE = "postmortems/_template.md";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "postmortem",
    summary: "Scaffold the postmortem of an incident.",
    usage: "sitrep postmortem <incident-id> [--author <handle>]… [--json]",
    description:
      "Writes postmortems/<incident-id>.md from postmortems/_template.md as a draft: Summary, Impact (components,\n" +
      "duration, time to detect/acknowledge/mitigate/resolve) and a Timeline pre-filled from the incident's\n" +
      "milestones, public updates and internal timeline; the other sections empty; action items as a commented\n" +
      "example. See docs/writing-a-postmortem.md.",
    positionals: true,
    options: {
      author: { type: "string", short: "a", multiple: true, valueName: "handle", description: "An author (GitHub handle)." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    exitCodes: AUTHORING_EXIT_CODES,
    examples: ["npx sitrep postmortem 2026-11-22-checkout-errors", "npx sitrep postmortem 2026-11-22-checkout-errors --author ines-carvalho --author akin-b"],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const id = await idArgument(positionals, { interactive, usage: command.spec.usage });
    const context = openRecords(cwd, now);
    const found = findIncident(context, id, "postmortem");
    const incidentId = found.id;
    const recordPath = `postmortems/${incidentId}.md`;
    if (found.data.type === "maintenance") throw new UsageError(`${incidentId} is maintenance; postmortems are for incidents and near-misses.`, "If the maintenance went wrong, declare the incident it caused and review that.");
    // A postmortem filed under another name for this incident is caught by validation (postmortem-unique).
    if (context.files.some((f) => f.kind === "postmortem" && f.id === incidentId) || existsSync(path.join(context.root, recordPath))) {
      throw new UsageError(`${incidentId} already has a postmortem: ${recordPath}.`, "Edit that file; there is at most one postmortem per incident.");
    }
    const templatePath = path.join(context.root, TEMPLATE);
    if (!existsSync(templatePath)) throw new SitrepError(`${TEMPLATE} is missing; the postmortem is scaffolded from it.`, { hint: "Restore it from the sitrep template (git checkout it, or copy it from github.com/… sitrep).", exitCode: 2 });
    const authors = [...new Set(list(values.author).map((a) => checkHandle(a, "--author")))];
    const text = scaffoldPostmortem({ incidentId, incident: found.data, config: context.config, authors, template: readFileSync(templatePath, "utf8") });
    const { warnings, after } = commitChanges(context, [{ path: recordPath, text }], recordPath);
    const shown = path.relative(cwd, path.join(context.root, recordPath)) || recordPath;
    return {
      summary: `Scaffolded the postmortem draft of ${incidentId}`,
      root: context.root,
      written: [writtenRecord(after.repository, "postmortem", recordPath)],
      removed: [],
      warnings,
      commandsTitle: "Open the pull request (a draft counts for the postmortem deadline):",
      commands: newPullRequestCommands(`postmortem/${incidentId}`, [shown], `Postmortem draft: ${found.data.title}`),
      notes: [
        "Next: fill in the sections blamelessly, agree action items in the review, then set status: in_review / published.",
        "Open action items become GitHub issues with `npx sitrep sync`. Guide: docs/writing-a-postmortem.md",
      ],
    };
  },

  present: presentAuthoring,
};
