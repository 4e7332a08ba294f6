// `sitrep acknowledge <id>`: record that a responder acknowledged the incident (acknowledged_at).
import { authoringCommand } from "../authoring/authoring-command.ts";
import { timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { applyIncidentEdit, openIncident, recordedAlready, refuseMaintenance } from "../authoring/apply-incident-edit.ts";
import { checkHandle, str } from "../authoring/flags/flag-values.ts";
import { addTimelineEntry, setMilestone } from "../authoring/edits/incident-edits.ts";

export const command = authoringCommand({
  spec: {
    name: "acknowledge",
    summary: "Record that a responder acknowledged an incident.",
    usage: "sitrep acknowledge <id> [--at <time>] [--tz <zone>] [--by <handle>] [--json]",
    description:
      "Sets acknowledged_at (TTA = acknowledged − detected) and adds an entry to the internal timeline.\n" +
      "Times: RFC 3339 with an offset, `now` (default), or relative (-5m).",
    positionals: true,
    options: {
      at: timeOption("When the page was acknowledged (default: now)."),
      tz: tzOption(),
      by: { type: "string", valueName: "handle", description: "Who acknowledged (GitHub handle), for the timeline." },
    },
    examples: [
      "npx sitrep acknowledge 2026-11-22-checkout-errors",
      "npx sitrep acknowledge 2026-11-22-checkout-errors --at -5m --by ines-carvalho",
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "acknowledge", { maintenance: false });
    refuseMaintenance(found, "acknowledgement", "in_progress");
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    const again = recordedAlready(context, found, "acknowledged_at", at, values.at !== undefined);
    if (again) return again;
    const by = str(values.by) !== undefined ? checkHandle(str(values.by)!, "--by") : undefined;
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: "Recorded the acknowledgement of",
      commitMessage: "Acknowledged",
      edit(doc) {
        setMilestone(doc, "acknowledged_at", at);
        addTimelineEntry(doc, { at, event: by ? `${by} acknowledged the page.` : "Acknowledged." });
      },
    });
  },
});
