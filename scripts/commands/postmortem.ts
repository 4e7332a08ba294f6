// `sitrep postmortem <incident-id>`: scaffold postmortems/<id>.md as a draft that validates.
import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { readTemplate, writeNewRecord } from "../authoring/new-record.ts";
import { idArgument } from "../authoring/flags/ask.ts";
import { checkHandle, list } from "../authoring/flags/flag-values.ts";
import { findIncident, loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { scaffoldPostmortem } from "../authoring/edits/scaffold-postmortem.ts";

export const command = authoringCommand({
  spec: {
    name: "postmortem",
    summary: "Scaffold the postmortem of an incident.",
    usage: "sitrep postmortem <incident-id> [--author <handle>]… [--keep-handles] [--json]",
    description:
      "Writes postmortems/<incident-id>.md from postmortems/_template.md as a draft: Summary, Impact (components,\n" +
      "duration, time to detect/acknowledge/mitigate/resolve) and a Timeline pre-filled from the incident's\n" +
      "milestones, public updates and internal timeline; the other sections empty; action items as a commented\n" +
      "example. Lines from the internal timeline are marked internal (the public page leaves them out) and people\n" +
      'are named by role ("the incident commander"), not handle, unless --keep-handles. See docs/writing-a-postmortem.md.',
    positionals: true,
    options: {
      author: { type: "string", short: "a", multiple: true, valueName: "handle", description: "An author (GitHub handle)." },
      "keep-handles": {
        type: "boolean",
        description: "Keep people's handles in the draft (and set keep_handles: true) instead of their roles.",
      },
    },
    examples: [
      "npx sitrep postmortem 2026-11-22-checkout-errors",
      "npx sitrep postmortem 2026-11-22-checkout-errors --author ines-carvalho --author akin-b",
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const id = await idArgument(positionals, ask);
    const context = loadRecordsContext(cwd, now);
    const found = findIncident(context, id, "postmortem");
    const incidentId = found.id;
    const recordPath = `postmortems/${incidentId}.md`;
    if (found.data.type === "maintenance")
      throw new UsageError(
        `${incidentId} is maintenance; postmortems are for incidents and near-misses.`,
        "If the maintenance went wrong, declare the incident it caused and review that.",
      );
    // A postmortem filed under another name for this incident is caught by validation (postmortem-unique).
    if (context.files.some((f) => f.kind === "postmortem" && f.id === incidentId) || existsSync(path.join(context.root, recordPath))) {
      throw new UsageError(
        `${incidentId} already has a postmortem: ${recordPath}.`,
        "Edit that file; there is at most one postmortem per incident.",
      );
    }
    const template = readTemplate(context, "postmortem");
    const authors = [...new Set(list(values.author).map((a) => checkHandle(a, "--author")))];
    return writeNewRecord(context, cwd, {
      kind: "postmortem",
      path: recordPath,
      text: scaffoldPostmortem({
        incidentId,
        incident: found.data,
        config: context.config,
        authors,
        template,
        keepHandles: values["keep-handles"] === true,
      }),
      summary: `Scaffolded the postmortem draft of ${incidentId}`,
      branch: `postmortem/${incidentId}`,
      commitMessage: `Postmortem draft: ${found.data.title}`,
      commandsTitle: "Open the pull request (a draft counts for the postmortem deadline):",
      notes: [
        "Next: fill in the sections blamelessly, agree action items in the review, then set status: in_review / published.",
        "Open action items become GitHub issues with `npx sitrep sync`. Guide: docs/writing-a-postmortem.md",
      ],
    });
  },
});
