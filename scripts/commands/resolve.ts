// `sitrep resolve <id>`: the final update, resolved_at, and every affected component back to operational.
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption } from "../cli/common-options.ts";
import { atFlag, messageFlag } from "../authoring/common-flags.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/edit-incident.ts";
import { needsPostmortem } from "../model/postmortem-policy.ts";
import { addTimelineEntry, appendUpdate, currentImpacts, setMilestone, setStatus } from "../authoring/incident-edits.ts";

export const command = authoringCommand({
  spec: {
    name: "resolve",
    summary: "Resolve an incident.",
    usage: "sitrep resolve <id> [--message <text>] [--at <time>] [--json]",
    description:
      "Adds the final public update (status resolved, every affected component operational), sets status and\n" +
      "resolved_at, and a timeline entry. For maintenance it posts the `completed` update instead (no resolved_at).\n" +
      "Severities with postmortem_required need a postmortem within policies.postmortem_due_days: `sitrep postmortem <id>`.",
    positionals: true,
    options: {
      ...messageOptions("The final public update (default: \"This incident has been resolved.\")."),
      at: timeOption("When it was resolved (default: now)."),
    },
    examples: [
      "npx sitrep resolve 2026-11-22-checkout-errors",
      'npx sitrep resolve 2026-11-22-checkout-errors --at -5m --message "Checkouts have worked normally for an hour. This incident is resolved."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "resolve");
    const data = found.data;
    const maintenance = data.type === "maintenance";
    const finalStatus = maintenance ? "completed" : "resolved";
    if (data.status === finalStatus) {
      return nothingToDo(context, found, `${found.id} is already ${finalStatus}`, maintenance ? undefined : "If it came back, declare a new incident and mention this one.");
    }
    const at = atFlag(values, now);
    const message = messageFlag(values) ?? (maintenance ? "The scheduled maintenance has been completed." : "This incident has been resolved.");
    const recovered = Object.fromEntries(Object.keys(currentImpacts(data)).map((c) => [c, "operational" as const]));
    const postmortemNeeded = needsPostmortem(data, context.config);
    return applyIncidentEdit(context, found, cwd, {
      verb: maintenance ? "Completed maintenance" : "Resolved",
      commitMessage: maintenance ? "Completed" : "Resolved",
      edit(doc) {
        appendUpdate(doc, { at, status: finalStatus, body: message, components: recovered });
        setStatus(doc, finalStatus);
        if (!maintenance) {
          setMilestone(doc, "resolved_at", at);
          addTimelineEntry(doc, { at, event: "Resolved." });
        }
      },
      notes: postmortemNeeded
        ? [`${data.severity} needs a postmortem within ${context.config.policies.postmortem_due_days} days: npx sitrep postmortem ${found.id}`]
        : [],
    });
  },
});
