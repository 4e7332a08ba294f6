// `sitrep update <id>`: post a public status update (and component changes) to an incident, and
// change what the response learns later: severity, title, roles. Each change is also noted in
// the internal timeline, so the record says who decided what, when.
import { UsageError } from "../errors.ts";
import { updateTitle } from "../authoring/edits/commit-title.ts";
import { correctUpdate } from "../authoring/edits/correct-update.ts";
import { formatTime, parseTimeInput } from "../authoring/flags/time-input.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { askChoice, askText } from "../authoring/flags/ask.ts";
import { applyIncidentEdit, nothingToDo, openIncident } from "../authoring/apply-incident-edit.ts";
import {
  checkSeverity,
  checkStatus,
  list,
  parseComponentImpacts,
  str,
  UPDATE_IMPACTS,
  worseImpact,
} from "../authoring/flags/flag-values.ts";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "../model/vocabulary.ts";
import {
  addTimelineEntry,
  currentImpacts,
  insertUpdate,
  raiseComponentImpacts,
  setField,
  setRole,
  setStatus,
} from "../authoring/edits/incident-edits.ts";
import { ROLE_OPTIONS, ROLES, rolesFromFlags } from "../authoring/flags/incident-flags.ts";
import type { ComponentImpact } from "../records/record-types.ts";
import { SITREP } from "../core/run-sitrep.ts";

