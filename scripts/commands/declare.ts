// `sitrep declare`: one command at 2 a.m. → a valid incident file and the git commands to open its PR.
import { UsageError } from "../errors.ts";
import { declareTitle } from "../authoring/edits/commit-title.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { pathFromCwd, writeNewRecord } from "../authoring/new-record.ts";
import { messageOptions, timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, messageFlag, pastTimeFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { askChoice, askText, problemWith, requireFlags } from "../authoring/flags/ask.ts";
import { parsePastTime } from "../authoring/flags/time-input.ts";
import { askComponentImpacts } from "../authoring/flags/ask-components.ts";
import { checkHandle, checkSeverity, checkStatus, IMPACTS, list, parseComponentImpacts, str } from "../authoring/flags/flag-values.ts";

import { incidentPath, uniqueIncidentId } from "../authoring/edits/incident-id.ts";
import { loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { newIncidentText, type NewIncidentFields } from "../authoring/edits/scaffold-incident.ts";
import { SLUG, slugify } from "../authoring/edits/slug.ts";
import { checkRunbooks, defaultMessage, ROLE_OPTIONS, rolesFromFlags } from "../authoring/flags/incident-flags.ts";
import { openIncidents } from "../authoring/apply-incident-edit.ts";
import { similarOpenIncident } from "../authoring/edits/similar-incident.ts";
import { SITREP } from "../core/run-sitrep.ts";

/** An incident's impacts; `under_maintenance` belongs to maintenance records. */
const INCIDENT_IMPACTS = IMPACTS.filter((impact) => impact !== "under_maintenance");

const OPEN_STATUSES = ["investigating", "identified", "monitoring"] as const;

export const command = authoringCommand({
  spec: {
    name: "declare",
    summary: "Declare a new incident (writes incidents/<year>/<date>-<slug>.md).",
    usage:
      "sitrep declare --title <title> --severity <id> --component <id>=<impact>… [--status investigating] [--message <text>] [--at <time>] [--tz <zone>] [--started-at <time>] [--detected-at <time>] [--commander <handle>] [--tech-lead <handle>] [--communications <handle>] [--scribe <handle>] [--runbook <id>]… [--slug <slug>] [--internal] [--near-miss] [--drill] [--json]",
    description:
      "Writes incidents/<year>/<date>-<slug>.md with the first public update, the milestone times it knows\n" +
      "(detected_at = --at, which is now unless given; started_at defaults to detected_at) and the roles, checks it with the\n" +
      "validator, and prints the git commands to open the pull request. The date in the file name is the UTC date\n" +
      "of started_at; a taken id gets a -2, -3 … suffix. Impacts: degraded_performance, partial_outage,\n" +
      "major_outage (planned work is `sitrep maintenance`). Times: RFC 3339 with an offset, `now`, or relative (-15m, -2h).\n" +
      "Missing required values are asked for on a terminal; without one, a missing flag is an error.",
    options: {
      title: {
        type: "string",
        short: "t",
        valueName: "title",
        description: "Customer-facing headline: the symptom, not the cause (1–200 characters).",
      },
      severity: { type: "string", short: "s", valueName: "id", description: "Severity id from sitrep.config.yaml, e.g. SEV2." },
      component: {
        type: "string",
        short: "c",
        multiple: true,
        valueName: "id=impact",
        description: "Affected component and its impact, e.g. checkout-api=major_outage.",
      },
      status: { type: "string", valueName: "status", description: "investigating (default), identified or monitoring." },
      ...messageOptions('The first public update (default: "We are investigating … Next update within N minutes.").'),
      at: timeOption("When the incident was declared: the first update and timeline entry (default: now)."),
      tz: tzOption(),
      "started-at": timeOption("When customer impact began (default: --detected-at)."),
      "detected-at": timeOption("When the alert fired or the report came in (default: --at)."),
      ...ROLE_OPTIONS,
      runbook: { type: "string", multiple: true, valueName: "id", description: "A runbook (runbooks/<id>.md) the response uses." },
      slug: { type: "string", valueName: "slug", description: "File name slug (default: from the title)." },
      internal: { type: "boolean", description: "Keep it off the public status page (visibility: internal)." },
      "near-miss": { type: "boolean", description: "Caught before customers were affected (type: near_miss, internal by default)." },
      drill: { type: "boolean", description: "A game day or exercise: never public, left out of metrics." },
    },
    examples: [
      'npx sitrep declare --title "Checkout errors for some merchants" --severity SEV2 --component checkout-api=partial_outage',
      'npx sitrep declare -t "Payments failing" -s SEV1 -c payment-processing=major_outage -c checkout-api=partial_outage --started-at -20m --commander ines-carvalho',
      'npx sitrep declare --title "Expiring certificate caught in time" --severity SEV3 --near-miss',
    ],
  },

  async run({ values, cwd, now, env }, ask) {
    const context = loadRecordsContext(cwd, now);
    const { config } = context;
    const nearMiss = values["near-miss"] === true;

    // Flags that need no answer are checked first, so a typo never costs the answers to prompts.
    const status = checkStatus(
      str(values.status) ?? "investigating",
      OPEN_STATUSES,
      "a new incident (resolve it afterwards with `sitrep resolve`)",
    );

    const zone = zoneFlag(values, config);
    const postedAt = atFlag(values, now, zone);
    const detectedAt = pastTimeFlag(values, "detected-at", now, zone) ?? postedAt;
    let startedAt = pastTimeFlag(values, "started-at", now, zone) ?? detectedAt;
    const echo = timeNotes(
      values,
      [
        { flag: "at", time: postedAt },
        { flag: "detected-at", time: detectedAt },
        { flag: "started-at", time: startedAt },
      ],
      zone,
      now,
    );
    const roles = rolesFromFlags(values);
    // The wizard runs when a required flag is missing on a terminal; it then also asks what the
    // metrics need and flags rarely carry at 2 a.m.: who commands (TTA, roles) and when impact began (TTD).
    const wizard = ask.interactive && !(str(values.title) && givenSeverityText(values) && (list(values.component).length > 0 || nearMiss));
    const runbooks = checkRunbooks(list(values.runbook), context.files);
    const givenSeverity = str(values.severity) !== undefined ? checkSeverity(str(values.severity)!, config) : undefined;
    const givenComponents = parseComponentImpacts(list(values.component), config, INCIDENT_IMPACTS);
    requireFlags(
      [
        ...(str(values.title) ? [] : ["title"]),
        ...(givenSeverity ? [] : ["severity"]),
        ...(Object.keys(givenComponents).length > 0 || nearMiss ? [] : ["component"]),
      ],
      ask,
      {
        severity: config.severities.map((s) => `${s.id} (${s.name})`).join(", "),
        component: `<id>=<impact>; ids: ${config.components.map((c) => c.id).join(", ")}; impacts: ${INCIDENT_IMPACTS.join(", ")}`,
      },
    );

    const title = (
      await askText(str(values.title), "title", ask, {
        message: 'Title (what customers see, e.g. "Checkout errors for some merchants")',
        placeholder: "the symptom customers see",
        validate: (v) => (v.length > 200 ? `${v.length} characters; at most 200. Details go in the first update.` : undefined),
      })
    ).trim();
    if (title.length > 200)
      throw new UsageError(
        `--title is ${title.length} characters; the limit is 200.`,
        "Describe the symptom in a short headline; details go in --message.",
      );
    const severity =
      givenSeverity ??
      checkSeverity(
        await askChoice(undefined, "severity", ask, {
          message: "Severity",
          options: config.severities.map((s) => ({ value: s.id, label: `${s.id} ${s.name}`, hint: s.description })),
        }),
        config,
      );
    const components =
      Object.keys(givenComponents).length > 0 || nearMiss ? givenComponents : await askComponentImpacts(config, ask, INCIDENT_IMPACTS);
    if (wizard && roles.commander === undefined) {
      const you = [env.SITREP_HANDLE, env.GITHUB_ACTOR, env.USER].find((h) => h && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(h));
      roles.commander = checkHandle(
        await askText(undefined, "commander", ask, {
          message: "Incident commander (GitHub handle)",
          placeholder: you ? `Enter for ${you}` : "e.g. ines-carvalho",
          defaultValue: you,
          validate: problemWith((v) => checkHandle(v, "--commander")),
        }),
        "--commander",
      );
    }
    if (wizard && values["started-at"] === undefined) {
      const answer = await askText(undefined, "started-at", ask, {
        message: `When did customer impact start? (e.g. 5 min ago, 01:40 in ${zone}; Enter for when it was detected)`,
        placeholder: "Enter: when it was detected",
        defaultValue: "detected",
        validate: problemWith((v) => (v === "detected" ? undefined : parsePastTime(v, now, "--started-at", zone))),
      });
      if (answer !== "detected") startedAt = parsePastTime(answer, now, "--started-at", zone);
      if (Date.parse(startedAt) > Date.parse(detectedAt))
        throw new UsageError(
          `Impact start ${startedAt} is after detection (${detectedAt}).`,
          "Impact starts at or before the alert: give an earlier time, or --detected-at.",
        );
    }
    const cadence = config.severities.find((s) => s.id === severity)?.update_every_minutes;
    // A near-miss or drill has no public cadence, so its default first note promises no next update.
    const publicCadence = nearMiss || values.drill === true ? undefined : cadence;
    const message = messageFlag(values) ?? defaultMessage(status, Object.keys(components), config, publicCadence);

    const slug = str(values.slug) ?? slugify(title);
    if (!SLUG.test(slug))
      throw new UsageError(
        `--slug \`${slug}\` is not kebab-case.`,
        "Use lower-case letters, digits and single hyphens, e.g. checkout-errors.",
      );
    const taken = new Set(context.files.filter((f) => f.kind === "incident").map((f) => f.id));
    const id = uniqueIncidentId(startedAt.slice(0, 10), slug, taken);
    const recordPath = incidentPath(id);

    const fields: NewIncidentFields = {
      title,
      type: nearMiss ? "near_miss" : undefined,
      severity,
      status,
      visibility: values.internal === true ? "internal" : undefined,
      drill: values.drill === true ? true : undefined,
      components,
      started_at: startedAt,
      detected_at: detectedAt,
      roles,
      runbooks,
      updates: [{ at: postedAt, status, body: message, ...(Object.keys(components).length > 0 ? { components } : {}) }],
      timeline: [{ at: postedAt, event: `Declared ${severity}${roles.commander ? `; ${roles.commander} is incident commander` : ""}.` }],
    };
    const kind = nearMiss ? "near-miss" : values.drill === true ? "drill incident" : "incident";
    const similar = similarOpenIncident(
      openIncidents(context).filter((o) => o.type !== "maintenance"),
      title,
      startedAt,
    );
    // Near-misses, drills and internal incidents never reach the status page: no public cadence to keep.
    const internal = nearMiss || values.drill === true || values.internal === true;
    return writeNewRecord(context, cwd, {
      kind: "incident",
      path: recordPath,
      text: newIncidentText(fields),
      summary: `Declared ${severity} ${kind} ${id}`,
      cautions: similar
        ? [
            `${similar.id} ("${similar.title}") is open with a similar title and started within a day of this one.\n` +
              `  If it is the same problem, delete ${pathFromCwd(context, cwd, recordPath)} and post to that one: ${SITREP} update ${similar.id} --message "…"`,
          ]
        : [],
      branch: `incident/${id}`,
      commitMessage: declareTitle(severity, title, { drill: values.drill === true, nearMiss, internal: values.internal === true }),
      commandsTitle: internal
        ? `Open the pull request (the ${kind} is internal: merging it publishes nothing on the status page):`
        : "Open the pull request (merging it publishes the incident):",
      notes: [
        ...echo,
        ...(internal
          ? [
              "Next: record milestones and what you learn as they happen (the internal timeline is the record):",
              `  ${SITREP} update ${id} --status identified --message "…"`,
              `  ${SITREP} acknowledge ${id}   ·   ${SITREP} mitigate ${id}   ·   ${SITREP} resolve ${id}`,
            ]
          : [
              `Next: post an update at least every ${cadence ?? "few"} minutes, and record milestones as they happen:`,
              `  ${SITREP} update ${id} --status identified --message "…"`,
              `  ${SITREP} acknowledge ${id}   ·   ${SITREP} mitigate ${id}   ·   ${SITREP} resolve ${id}`,
            ]),
      ],
    });
  },
});

/** The severity flag as typed (checked later), for telling whether the wizard runs. */
function givenSeverityText(values: Record<string, unknown>): boolean {
  return typeof values.severity === "string" && values.severity !== "";
}
