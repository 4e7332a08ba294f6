// `sitrep publish-postmortem <incident-id>`: set a postmortem's status to published with its
// published_at, and print exactly what becomes public — the page's text without the lines marked
// internal — so the author reads what customers will read before merging (decision 0116). Handles
// left in that text are warnings (postmortem-handles), shown with their line and column.
import { readFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import { authoringCommand } from "../authoring/authoring-command.ts";
import { timeOption, tzOption } from "../cli/common-options.ts";
import { atFlag, timeNotes, zoneFlag } from "../authoring/flags/common-flags.ts";
import { idArgument } from "../authoring/flags/ask.ts";
import { findIncident, loadRecordsContext } from "../authoring/writes/load-records-context.ts";
import { editFrontMatter, rootMap, setScalar } from "../authoring/edits/front-matter-edit.ts";
import { checkThenWrite } from "../authoring/writes/check-then-write.ts";
import { newPullRequestCommands } from "../authoring/writes/pull-request-commands.ts";
import { nothingToDo } from "../authoring/apply-incident-edit.ts";
import { pathFromCwd } from "../authoring/new-record.ts";
import { writtenRecord } from "../authoring/authoring-result.ts";
import { publicBody } from "../model/postmortem-public-text.ts";
import { isPublic } from "../model/incident-facts.ts";
import { postmortemUrl } from "../publish/site-url.ts";

/** Front-matter order of a postmortem, as in postmortems/_template.md. */
const POSTMORTEM_KEY_ORDER = ["incident", "status", "visibility", "authors", "keep_handles", "published_at", "action_items"] as const;

export const command = authoringCommand({
  spec: {
    name: "publish-postmortem",
    summary: "Publish a postmortem and show exactly what becomes public.",
    usage: "sitrep publish-postmortem <incident-id> [--public] [--at <time>] [--tz <zone>] [--json]",
    description:
      "Sets status: published and published_at (default now) in postmortems/<incident-id>.md, and with --public\n" +
      "visibility: public. Prints the text the public page will show: the body without the lines marked\n" +
      "`<!-- internal -->`. A person named there by handle is a warning (postmortem-handles) unless keep_handles: true.",
    positionals: true,
    options: {
      public: { type: "boolean", description: "Also set visibility: public (the status page shows it)." },
      at: timeOption("When it is published: published_at (default: now)."),
      tz: tzOption(),
    },
    examples: [
      "npx sitrep publish-postmortem 2026-11-22-checkout-errors --public",
      "npx sitrep publish-postmortem checkout-errors --public --at 10:00",
    ],
  },

  async run({ values, positionals, cwd, now }, ask) {
    const id = await idArgument(positionals, ask);
    const context = loadRecordsContext(cwd, now);
    const incident = findIncident(context, id, "publish-postmortem");
    const file = context.files.find((f) => f.kind === "postmortem" && f.id === incident.id);
    if (file === undefined) {
      throw new UsageError(
        `${incident.id} has no postmortem (postmortems/${incident.id}.md).`,
        `Scaffold it with \`npx sitrep postmortem ${incident.id}\`, write it, then publish it.`,
      );
    }
    const text = readFileSync(path.join(context.root, file.path), "utf8");
    const zone = zoneFlag(values, context.config);
    const at = atFlag(values, now, zone);
    const makePublic = values.public === true;
    const edited = editFrontMatter(text, file.path, (doc) => {
      const map = rootMap(doc);
      // Published already: its published_at stands (a correction is an edit by hand).
      if (map.get("status") !== "published" || !map.has("published_at")) {
        setScalar(doc, map, "status", "published", POSTMORTEM_KEY_ORDER);
        setScalar(doc, map, "published_at", at, POSTMORTEM_KEY_ORDER);
      }
      if (makePublic && map.get("visibility") !== "public") setScalar(doc, map, "visibility", "public", POSTMORTEM_KEY_ORDER);
    });
    if (edited === text) {
      return nothingToDo(
        context,
        { ...incident, file, text },
        `${file.path} is already published`,
        "To correct published_at, edit it in the file.",
      );
    }
    const { warnings, after } = checkThenWrite(context, [{ path: file.path, text: edited }], file.path);
    const record = after.repository.postmortems.find((p) => p.source.path === file.path)!;
    const shown = pathFromCwd(context, cwd, file.path);
    const pagePublic = record.data.visibility === "public" && isPublic(incident.data);
    const publicText = pagePublic ? publicBody(record.body).trim() : undefined;
    const url = postmortemUrl(context.config, incident.id);
    const notes = [
      ...timeNotes(values, [{ flag: "at", time: at }], zone, now),
      ...(pagePublic
        ? [`What becomes public at ${url} (the lines marked internal left out):`, "", ...indent(publicText ?? "")]
        : [
            record.data.visibility !== "public"
              ? "Nothing becomes public: the postmortem is internal. Run again with --public to put it on the status page."
              : `Nothing becomes public: the incident ${incident.id} is not on the public site.`,
          ]),
    ];
    return {
      summary: `Published the postmortem of ${incident.id}`,
      root: context.root,
      written: [writtenRecord(after.repository, "postmortem", file.path)],
      removed: [],
      warnings,
      commandsTitle: "Open the pull request (merging it publishes the postmortem):",
      commands: newPullRequestCommands(`postmortem/${incident.id}-publish`, [shown], `Publish postmortem: ${incident.data.title}`),
      notes,
      // null when nothing becomes public (an internal postmortem or incident).
      details: { public: publicText === undefined ? null : { url, text: publicText } },
    };
  },
});

function indent(text: string): string[] {
  return text
    .replace(/^\s*\n/, "")
    .trimEnd()
    .split("\n")
    .map((line) => (line === "" ? "" : `  ${line}`));
}