export const command = authoringCommand({
  spec: {
    name: "update",
    summary: "Post a status update to an incident, or change its severity, title or roles.",
    usage:
      "sitrep update [<id>] [--message <text>] [--status <status>] [--component <id>=<impact>]… [--severity <id>] [--title <title>] [--commander <handle>] [--tech-lead <handle>] [--communications <handle>] [--scribe <handle>] [--at <time>] [--tz <zone>] [--amend | --retract] [--json]",
    description:
      "Posts a public update {at, status, body, components} and sets the incident's status; the rest of the file\n" +
      "(comments, order, body) is left as it was. An update dated before the last one (--at) is inserted at its\n" +
      "place in time and leaves the status as the latest update says. --component changes a component's impact\n" +
      "from this update on (operational marks it recovered); the update carries the full map.\n" +
      "--severity, --title and the role flags change the incident and add a line to the internal timeline\n" +
      '("Severity SEV3 → SEV2."); they need no public --message. To resolve, use `sitrep resolve`.\n' +
      "--amend replaces the text of the latest update (or the one --at names) with --message; --retract removes it;\n" +
      "either leaves a line with the old text in the internal timeline. On a resolved incident, an update you forgot\n" +
      "goes in with --at (before the final update).\n" +
      "Statuses: investigating, identified, monitoring (maintenance: scheduled, in_progress, verifying, completed;\n" +
      "`sitrep cancel` and `sitrep reschedule` call a window off or move it).",
    positionals: true,
    options: {
      ...messageOptions("The public update (Markdown). Needed with --status or --component."),
      status: { type: "string", valueName: "status", description: "Status as of this update (default: unchanged)." },
      component: {
        type: "string",
        short: "c",
        multiple: true,
        valueName: "id=impact",
        description: "Component impact from now on, e.g. checkout-api=operational.",
      },
      severity: { type: "string", short: "s", valueName: "id", description: "New severity, e.g. SEV2 (noted in the timeline)." },
      title: { type: "string", short: "t", valueName: "title", description: "New customer-facing title (noted in the timeline)." },
      ...ROLE_OPTIONS,
      at: timeOption("When this happened (default: now)."),
      tz: tzOption(),
      amend: { type: "boolean", description: "Correct the text of the latest update (or the one at --at) with --message." },
      retract: { type: "boolean", description: "Take back the latest update (or the one at --at)." },
    },
    examples: [
      'npx sitrep update 2026-11-22-checkout-errors --status identified --message "A bad deploy causes the errors; we are rolling it back."',
      'npx sitrep update 2026-11-22-checkout-errors -m "Errors are down; webhooks are delayed." -c checkout-api=degraded_performance -c webhooks=partial_outage',
      "npx sitrep update 2026-11-22-checkout-errors --severity SEV3 --commander akin-b",
      'npx sitrep update checkout-errors --amend --message "Card payments fail for some merchants in the EU."',
      "npx sitrep update checkout-errors --retract --at 02:40",
    ],
  },

  async run({ values, positionals, cwd, now, interactive }, ask) {
    const { context, found } = await openIncident(positionals, ask, cwd, now, "update", { maintenance: true, single: true });
    const data = found.data;
    const maintenance = data.type === "maintenance";
    // `cancel` checks that the work never began and posts the cancellation (decision 0115).
    const allowed = maintenance ? MAINTENANCE_STATUSES.filter((s) => s !== "cancelled") : INCIDENT_STATUSES.filter((s) => s !== "resolved");
    const requested = str(values.status);
    if (values.amend === true || values.retract === true) {
      if (values.amend === true && values.retract === true)
        throw new UsageError("--amend and --retract cannot be combined.", "Amend to correct an update's text; retract to take it back.");
      const zone = zoneFlag(values, context.config);
      const which = str(values.at) === undefined ? undefined : parseTimeInput(str(values.at)!, now, "--at", zone);
      return correctUpdate(context, found, cwd, {
        kind: values.amend === true ? "amend" : "retract",
        which,
        body: messageFlag(values),
        now: formatTime(now),
        echo: [],
      });
    }
    // A resolved incident takes an update only with --at, before its final update (one that was forgotten).
    const lastAt = data.updates.at(-1)?.at;
    const forgotten = str(values.at) !== undefined && lastAt !== undefined;
    if (!maintenance && data.status === "resolved" && !forgotten) {
      throw new UsageError(
        `${found.id} is already resolved.`,
        "If it came back, declare a new incident and mention this one. An update you forgot goes in with --at (before the final update).",
      );
    }
    if (!maintenance && requested?.toLowerCase() === "resolved") {
      throw new UsageError(
        "`update` does not resolve incidents.",
        `Run \`${SITREP} resolve ${found.id} --message "…"\`: it also sets resolved_at and marks the components operational.`,
      );
    }
    if (maintenance && requested?.toLowerCase() === "cancelled") {
      throw new UsageError(
        "`update` does not cancel maintenance.",
        `Run \`npx sitrep cancel ${found.id} --message "…"\`: it checks that the work never began and marks the components operational.`,
      );
    }
    const chosen = requested === undefined ? data.status : checkStatus(requested, allowed, maintenance ? "maintenance" : "an incident");
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    if (!maintenance && data.status === "resolved" && lastAt !== undefined && Date.parse(at) >= Date.parse(lastAt)) {
      throw new UsageError(
        `${found.id} was resolved at ${lastAt}; an update at ${at} would come after the final one.`,
        "Give --at a time before the final update, or declare a new incident if it came back.",
      );
    }
    const changed = parseComponentImpacts(list(values.component), context.config, UPDATE_IMPACTS);
    const severity = str(values.severity) === undefined ? undefined : checkSeverity(str(values.severity)!, context.config);
    if (severity !== undefined && maintenance)
      throw new UsageError("Maintenance has no severity.", "Leave --severity out; change the window or components by editing the file.");
    const title = str(values.title)?.trim();
    if (title !== undefined && (title.length === 0 || title.length > 200))
      throw new UsageError(
        `--title is ${title.length} characters; it takes 1 to 200.`,
        "Describe the symptom in a short headline; details go in --message.",
      );
    const roles = rolesFromFlags(values);

    // Facts about the incident: each one that differs from the file becomes a timeline line.
    const notes: string[] = [];
    if (severity !== undefined && severity !== data.severity) notes.push(`Severity ${data.severity ?? "none"} → ${severity}.`);
    if (title !== undefined && title !== data.title) notes.push(`Title changed from “${data.title}” to “${title}”.`);
    for (const [flag, key] of ROLES) {
      const handle = roles[key];
      const before = data.roles?.[key];
      if (handle !== undefined && handle !== before) notes.push(`${handle} is now ${roleName(flag)}${before ? ` (was ${before})` : ""}.`);
    }
    // A public update is the point of `update`, unless the call only changes the facts above.
    const factsOnly =
      requested === undefined &&
      Object.keys(changed).length === 0 &&
      (severity !== undefined || title !== undefined || Object.keys(roles).length > 0);
    const given = messageFlag(values);
    // On a terminal, a public update without --status offers the statuses, the current one first.
    const status =
      requested === undefined && given === undefined && !factsOnly && interactive
        ? await askChoice(undefined, "status", ask, {
            message: "Status as of this update",
            options: allowed.map((s) => ({ value: s, label: s, hint: s === data.status ? "current" : undefined })),
            initialValue: data.status,
          })
        : chosen;
    const message =
      given ??
      (factsOnly
        ? undefined
        : await askText(undefined, "message", ask, {
            message: "Public update (what customers see)",
            placeholder: "what customers experience, what you are doing, when the next update comes",
          }));
    if (message === undefined && notes.length === 0) {
      return nothingToDo(context, found, "the severity, title and roles given are what the file already says");
    }

    return applyIncidentEdit(context, found, cwd, {
      echo: timeNotes(values, [{ flag: "at", time: at }], zone, now),
      verb: message !== undefined ? `Posted an update (${status}) to` : "Updated",
      commitMessage: updateTitle(
        {
          title: data.title,
          newTitle: title,
          severity: data.severity,
          newSeverity: severity,
          commander: data.roles?.commander,
          newCommander: roles.commander,
          updateStatus: message !== undefined ? status : undefined,
          status: data.status,
          drill: data.drill === true,
          maintenance,
        },
        context.config,
      ),
      edit(doc) {
        if (message !== undefined) {
          const before = data.updates.filter((u) => Date.parse(u.at) <= Date.parse(at));
          const components =
            Object.keys(changed).length > 0
              ? { ...currentImpacts({ components: data.components, updates: before }), ...changed }
              : undefined;
          const { last } = insertUpdate(doc, { at, status, body: message, components });
          if (last) setStatus(doc, status);
          const raised = Object.fromEntries(Object.entries(changed).filter(([, impact]) => impact !== "operational")) as Record<
            string,
            ComponentImpact
          >;
          raiseComponentImpacts(doc, raised, worseImpact);
        }
        if (severity !== undefined) setField(doc, "severity", severity);
        if (title !== undefined) setField(doc, "title", title);
        for (const [key, handle] of Object.entries(roles)) setRole(doc, key, handle);
        for (const event of notes) addTimelineEntry(doc, { at, event });
      },
    });
  },
});

function roleName(flag: string): string {
  return flag === "commander"
    ? "incident commander"
    : flag === "tech-lead"
      ? "tech lead"
      : flag === "communications"
        ? "communications lead"
        : "scribe";
}
