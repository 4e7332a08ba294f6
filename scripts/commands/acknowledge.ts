// `sitrep acknowledge <id>`: record that a responder acknowledged the incident (acknowledged_at).
import { UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { applyIncidentEdit, nothingToDo, openIncident, presentAuthoring } from "../authoring/edit-incident.ts";
import { checkHandle, str } from "../authoring/flag-values.ts";
import { addTimelineEntry, setMilestone } from "../authoring/incident-edits.ts";
import { parsePastTime } from "../authoring/time-input.ts";
import { AUTHORING_EXIT_CODES, type AuthoringResult } from "../authoring/authoring-result.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "acknowledge",
    summary: "Record that a responder acknowledged an incident.",
    usage: "sitrep acknowledge <id> [--at <time>] [--by <handle>] [--json]",
    description:
      "Sets acknowledged_at (TTA = acknowledged − detected) and adds an entry to the internal timeline.\n" +
      "Times: RFC 3339 with an offset, `now` (default), or relative (-5m).",
    positionals: true,
    options: {
      at: { type: "string", valueName: "time", description: "When the page was acknowledged (default: now)." },
      by: { type: "string", valueName: "handle", description: "Who acknowledged (GitHub handle), for the timeline." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    exitCodes: AUTHORING_EXIT_CODES,
    examples: ["npx sitrep acknowledge 2026-11-22-checkout-errors", "npx sitrep acknowledge 2026-11-22-checkout-errors --at -5m --by ines-carvalho"],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const { context, found } = await openIncident(positionals, { interactive, usage: command.spec.usage }, cwd, now, "acknowledge", { maintenance: false });
    const data = found.data;
    if (data.type === "maintenance") throw new UsageError("Maintenance is planned; it has no acknowledgement.", `Use \`npx sitrep update ${found.id} --status in_progress --message "…"\`.`);
    const at = parsePastTime(str(values.at) ?? "now", now, "--at");
    if (data.acknowledged_at) {
      // Asking again is a no-op; asking for another time is a correction sitrep leaves to a person.
      if (values.at === undefined || Date.parse(at) === Date.parse(data.acknowledged_at)) {
        return nothingToDo(context, found, `${found.id} was already acknowledged at ${data.acknowledged_at}`, "To correct the time, edit `acknowledged_at` in the file.");
      }
      throw new UsageError(`${found.id} was already acknowledged at ${data.acknowledged_at}, not ${at}.`, "To correct the time, edit `acknowledged_at` in the file.");
    }
    const by = str(values.by) !== undefined ? checkHandle(str(values.by)!, "--by") : undefined;
    return applyIncidentEdit(context, found, cwd, {
      verb: "Recorded the acknowledgement of",
      commitMessage: "Acknowledged",
      edit(doc) {
        setMilestone(doc, "acknowledged_at", at);
        addTimelineEntry(doc, { at, event: by ? `${by} acknowledged the page.` : "Acknowledged." });
      },
    });
  },

  present: presentAuthoring,
};
