// `sitrep mitigate <id>`: record that customer impact stopped (mitigated_at), optionally with a public update.
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { applyIncidentEdit, openIncident, recordedAlready, refuseMaintenance } from "../authoring/apply-incident-edit.ts";
import { checkStatus, str } from "../authoring/flags/flag-values.ts";
import { addTimelineEntry, appendUpdate, allRecovered, setMilestone, setStatus } from "../authoring/edits/incident-edits.ts";
import { formatTime } from "../authoring/flags/time-input.ts";
import { SITREP } from "../core/run-sitrep.ts";

export const command = authoringCommand({
  spec: {
    name: "mitigate",
    summary: "Record that customer impact stopped.",
    usage: "sitrep mitigate [<id>] [--at <time>] [--tz <zone>] [--message <text>] [--status monitoring|identified] [--json]",
    description:
      "Sets mitigated_at (TTM = mitigated − started) and adds an entry to the internal timeline. With --message it\n" +
      "also posts a public update (status monitoring unless --status says otherwise) that marks every affected\n" +
      "component operational. The incident stays open until `sitrep resolve`.",
    positionals: true,
    options: {
      at: timeOption("When customer impact stopped (default: now)."),
      tz: tzOption(),
      ...messageOptions("Also post this public update."),
      status: { type: "string", valueName: "status", description: "Status of that update: monitoring (default) or identified." },
    },
    examples: [
      "npx sitrep mitigate 2026-11-22-checkout-errors --at -10m",
      'npx sitrep mitigate 2026-11-22-checkout-errors --message "The rollback is complete and checkouts succeed again. We are monitoring."',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "mitigate", { maintenance: false, single: true });
    const data = found.data;
    refuseMaintenance(found, "mitigation", "verifying");
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    const message = messageFlag(values);
    // A message must not vanish into a no-op: it is a public update, and `update` posts those.
    if (data.mitigated_at && message) {
      throw new UsageError(
        `${found.id} was already mitigated at ${data.mitigated_at}, so there is no mitigation to announce.`,
        `Post the update with: ${SITREP} update ${found.id} --message "…"`,
      );
    }
    const again = recordedAlready(context, found, "mitigated_at", at, values.at !== undefined);
    if (again) return again;
    // Recording a forgotten mitigation time after resolution is fine; a public update is not.
    if (data.status === "resolved" && message !== undefined) {
      throw new UsageError(
        `${found.id} is already resolved, so --message would post an update after the final one.`,
        `Record only the time: ${SITREP} mitigate ${found.id} --at <time>`,
      );
    }
    const status = checkStatus(str(values.status) ?? "monitoring", ["monitoring", "identified"], "a mitigated incident");
    const recovered = allRecovered(data);
    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: "Recorded the mitigation of",
      commitMessage: "Mitigated",
      edit(doc) {
        setMilestone(doc, "mitigated_at", at);
        if (message !== undefined) {
          appendUpdate(doc, { at: formatTime(now), status, body: message, components: recovered });
          setStatus(doc, status);
        }
        addTimelineEntry(doc, { at, event: "Mitigated: customer impact stopped." });
      },
      notes:
        message === undefined && data.status !== "resolved"
          ? [`Tell customers: ${SITREP} update ${found.id} --status monitoring --message "…" -c <id>=operational`]
          : [],
    });
  },
});
