// `sitrep maintenance`: schedule a maintenance window (type maintenance, status scheduled).
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { writeNewRecord } from "../authoring/new-record.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { askMany, askText, requireFlags } from "../authoring/flags/ask.ts";
import { componentOptions } from "../authoring/flags/ask-components.ts";
import { checkComponentId, list, str } from "../authoring/flags/flag-values.ts";
import type { Config } from "../records/record-types.ts";
import { incidentPath, uniqueIncidentId } from "../authoring/edits/incident-id.ts";
import { joinNames, rolesFromFlags, ROLE_OPTIONS } from "../authoring/flags/incident-flags.ts";
import { loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { newIncidentText } from "../authoring/edits/scaffold-incident.ts";
import { SLUG, slugify } from "../authoring/edits/slug.ts";
import { formatTime } from "../authoring/flags/time-input.ts";
import { askWindow } from "../authoring/flags/window-flags.ts";
import { zonedMinute } from "../core/zoned-minute.ts";

export const command = authoringCommand({
  spec: {
    name: "maintenance",
    summary: "Schedule a maintenance window.",
    usage:
      "sitrep maintenance --title <title> --start <time> --end <time> --component <id>… [--message <text>] [--at <time>] [--tz <zone>] [--commander <handle>] [--tech-lead <handle>] [--communications <handle>] [--scribe <handle>] [--slug <slug>] [--internal] [--json]",
    description:
      "Writes incidents/<year>/<date>-<slug>.md with type maintenance, status scheduled, the window\n" +
      "(scheduled_start, scheduled_end) and the components under_maintenance, plus the first public update.\n" +
      "The date in the file name is the UTC date of --start. Move it along with\n" +
      "`sitrep update <id> --status in_progress|verifying` and finish with `sitrep resolve <id>` (status completed).",
    options: {
      title: { type: "string", short: "t", valueName: "title", description: 'What customers see, e.g. "Database upgrade".' },
      start: timeOption("Start of the window (RFC 3339 with an offset, or relative such as +2d)."),
      end: timeOption("End of the window."),
      component: { type: "string", short: "c", multiple: true, valueName: "id", description: "A component under maintenance." },
      ...messageOptions("The announcement (default: the window and components in words). Also used as the description."),
      at: timeOption("When the window was announced: the first update (default: now)."),
      tz: tzOption(),
      ...ROLE_OPTIONS,
      slug: { type: "string", valueName: "slug", description: "File name slug (default: from the title)." },
      internal: { type: "boolean", description: "Keep it off the public status page (visibility: internal)." },
    },
    examples: [
      'npx sitrep maintenance --title "Ledger database upgrade" --start 2026-12-01T01:00:00Z --end 2026-12-01T03:00:00Z --component payouts --component reporting',
      'npx sitrep maintenance -t "Card vault key rotation" --start 2026-12-03T02:00:00+01:00 --end 2026-12-03T02:30:00+01:00 -c card-vault -m "Saving new cards may fail for up to 5 minutes."',
    ],
  },

  async run({ values, cwd, now }, ask) {
    const context = loadRecordsContext(cwd, now);
    const { config } = context;
    const zone = zoneFlag(values, config);
    requireFlags(
      (["title", "start", "end", "component"] as const).filter((f) =>
        f === "component" ? list(values.component).length === 0 : str(values[f]) === undefined,
      ),
      ask,
      { component: `component ids: ${config.components.map((c) => c.id).join(", ")}` },
    );
    const title = (
      await askText(str(values.title), "title", ask, { message: "Title (what customers see)", placeholder: "e.g. Database upgrade" })
    ).trim();
    if (title.length > 200)
      throw new UsageError(`--title is ${title.length} characters; the limit is 200.`, "Keep the headline short; details go in --message.");
    const { start, end } = await askWindow(
      { start: str(values.start), end: str(values.end) },
      { now, zone, ask: ask },
      {
        startMessage: "Start of the window",
        endMessage: "End of the window",
        exampleDay: "2026-12-01",
        checkEnd: (time) => {
          if (Date.parse(time) <= now.getTime()) throw new UsageError(`--end: ${time} is already over (now is ${formatTime(now)}).`);
        },
      },
    );
    // A window that is over is history, not an announcement; a mistyped date or offset is likelier.
    if (Date.parse(end) <= now.getTime()) {
      throw new UsageError(
        `The window ${start} – ${end} is already over (now is ${formatTime(now)}), so it cannot be scheduled.`,
        "Check the date and the offset (Z is UTC). To record past maintenance, schedule it with the real times before it starts, or write the record by hand.",
      );
    }
    const postedAt = atFlag(values, now, zone);
    // Started already (announced late, or "starting now"): the record says so, not "scheduled".
    const status = Date.parse(start) <= Date.parse(postedAt) ? "in_progress" : "scheduled";
    const ids = (
      await askMany(list(values.component), "component", ask, {
        message: "Components under maintenance (space to pick, enter to confirm)",
        options: componentOptions(config),
      })
    ).map((id) => checkMaintenanceComponent(id, config));
    const components = Object.fromEntries(ids.map((id) => [id, "under_maintenance"]));
    const names = ids.map((id) => config.components.find((c) => c.id === id)?.name ?? id);
    const message =
      messageFlag(values) ??
      (status === "scheduled"
        ? `We will perform scheduled maintenance on ${joinNames(names)} from ${zonedMinute(start, config.site.timezone)} to ${zonedMinute(end, config.site.timezone)}.`
        : `Scheduled maintenance on ${joinNames(names)} is in progress until ${zonedMinute(end, config.site.timezone)}.`);

    const slug = str(values.slug) ?? slugify(title, "maintenance");
    if (!SLUG.test(slug))
      throw new UsageError(`--slug \`${slug}\` is not kebab-case.`, "Use lower-case letters, digits and single hyphens.");
    const taken = new Set(context.files.filter((f) => f.kind === "incident").map((f) => f.id));
    const id = uniqueIncidentId(start.slice(0, 10), slug, taken);
    const recordPath = incidentPath(id);
    const text = newIncidentText(
      {
        title,
        type: "maintenance",
        status,
        visibility: values.internal === true ? "internal" : undefined,
        components,
        scheduled_start: start,
        scheduled_end: end,
        roles: rolesFromFlags(values),
        updates: [{ at: postedAt, status, body: message }],
      },
      `${message}\n`,
    );
    return writeNewRecord(context, cwd, {
      kind: "incident",
      path: recordPath,
      text,
      summary: `${status === "scheduled" ? "Scheduled" : "Started"} maintenance ${id}`,
      branch: `maintenance/${id}`,
      commitMessage: `Schedule maintenance: ${title}`,
      commandsTitle: "Open the pull request (merging it announces the window):",
      notes: [
        ...timeNotes(
          values,
          [
            { flag: "start", time: start },
            { flag: "end", time: end },
            { flag: "at", time: postedAt },
          ],
          zone,
          now,
        ),
        status === "scheduled"
          ? `During the window: npx sitrep update ${id} --status in_progress --message "…"; afterwards: npx sitrep complete ${id}`
          : `The window has started, so the status is in_progress. Afterwards: npx sitrep complete ${id}`,
      ],
    });
  },
});

/** Maintenance takes component ids: every listed component is under_maintenance. */
function checkMaintenanceComponent(value: string, config: Config): string {
  if (value.includes("=")) {
    const id = value.slice(0, value.indexOf("="));
    throw new UsageError(
      `--component \`${value}\`: maintenance takes component ids, not <id>=<impact>.`,
      `Every component of a maintenance window is under_maintenance; write --component ${id}. For an outage, use \`sitrep declare\`.`,
    );
  }
  return checkComponentId(value, config);
}
