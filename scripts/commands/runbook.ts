// `sitrep runbook <id>`: scaffold runbooks/<id>.md from runbooks/_template.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { readTemplate, writeNewRecord } from "../authoring/new-record.ts";
import { askMany, askText, idArgument, problemWith, requireFlags } from "../authoring/flags/ask.ts";
import { componentOptions } from "../authoring/flags/ask-components.ts";
import { checkComponentId, checkHandle, list, str } from "../authoring/flags/flag-values.ts";
import { loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { scaffoldRunbook } from "../authoring/edits/scaffold-runbook.ts";
import { SLUG } from "../authoring/edits/slug.ts";
import { utcDate } from "../core/time.ts";

export const command = authoringCommand({
  spec: {
    name: "runbook",
    summary: "Scaffold a runbook.",
    usage: "sitrep runbook <id> --title <title> --component <id>… [--owner <handle>] [--alert <name>]… [--json]",
    description:
      "Writes runbooks/<id>.md from runbooks/_template.md with the title, components, owner and last_reviewed = today;\n" +
      "the template's sections (Symptoms, Diagnose, Mitigate, Verify, Escalate) are left for you to fill in.\n" +
      "The review interval follows policies.runbook_review_days unless you add review_every_days.",
    positionals: true,
    options: {
      title: { type: "string", short: "t", valueName: "title", description: "What the runbook is for, as an imperative sentence." },
      component: {
        type: "string",
        short: "c",
        multiple: true,
        valueName: "id",
        description: "A component it covers (id from sitrep.config.yaml).",
      },
      owner: { type: "string", valueName: "handle", description: "GitHub handle of the person or team keeping it current." },
      alert: { type: "string", multiple: true, valueName: "name", description: "An alert whose notification links here." },
    },
    examples: [
      'npx sitrep runbook checkout-rollback --title "Roll back a bad checkout-api deploy" --component checkout-api --owner payments-oncall',
      'npx sitrep runbook webhook-backlog -t "Drain a webhook backlog" -c webhooks --owner platform-team --alert WebhookQueueAgeHigh',
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const id = await idArgument(positionals, ask, "runbook id", "kebab-case, e.g. checkout-rollback");
    if (!SLUG.test(id))
      throw new UsageError(
        `Runbook id \`${id}\` is not kebab-case.`,
        "Use lower-case letters, digits and single hyphens, e.g. checkout-rollback.",
      );
    const context = loadRecordsContext(cwd, now);
    const recordPath = `runbooks/${id}.md`;
    if (existsSync(path.join(context.root, recordPath)))
      throw new UsageError(`${recordPath} already exists.`, "Edit it, or pick another id.");
    requireFlags(
      [
        ...(str(values.title) ? [] : ["title"]),
        ...(list(values.component).length > 0 ? [] : ["component"]),
        ...(str(values.owner) ? [] : ["owner"]),
      ],
      ask,
      { component: `component ids: ${context.config.components.map((c) => c.id).join(", ")}`, owner: "a GitHub handle (person or team)" },
    );
    const title = (
      await askText(str(values.title), "title", ask, {
        message: "Title (what the runbook is for)",
        placeholder: "e.g. Roll back a bad deploy",
      })
    ).trim();
    const components = (
      await askMany(list(values.component), "component", ask, {
        message: "Components it covers (space to pick, enter to confirm)",
        options: componentOptions(context.config),
      })
    ).map((c) => checkComponentId(c, context.config));
    const owner = checkHandle(
      await askText(str(values.owner), "owner", ask, {
        message: "Owner (GitHub handle of the person or team)",
        placeholder: "e.g. ines-carvalho",
        validate: problemWith((v) => checkHandle(v, "--owner")),
      }),
      "--owner",
    );
    const template = readTemplate(context, "runbook");
    return writeNewRecord(context, cwd, {
      kind: "runbook",
      path: recordPath,
      text: scaffoldRunbook({
        title,
        components: [...new Set(components)],
        owner,
        alerts: [...new Set(list(values.alert))],
        today: utcDate(now),
        template,
      }),
      summary: `Scaffolded runbook ${id}`,
      branch: `runbook/${id}`,
      commitMessage: `Runbook: ${title}`,
      commandsTitle: "Open the pull request:",
      notes: ["Next: write Symptoms, Diagnose, Mitigate, Verify and Escalate with exact commands; link it from your alerts."],
    });
  },
});
