// `sitrep cancel <id>`: a maintenance window called off before its work began (decision 0115) —
// the `cancelled` update, its components operational. The page shows it cancelled, it leaves the
// upcoming list and the calendar strikes it out; it never counts as impact. Work that began is
// ended with `complete`, not cancelled.
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/apply-incident-edit.ts";
import { appendUpdate, allRecovered, setStatus } from "../authoring/edits/incident-edits.ts";
import { zonedMinute } from "../core/zoned-minute.ts";

export const command = authoringCommand({
  spec: {
    name: "cancel",
    summary: "Cancel a maintenance window that has not begun.",
    usage: "sitrep cancel <id> [--message <text>] [--at <time>] [--tz <zone>] [--json]",
    description:
      "Posts the final public update of a maintenance window whose work never began (status cancelled, its\n" +
      "components operational) and sets status cancelled. It leaves the upcoming list, the calendar event is\n" +
      "marked cancelled, and it never counts as impact. Refused once an update says the work began: use `complete`.",
    positionals: true,
    options: {
      ...messageOptions('The public update (default: "The maintenance scheduled for <window> has been cancelled.").'),
      at: timeOption("When it was cancelled (default: now)."),
      tz: tzOption(),
    },
    examples: [
      "npx sitrep cancel 2026-12-01-ledger-database-upgrade",
      'npx sitrep cancel ledger --message "The upgrade is postponed until the new year; nothing changes for now."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "cancel", { maintenance: true, maintenanceOnly: true });
    const data = found.data;
    if (data.type !== "maintenance") {
      throw new UsageError(
        `${found.id} is an incident, not maintenance: an incident is not cancelled.`,
        `Resolve it with \`npx sitrep resolve ${found.id}\`.`,
      );
    }
    if (data.status === "cancelled") return nothingToDo(context, found, `${found.id} is already cancelled`);
    const began = data.updates.find((u) => u.status === "in_progress" || u.status === "verifying" || u.status === "completed");
    if (began !== undefined) {
      throw new UsageError(
        `${found.id} says \`${began.status}\` since ${began.at}: work that began is not cancelled.`,
        `End it with \`npx sitrep complete ${found.id} --message "…"\`, saying what was and was not done.`,
      );
    }
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    const siteZone = context.config.site.timezone ?? "UTC";
    const window =
      data.scheduled_start && data.scheduled_end
        ? ` for ${zonedMinute(data.scheduled_start, siteZone)} – ${zonedMinute(data.scheduled_end, siteZone)}`
        : "";
    const message = messageFlag(values) ?? `The maintenance scheduled${window} has been cancelled.`;
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: "Cancelled maintenance",
      commitMessage: "Cancelled maintenance",
      edit(doc) {
        appendUpdate(doc, { at, status: "cancelled", body: message, components: allRecovered(data) });
        setStatus(doc, "cancelled");
      },
    });
  },
});
