// `sitrep update <id>`: post a public status update (and component changes) to an incident.
import { UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { askText } from "../authoring/ask.ts";
import { applyIncidentEdit, openIncident, presentAuthoring } from "../authoring/edit-incident.ts";
import { checkStatus, INCIDENT_STATUSES, list, MAINTENANCE_STATUSES, parseComponentImpacts, str, UPDATE_IMPACTS, worseImpact } from "../authoring/flag-values.ts";
import { appendUpdate, currentImpacts, raiseComponentImpacts, setStatus } from "../authoring/incident-edits.ts";
import { parsePastTime } from "../authoring/time-input.ts";
import type { AuthoringResult } from "../authoring/authoring-result.ts";
import type { ComponentImpact } from "../records/model.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "update",
    summary: "Post a status update to an incident.",
    usage: "sitrep update <id> --message <text> [--status <status>] [--component <id>=<impact>]… [--at <time>] [--json]",
    description:
      "Appends a public update {at, status, body, components} to the incident and sets its status; the rest of the\n" +
      "file (comments, order, body) is left as it was. --component changes a component's impact from this update on\n" +
      "(operational marks it recovered); the update carries the full map. To resolve, use `sitrep resolve`.\n" +
      "Statuses: investigating, identified, monitoring (maintenance: scheduled, in_progress, verifying, completed).",
    positionals: true,
    options: {
      message: { type: "string", short: "m", valueName: "text", description: "The public update (Markdown)." },
      body: { type: "string", valueName: "text", description: "Same as --message." },
      status: { type: "string", short: "s", valueName: "status", description: "Status as of this update (default: unchanged)." },
      component: { type: "string", short: "c", multiple: true, valueName: "id=impact", description: "Component impact from now on, e.g. checkout-api=operational." },
      at: { type: "string", valueName: "time", description: "When the update was posted (default: now)." },
      json: { type: "boolean", description: "Print what was written as JSON: {path, id, record}." },
    },
    examples: [
      'npx sitrep update 2026-11-22-checkout-errors --status identified --message "A bad deploy causes the errors; we are rolling it back."',
      'npx sitrep update 2026-11-22-checkout-errors -m "Errors are down; webhooks are delayed." -c checkout-api=degraded_performance -c webhooks=partial_outage',
    ],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const ask = { interactive, usage: command.spec.usage };
    const { context, found } = await openIncident(positionals, ask, cwd, now, "update");
    const data = found.data;
    const maintenance = data.type === "maintenance";
    const allowed = maintenance ? MAINTENANCE_STATUSES : INCIDENT_STATUSES.filter((s) => s !== "resolved");
    const requested = str(values.status) ?? data.status;
    if (!maintenance && data.status === "resolved") {
      throw new UsageError(`${found.id} is already resolved.`, "If it came back, declare a new incident and mention this one; a resolved incident keeps its record.");
    }
    if (!maintenance && requested === "resolved") {
      throw new UsageError("`update` does not resolve incidents.", `Run \`npx sitrep resolve ${found.id} --message "…"\`: it also sets resolved_at and marks the components operational.`);
    }
    const status = checkStatus(requested, allowed, maintenance ? "maintenance" : "an incident");
    const message = str(values.message) ?? str(values.body) ?? await askText(undefined, "message", ask, { message: "Public update (what customers see)" });
    const at = parsePastTime(str(values.at) ?? "now", now, "--at");
    const changed = parseComponentImpacts(list(values.component), context.config, UPDATE_IMPACTS);
    const components = Object.keys(changed).length > 0 ? { ...currentImpacts(data), ...changed } : undefined;
    const raised = Object.fromEntries(Object.entries(changed).filter(([, impact]) => impact !== "operational")) as Record<string, ComponentImpact>;

    return applyIncidentEdit(context, found, cwd, {
      verb: `Posted an update (${status}) to`,
      commitMessage: `Update: ${status}`,
      edit(doc) {
        appendUpdate(doc, { at, status, body: message, components });
        setStatus(doc, status);
        raiseComponentImpacts(doc, raised, worseImpact);
      },
    });
  },

  present: presentAuthoring,
};
