// `sitrep maintenance`: schedule a maintenance window (type maintenance, status scheduled).
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { askList, askText } from "../authoring/ask.ts";
import { commitChanges } from "../authoring/commit-changes.ts";
import { checkComponentId, list, str } from "../authoring/flag-values.ts";
import { incidentPath, uniqueIncidentId } from "../authoring/incident-id.ts";
import { joinNames, rolesFromFlags, ROLE_OPTIONS } from "../authoring/incident-flags.ts";
import { newPullRequestCommands } from "../authoring/next-steps.ts";
import { openRecords } from "../authoring/open-records.ts";
import { newIncidentText } from "../authoring/scaffold-incident.ts";
import { SLUG, slugify } from "../authoring/slug.ts";
import { formatTime, parseTimeInput } from "../authoring/time-input.ts";
import { utcMinute } from "../authoring/durations.ts";
import { presentAuthoring, writtenRecord, type AuthoringResult } from "../authoring/authoring-result.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "maintenance",
    summary: "Schedule a maintenance window.",
    usage: "sitrep maintenance --title <title> --start <time> --end <time> --component <id>… [--message <text>] [--json]",
    description:
      "Writes incidents/<year>/<date>-<slug>.md with type maintenance, status scheduled, the window\n" +
      "(scheduled_start, scheduled_end) and the components under_maintenance, plus the first public update.\n" +
      "The date in the file name is the UTC date of --start. Move it along with\n" +
      "`sitrep update <id> --status in_progress|verifying` and finish with `sitrep resolve <id>` (status completed).",
    options: {
      title: { type: "string", short: "t", valueName: "title", description: "What customers see, e.g. \"Database upgrade\"." },
      start: { type: "string", valueName: "time", description: "Start of the window (RFC 3339 with an offset, or relative such as +2d)." },
      end: { type: "string", valueName: "time", description: "End of the window." },
      component: { type: "string", short: "c", multiple: true, valueName: "id", description: "A component under maintenance." },
      message: { type: "string", short: "m", valueName: "text", description: "The announcement (default: the window and components in words). Also used as the description." },
      body: { type: "string", valueName: "text", description: "Same as --message." },
      ...ROLE_OPTIONS,
      slug: { type: "string", valueName: "slug", description: "File name slug (default: from the title)." },
      internal: { type: "boolean", description: "Keep it off the public status page (visibility: internal)." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    examples: [
      'npx sitrep maintenance --title "Ledger database upgrade" --start 2026-12-01T01:00:00Z --end 2026-12-01T03:00:00Z --component payouts --component reporting',
      'npx sitrep maintenance -t "Card vault key rotation" --start 2026-12-03T02:00:00+01:00 --end 2026-12-03T02:30:00+01:00 -c card-vault -m "Saving new cards may fail for up to 5 minutes."',
    ],
  },

  async run({ values, cwd, now, interactive }) {
    const context = openRecords(cwd, now);
    const { config } = context;
    const ask = { interactive, usage: command.spec.usage };
    const title = (await askText(str(values.title), "title", ask, { message: "Title (what customers see, e.g. \"Database upgrade\")" })).trim();
    if (title.length > 200) throw new UsageError(`--title is ${title.length} characters; the limit is 200.`, "Keep the headline short; details go in --message.");
    const start = parseTimeInput(await askText(str(values.start), "start", ask, { message: "Start of the window (e.g. 2026-12-01T01:00:00Z)" }), now, "--start");
    const end = parseTimeInput(await askText(str(values.end), "end", ask, { message: "End of the window (e.g. 2026-12-01T03:00:00Z)" }), now, "--end");
    if (Date.parse(end) <= Date.parse(start)) throw new UsageError(`--end (${end}) is not after --start (${start}).`, "Check the times and their offsets.");
    const ids = (await askList(list(values.component), "component", ask, { message: "Components under maintenance (ids, comma-separated)", placeholder: config.components[0]?.id })).map((id) => checkComponentId(id, config));
    const components = Object.fromEntries(ids.map((id) => [id, "under_maintenance"]));
    const names = ids.map((id) => config.components.find((c) => c.id === id)?.name ?? id);
    const message = str(values.message) ?? str(values.body)
      ?? `We will perform scheduled maintenance on ${joinNames(names)} from ${utcMinute(start)} UTC to ${utcMinute(end)} UTC.`;

    const slug = str(values.slug) ?? slugify(title, "maintenance");
    if (!SLUG.test(slug)) throw new UsageError(`--slug \`${slug}\` is not kebab-case.`, "Use lower-case letters, digits and single hyphens.");
    const taken = new Set(context.files.filter((f) => f.kind === "incident").map((f) => f.id));
    const id = uniqueIncidentId(start.slice(0, 10), slug, taken);
    const recordPath = incidentPath(id);
    const text = newIncidentText({
      title, type: "maintenance", status: "scheduled", visibility: values.internal === true ? "internal" : undefined, components,
      scheduled_start: start, scheduled_end: end, roles: rolesFromFlags(values),
      updates: [{ at: formatTime(now), status: "scheduled", body: message }],
    }, `${message}\n`);
    const { warnings, after } = commitChanges(context, [{ path: recordPath, text }], recordPath);
    const shown = path.relative(cwd, path.join(context.root, recordPath)) || recordPath;
    return {
      summary: `Scheduled maintenance ${id}`,
      root: context.root,
      written: [writtenRecord(after.repository, "incident", recordPath)],
      removed: [],
      warnings,
      commandsTitle: "Open the pull request (merging it announces the window):",
      commands: newPullRequestCommands(`maintenance/${id}`, [shown], `Schedule maintenance: ${title}`),
      notes: [`During the window: npx sitrep update ${id} --status in_progress --message "…"; afterwards: npx sitrep resolve ${id}`],
    };
  },

  present: presentAuthoring,
};
