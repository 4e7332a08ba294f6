// `sitrep mitigate <id>`: record that customer impact stopped (mitigated_at), optionally with a public update.
import { UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { applyIncidentEdit, nothingToDo, openIncident, presentAuthoring } from "../authoring/edit-incident.ts";
import { checkStatus, str } from "../authoring/flag-values.ts";
import { addTimelineEntry, appendUpdate, currentImpacts, setMilestone, setStatus } from "../authoring/incident-edits.ts";
import { formatTime, parsePastTime } from "../authoring/time-input.ts";
import { AUTHORING_EXIT_CODES, type AuthoringResult } from "../authoring/authoring-result.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "mitigate",
    summary: "Record that customer impact stopped.",
    usage: "sitrep mitigate <id> [--at <time>] [--message <text>] [--status monitoring|identified] [--json]",
    description:
      "Sets mitigated_at (TTM = mitigated − started) and adds an entry to the internal timeline. With --message it\n" +
      "also posts a public update (status monitoring unless --status says otherwise) that marks every affected\n" +
      "component operational. The incident stays open until `sitrep resolve`.",
    positionals: true,
    options: {
      at: { type: "string", valueName: "time", description: "When customer impact stopped (default: now)." },
      message: { type: "string", short: "m", valueName: "text", description: "Also post this public update." },
      body: { type: "string", valueName: "text", aliasOf: "message", description: "Same as --message." },
      status: { type: "string", valueName: "status", description: "Status of that update: monitoring (default) or identified." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    exitCodes: AUTHORING_EXIT_CODES,
    examples: [
      "npx sitrep mitigate 2026-11-22-checkout-errors --at -10m",
      'npx sitrep mitigate 2026-11-22-checkout-errors --message "The rollback is complete and checkouts succeed again. We are monitoring."',
    ],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const { context, found } = await openIncident(positionals, { interactive, usage: command.spec.usage }, cwd, now, "mitigate", { maintenance: false });
    const data = found.data;
    if (data.type === "maintenance") throw new UsageError("Maintenance is planned; it has no mitigation.", `Use \`npx sitrep update ${found.id} --status verifying --message "…"\`.`);
    const at = parsePastTime(str(values.at) ?? "now", now, "--at");
    if (data.mitigated_at) {
      // A message must not vanish into a no-op: it is a public update, and `update` posts those.
      if (str(values.message) ?? str(values.body)) {
        throw new UsageError(`${found.id} was already mitigated at ${data.mitigated_at}, so there is no mitigation to announce.`, `Post the update with: npx sitrep update ${found.id} --message "…"`);
      }
      // Asking again is a no-op; asking for another time is a correction sitrep leaves to a person.
      if (values.at === undefined || Date.parse(at) === Date.parse(data.mitigated_at)) {
        return nothingToDo(context, found, `${found.id} was already mitigated at ${data.mitigated_at}`, "To correct the time, edit `mitigated_at` in the file.");
      }
      throw new UsageError(`${found.id} was already mitigated at ${data.mitigated_at}, not ${at}.`, "To correct the time, edit `mitigated_at` in the file.");
    }
    const message = str(values.message) ?? str(values.body);
    // Recording a forgotten mitigation time after resolution is fine; a public update is not.
    if (data.status === "resolved" && message !== undefined) {
      throw new UsageError(`${found.id} is already resolved, so --message would post an update after the final one.`, `Record only the time: npx sitrep mitigate ${found.id} --at <time>`);
    }
    const status = checkStatus(str(values.status) ?? "monitoring", ["monitoring", "identified"], "a mitigated incident");
    const recovered = Object.fromEntries(Object.keys(currentImpacts(data)).map((c) => [c, "operational" as const]));
    return applyIncidentEdit(context, found, cwd, {
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
      notes: message === undefined && data.status !== "resolved" ? [`Tell customers: npx sitrep update ${found.id} --status monitoring --message "…" -c <id>=operational`] : [],
    });
  },

  present: presentAuthoring,
};
