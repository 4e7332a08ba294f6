// `sitrep resolve <id>`: the final update, resolved_at, and every affected component back to operational.
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/apply-incident-edit.ts";
import { needsPostmortem } from "../model/postmortem-policy.ts";
import { addTimelineEntry, appendUpdate, allRecovered, setMilestone, setStatus } from "../authoring/edits/incident-edits.ts";
import { SITREP } from "../core/run-sitrep.ts";

export const command = authoringCommand({
  spec: {
    name: "resolve",
    summary: "Resolve an incident.",
    usage: "sitrep resolve [<id>] [--message <text>] [--at <time>] [--tz <zone>] [--json]",
    description:
      "Adds the final public update (status resolved, every affected component operational), sets status and\n" +
      "resolved_at, and a timeline entry. Without an id it takes the one open incident (and says so). Maintenance is\n" +
      "not resolved: `sitrep complete <id>` posts its `completed` update.\n" +
      "Severities with postmortem_required need a postmortem within policies.postmortem_due_days: `sitrep postmortem <id>`.",
    positionals: true,
    options: {
      ...messageOptions('The final public update (default: "This incident has been resolved.").'),
      at: timeOption("When it was resolved (default: now)."),
      tz: tzOption(),
    },
    examples: [
      "npx sitrep resolve 2026-11-22-checkout-errors",
      'npx sitrep resolve 2026-11-22-checkout-errors --at -5m --message "Checkouts have worked normally for an hour. This incident is resolved."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "resolve", { maintenance: false, single: true });
    const data = found.data;
    // "Resolved" on a maintenance window that has not even started tells customers the work is done.
    if (data.type === "maintenance") {
      throw new UsageError(
        `${found.id} is maintenance, not an incident; resolve would announce that its work is done.`,
        `When the work is done: \`${SITREP} complete ${found.id}\`.`,
      );
    }
    if (data.status === "resolved") {
      return nothingToDo(
        context,
        found,
        `${found.id} is already resolved`,
        "If it came back, declare a new incident and mention this one.",
      );
    }
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    const message = messageFlag(values) ?? "This incident has been resolved.";
    const recovered = allRecovered(data);
    const postmortemNeeded = needsPostmortem(data, context.config);
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: "Resolved",
      commitMessage: "Resolved",
      edit(doc) {
        appendUpdate(doc, { at, status: "resolved", body: message, components: recovered });
        setStatus(doc, "resolved");
        setMilestone(doc, "resolved_at", at);
        addTimelineEntry(doc, { at, event: "Resolved." });
      },
      notes: postmortemNeeded
        ? [
            `${data.severity} needs a postmortem within ${context.config.policies.postmortem_due_days} days: ${SITREP} postmortem ${found.id}`,
          ]
        : [],
    });
  },
});
