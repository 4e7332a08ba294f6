// Every CLI command, lazily imported so `sitrep validate` never loads octokit or Astro.
// Each command lives in scripts/commands/<name>.ts and exports `command: Command`.
import type { Command } from "../cli/command.ts";

export interface CommandEntry {
  name: string;
  summary: string;
  // biome-ignore lint/suspicious/noExplicitAny: each command has its own flag types; the CLI runs it through its own spec.
  load: () => Promise<Command<any>>;
}

const entry = (name: string, summary: string): CommandEntry => ({
  name,
  summary,
  // Not a glob Vite should expand: the name comes from the list below (vitest loads it as it is).
  load: async () => (await import(/* @vite-ignore */ `./${name}.ts`)).command,
});

export const commands: CommandEntry[] = [
  entry("init", "Create a records repository (init <dir>), or turn the template into your own."),
  entry("declare", "Declare a new incident (writes incidents/<year>/<date>-<slug>.md)."),
  entry("update", "Post a status update to an incident, or change its severity, title or roles."),
  entry("acknowledge", "Record that a responder acknowledged an incident."),
  entry("mitigate", "Record that customer impact stopped."),
  entry("resolve", "Resolve an incident."),
  entry("maintenance", "Schedule a maintenance window."),
  entry("complete", "Complete a maintenance window (its final update)."),
  entry("cancel", "Cancel a maintenance window that has not begun."),
  entry("reschedule", "Move a maintenance window that has not begun to another time."),
  entry("publish", "Commit the record changes, push, and open the fast-lane pull request (one step)."),
  entry("postmortem", "Scaffold the postmortem of an incident."),
  entry("publish-postmortem", "Publish a postmortem and show exactly what becomes public."),
  entry("runbook", "Scaffold a runbook."),
  entry("build", "Build the status site from the records into dist/."),
  entry("dev", "Serve the status site locally; pages follow the records as you edit them."),
  entry("preview", "Serve the built site (dist/) locally."),
  entry("migrate", "Rewrite the records into the record format this sitrep writes."),
  entry("upgrade", "Refresh the workflows and templates sitrep generated, showing a diff for those you edited."),
  entry("status", "What is open now: incidents (next update due, overdue marked) and maintenance."),
  entry("validate", "Check every record against the schemas and the cross-record rules."),
  entry("metrics", "Incident metrics (TTD, TTA, TTM, TTR, …) from the records and git history."),
  entry("actions", "List postmortem action items with owner, due date and age."),
  entry("report", "Write the weekly incident-review report (Markdown)."),
  entry("oncall", "Who is on call now or at a time, a person's shifts, and the on-call load report."),
  entry("sync", "Keep one GitHub issue per postmortem action item."),
  entry("pr-summary", "Summarise what a change does to the records (Markdown, for the pull request)."),
  entry("review-issue", "Open or update the weekly incident-review issue with a report."),
  entry("notify", "Send the public updates that are new in this build to Slack, Teams, Discord, webhooks and email."),
  entry("merge-file", "Merge two versions of a record file (the git merge driver: both sides' updates kept in time order)."),
  entry("update-branch", "Merge the default branch into this branch with the records merge driver, validate, and push."),
  entry("import", "Import incident history from Statuspage, cState or Upptime."),
  entry("deploy-due", "Tell whether the public site would change since the last deploy (for the scheduled deploy)."),
  entry("deploy-alert", "Open (or close) the one issue saying the live site's deployed.json cannot be read (for the scheduled deploy)."),
  entry("configured", "Tell whether sitrep.config.yaml is your own or still the template's example (the workflows do nothing until init)."),
];
