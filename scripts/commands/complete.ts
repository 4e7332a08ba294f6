// `sitrep complete <id>`: a maintenance window's work is done — the `completed` update, every
// component under maintenance back to operational. `resolve` is for incidents (ADR 0112): on a
// maintenance window it would tell customers the work is done before it has started.
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/apply-incident-edit.ts";
import { appendUpdate, allRecovered, setStatus } from "../authoring/edits/incident-edits.ts";

export const command = authoringCommand({
  spec: {
    name: "complete",
    summary: "Complete a maintenance window (its final update).",
    usage: "sitrep complete <id> [--message <text>] [--at <time>] [--tz <zone>] [--json]",
    description:
      "Posts the final public update of a maintenance window (status completed, every component under maintenance\n" +
      "operational) and sets status completed. Refused before the window has started (a wrong id or date is likelier).",
    positionals: true,
    options: {
      ...messageOptions('The final public update (default: "The scheduled maintenance has been completed.").'),
      at: timeOption("When the work was completed (default: now)."),
      tz: tzOption(),
    },
    examples: [
      "npx sitrep complete 2026-12-01-ledger-database-upgrade",
      'npx sitrep complete ledger --message "The upgrade is complete; payouts run normally."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "complete");
    const data = found.data;
    if (data.type !== "maintenance") {
      throw new UsageError(`${found.id} is an incident, not maintenance.`, `Resolve it with \`npx sitrep resolve ${found.id}\`.`);
    }
    if (data.status === "completed") return nothingToDo(context, found, `${found.id} is already completed`);
    if (data.status === "cancelled") {
      throw new UsageError(
        `${found.id} was cancelled: its work never began, so it cannot be completed.`,
        "If the work happened after all, schedule it as new maintenance (`npx sitrep maintenance …`); a cancelled window stays cancelled (decision 0115).",
      );
    }
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    if (data.scheduled_start && Date.parse(at) < Date.parse(data.scheduled_start)) {
      throw new UsageError(
        `${found.id}'s window starts at ${data.scheduled_start}, after ${at}: it cannot be completed before it starts.`,
        `Check the id and the date. To move the window, edit \`scheduled_start\` and \`scheduled_end\` and post an update (\`npx sitrep update ${found.id} --message "…"\`).`,
      );
    }
    const message = messageFlag(values) ?? "The scheduled maintenance has been completed.";
    const recovered = allRecovered(data);
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: "Completed maintenance",
      commitMessage: "Completed",
      edit(doc) {
        appendUpdate(doc, { at, status: "completed", body: message, components: recovered });
        setStatus(doc, "completed");
      },
    });
  },
});
