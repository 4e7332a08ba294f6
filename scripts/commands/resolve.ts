// `sitrep resolve <id>`: the final update, resolved_at, and every affected component back to operational.
import type { Command } from "../cli/command.ts";
import { applyIncidentEdit, nothingToDo, openIncident, presentAuthoring } from "../authoring/edit-incident.ts";
import { str } from "../authoring/flag-values.ts";
import { needsPostmortem } from "../model/postmortem-policy.ts";
import { addTimelineEntry, appendUpdate, currentImpacts, setMilestone, setStatus } from "../authoring/incident-edits.ts";
import { parsePastTime } from "../authoring/time-input.ts";
import { AUTHORING_EXIT_CODES, type AuthoringResult } from "../authoring/authoring-result.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "resolve",
    summary: "Resolve an incident.",
    usage: "sitrep resolve <id> [--message <text>] [--at <time>] [--json]",
    description:
      "Adds the final public update (status resolved, every affected component operational), sets status and\n" +
      "resolved_at, and a timeline entry. For maintenance it posts the `completed` update instead (no resolved_at).\n" +
      "Severities with postmortem_required need a postmortem within policies.postmortem_due_days: `sitrep postmortem <id>`.",
    positionals: true,
    options: {
      message: { type: "string", short: "m", valueName: "text", description: "The final public update (default: \"This incident has been resolved.\")." },
      body: { type: "string", valueName: "text", aliasOf: "message", description: "Same as --message." },
      at: { type: "string", valueName: "time", description: "When it was resolved (default: now)." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    exitCodes: AUTHORING_EXIT_CODES,
    examples: [
      "npx sitrep resolve 2026-11-22-checkout-errors",
      'npx sitrep resolve 2026-11-22-checkout-errors --at -5m --message "Checkouts have worked normally for an hour. This incident is resolved."',
    ],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const { context, found } = await openIncident(positionals, { interactive, usage: command.spec.usage }, cwd, now, "resolve");
    const data = found.data;
    const maintenance = data.type === "maintenance";
    const finalStatus = maintenance ? "completed" : "resolved";
    if (data.status === finalStatus) {
      return nothingToDo(context, found, `${found.id} is already ${finalStatus}`, maintenance ? undefined : "If it came back, declare a new incident and mention this one.");
    }
    const at = parsePastTime(str(values.at) ?? "now", now, "--at");
    const message = str(values.message) ?? str(values.body) ?? (maintenance ? "The scheduled maintenance has been completed." : "This incident has been resolved.");
    const recovered = Object.fromEntries(Object.keys(currentImpacts(data)).map((c) => [c, "operational" as const]));
    const postmortemNeeded = needsPostmortem(data, context.config);
    return applyIncidentEdit(context, found, cwd, {
      verb: maintenance ? "Completed maintenance" : "Resolved",
      commitMessage: maintenance ? "Completed" : "Resolved",
      edit(doc) {
        appendUpdate(doc, { at, status: finalStatus, body: message, components: recovered });
        setStatus(doc, finalStatus);
        if (!maintenance) {
          setMilestone(doc, "resolved_at", at);
          addTimelineEntry(doc, { at, event: "Resolved." });
        }
      },
      notes: postmortemNeeded
        ? [`${data.severity} needs a postmortem within ${context.config.policies.postmortem_due_days} days: npx sitrep postmortem ${found.id}`]
        : [],
    });
  },

  present: presentAuthoring,
};
