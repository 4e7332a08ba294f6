// `sitrep reschedule <id> --start … --end …`: a maintenance window moves (decision 0115). The id
// stays (the file keeps its name; `first_scheduled_start` keeps the date it is named after),
// `scheduled_start`/`scheduled_end` change, and a public update says where the window went in the
// site's zone. The calendar event keeps its UID and gets a higher SEQUENCE (one more update).
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { requireFlags } from "../authoring/flags/ask.ts";
import { str } from "../authoring/flags/flag-values.ts";
import { formatTime } from "../authoring/flags/time-input.ts";
import { askWindow } from "../authoring/flags/window-flags.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/apply-incident-edit.ts";
import { appendUpdate, moveWindow } from "../authoring/edits/incident-edits.ts";
import { zonedMinute } from "../core/zoned-minute.ts";

export const command = authoringCommand({
  spec: {
    name: "reschedule",
    summary: "Move a maintenance window that has not begun to another time.",
    usage: "sitrep reschedule <id> --start <time> --end <time> [--message <text>] [--at <time>] [--tz <zone>] [--json]",
    description:
      "Sets the new scheduled_start and scheduled_end of a maintenance window and posts a public update\n" +
      '("Rescheduled to …", in the site\'s time zone). The id does not change: the first move records the\n' +
      "window first announced in first_scheduled_start, whose date the file name keeps. Refused once the work\n" +
      "began (an update says in_progress or verifying) and for completed or cancelled maintenance.",
    positionals: true,
    options: {
      start: timeOption("New start of the window (`tomorrow 01:00` in the site's zone, +2d, or RFC 3339 with an offset)."),
      end: timeOption("New end of the window."),
      ...messageOptions('The public update (default: "Rescheduled to <new window> (was <old window>).").'),
      at: timeOption("When it was rescheduled: the update's time (default: now)."),
      tz: tzOption(),
    },
    examples: [
      "npx sitrep reschedule ledger --start 2026-12-08T01:00:00Z --end 2026-12-08T03:00:00Z",
      'npx sitrep reschedule 2026-12-01-ledger-database-upgrade --start "tomorrow 01:00" --end "tomorrow 03:00" --message "Moved by a day to avoid the month-end run."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "reschedule", { maintenance: true, maintenanceOnly: true });
    const data = found.data;
    if (data.type !== "maintenance") {
      throw new UsageError(
        `${found.id} is an incident, not maintenance: only a maintenance window is rescheduled.`,
        `Post an update instead: \`npx sitrep update ${found.id} --message "…"\`.`,
      );
    }
    if (data.status === "completed" || data.status === "cancelled") {
      throw new UsageError(
        `${found.id} is ${data.status}: there is no window left to move.`,
        "Schedule the work again as new maintenance (`npx sitrep maintenance …`).",
      );
    }
    const began = data.updates.find((u) => u.status === "in_progress" || u.status === "verifying");
    if (began !== undefined) {
      throw new UsageError(
        `${found.id} says \`${began.status}\` since ${began.at}: a window whose work began is not rescheduled.`,
        `To run longer, edit \`scheduled_end\` and say so in an update (\`npx sitrep update ${found.id} --message "…"\`); to stop, \`npx sitrep complete ${found.id}\`.`,
      );
    }
    const { config } = context;
    const zone = zoneFlag(values, config);
    requireFlags(
      (["start", "end"] as const).filter((f) => str(values[f]) === undefined),
      ask,
    );
    const { start, end } = await askWindow(
      { start: str(values.start), end: str(values.end) },
      { now, zone, ask: ask },
      { startMessage: "New start of the window", endMessage: "New end of the window", exampleDay: "2026-12-08" },
    );
    // A window moved into the past is a mistyped date or offset, or work that already began.
    if (Date.parse(start) <= now.getTime()) {
      throw new UsageError(
        `--start (${start}) is not after now (${formatTime(now)}): a window is moved to a time still to come.`,
        `Check the date and the offset (Z is UTC). If the work is starting now, \`npx sitrep update ${found.id} --status in_progress --message "…"\`.`,
      );
    }
    const oldStart = data.scheduled_start as string;
    const oldEnd = data.scheduled_end as string;
    if (Date.parse(start) === Date.parse(oldStart) && Date.parse(end) === Date.parse(oldEnd)) {
      return nothingToDo(context, found, `${found.id} is already scheduled for ${start} – ${end}`);
    }
    const siteZone = config.site.timezone ?? "UTC";
    const span = (from: string, to: string) => `${zonedMinute(from, siteZone)} – ${zonedMinute(to, siteZone)}`;
    const message = messageFlag(values) ?? `Rescheduled to ${span(start, end)} (was ${span(oldStart, oldEnd)}).`;
    const at = atFlag(values, now, zone);
    // The description often names the window in words; the command does not rewrite prose.
    const description = /^---\r?\n[\s\S]*?\r?\n---\r?\n([\s\S]*)$/.exec(found.text)?.[1] ?? "";
    const stale = [oldStart, oldEnd].some((t) => description.includes(zonedMinute(t, siteZone)));
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(
        values,
        [
          { flag: "start", time: start },
          { flag: "end", time: end },
          { flag: "at", time: at },
        ],
        zone,
        now,
      ),
      verb: "Rescheduled maintenance",
      commitMessage: "Rescheduled maintenance",
      notes: [
        `The id stays ${found.id}${data.first_scheduled_start ? "" : `; first_scheduled_start keeps ${oldStart}, the date the file is named after`}.`,
        ...(stale ? [`The description of ${found.id} still names the old window; edit the text under the front matter.`] : []),
      ],
      edit(doc) {
        moveWindow(doc, { start, end, firstStart: oldStart });
        appendUpdate(doc, { at, status: "scheduled", body: message });
      },
    });
  },
});
