// `sitrep init`: turn the template into a team's own records repository — example records
// removed, sitrep.config.yaml written for the team — and leave a repository that validates.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { RejectedChangeError, SitrepError, UsageError } from "../errors.ts";
import type { Command } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { askConfirm } from "../authoring/flags/ask.ts";
import { checkChanges } from "../authoring/writes/check-changes.ts";
import { EXAMPLE_RECORD_PATHS, EXAMPLE_SITE_URL } from "../authoring/init/example-records.ts";
import type { FileChange } from "../authoring/writes/file-change.ts";
import { str } from "../authoring/flags/flag-values.ts";
import { initConfigText } from "../authoring/init/config-text.ts";
import { initReadmeText, README_FILE } from "../authoring/init/readme-text.ts";
import { shellQuote } from "../authoring/writes/pull-request-commands.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import { presentAuthoring, type AuthoringResult } from "../authoring/authoring-result.ts";
import { CONFIG_FILE, findRecordsRoot } from "../records/root.ts";
import { discoverRecordFiles } from "../records/discover.ts";
import { askSiteAnswers } from "../authoring/init/site-answers.ts";
import { initRecordsRepository } from "../package/init-records-repository.ts";
import { loadSchedules } from "../oncall/load-schedules.ts";
import { SITREP } from "../core/run-sitrep.ts";

export const command: Command<AuthoringResult> = {
  spec: {
    name: "init",
    summary: "Create a records repository (init <dir>), or turn the template into your own.",
    usage:
      "sitrep init [<dir>] --title <title> --url <url> --component <id>=<Name>[@<Group>]… [--timezone <tz>] [--description <text>] [--repository <owner/name>] [--keep-examples] [--yes] [--force] [--json]",
    description:
      "With <dir>: writes a new records repository there — incidents/, postmortems/, runbooks/ with their READMEs,\n" +
      "sitrep.config.yaml for your site, a package.json that depends on sitrep, workflows, GitHub templates,\n" +
      "CODEOWNERS, Dependabot, .gitignore and a README — and runs `git init`. No engine code: `npm install` brings it.\n" +
      "A <dir> that is a copy of the sitrep template (made before sitrep was a package) is converted in place: the\n" +
      "engine, tests and decisions go, package.json depends on sitrep; records, config, README and history stay.\n" +
      "\n" +
      "Without <dir>, in a copy of the template: removes the template's example records (the fictional company Lumen), keeps each folder's README.md and\n" +
      "_template.md, and rewrites sitrep.config.yaml with your site and components; the severities (their example\n" +
      "descriptions made neutral), policies and github sections (and their comments) are kept for you to adjust, and\n" +
      "README.md's paragraph about the examples becomes one about your records. The result is validated before\n" +
      "anything is written. Example records are the paths the template lists (scripts/authoring/init/example-records.ts).\n" +
      "On a terminal, init asks for what the flags leave out (the GitHub repository too, offered from the origin\n" +
      "remote), asks a wrong answer again keeping the others, and asks before removing the examples (--yes does not\n" +
      "ask); without a terminal the flags are the answer, and every problem with them is reported in one run.\n" +
      "Refuses when records of your own exist or the config is no longer the template's, unless --force (which\n" +
      "still removes only the examples). With --keep-examples the examples and their components stay.",
    options: {
      title: { type: "string", short: "t", valueName: "title", description: 'Status site title, e.g. "Acme Status".' },
      url: { type: "string", valueName: "url", description: "Public URL of the status site, e.g. https://status.acme.com." },
      timezone: { type: "string", valueName: "tz", description: "IANA time zone for displaying times (default UTC)." },
      description: { type: "string", valueName: "text", description: "One sentence shown under the title and in feeds." },
      component: {
        type: "string",
        short: "c",
        multiple: true,
        valueName: "id=Name[@Group]",
        description: 'A component customers see, e.g. checkout-api="Checkout API@Payments".',
      },
      repository: {
        type: "string",
        valueName: "owner/name",
        description: "GitHub repository for action-item issues (default: GITHUB_REPOSITORY at sync time).",
      },
      "keep-examples": { type: "boolean", description: "Keep the example records (and the components they use)." },
      yes: { type: "boolean", short: "y", description: "Remove the example records without asking (a terminal is asked first)." },
      force: { type: "boolean", description: "Run even though records of your own exist or the config was changed." },
      json: jsonOption("Print what was written and removed as JSON."),
    },
    positionals: true,
    examples: [
      'npx sitrep init acme-status --title "Acme Status" --url https://status.acme.com -c api="Public API@Platform"',
      "npx sitrep init .   # in a copy of the sitrep template: convert it to a records repository",
      'npx sitrep init --title "Acme Status" --url https://status.acme.com --component api="Public API@Platform" --component web="Web app"',
      'npx sitrep init -t "Acme Status" --url https://acme.github.io/status/ --timezone America/New_York -c checkout="Checkout@Payments" -c payouts=Payouts@Payments',
    ],
  },

  async run({ values, positionals, cwd, now, interactive }) {
    const ask = { interactive, usage: command.spec.usage };
    if (positionals.length > 1)
      throw new UsageError(
        `init takes one folder, not ${positionals.length}.`,
        "e.g. `npx sitrep init acme-status`; quote a name with spaces.",
      );
    if (positionals.length === 1) return initRecordsRepository(path.resolve(cwd, positionals[0]), values, ask, now, cwd);
    const root = findRecordsRoot(cwd);
    const force = values.force === true;
    const keepExamples = values["keep-examples"] === true;
    const configText = readFileSync(path.join(root, CONFIG_FILE), "utf8");

    const examples = new Set(EXAMPLE_RECORD_PATHS);
    const files = discoverRecordFiles(root);
    const own = files.filter((f) => !examples.has(f.path));
    if (own.length > 0 && !force) {
      throw new SitrepError(
        `This repository already has ${own.length} record(s) of its own (${own
          .slice(0, 3)
          .map((f) => f.path)
          .join(", ")}${own.length > 3 ? ", …" : ""}); init is for a fresh copy of the template.`,
        {
          hint: "Run init with --force to rewrite the config anyway (only the example records are removed; yours stay).",
          exitCode: 1,
        },
      );
    }
    const siteUrl = readSiteUrl(configText);
    if (siteUrl !== EXAMPLE_SITE_URL && !force) {
      throw new SitrepError(
        `${CONFIG_FILE} is already your own (site.url is ${siteUrl ?? "missing"}), so init would overwrite its site and components.`,
        {
          hint: "Edit sitrep.config.yaml directly, or run init with --force to rewrite site and components.",
          exitCode: 1,
        },
      );
    }

    const { title, url, timezone, components, repository } = await askSiteAnswers(values, ask, root);

    const newConfig = initConfigText(configText, {
      title,
      url,
      timezone,
      description: str(values.description),
      components,
      repository,
      keepComponents: keepExamples,
    });
    // Example on-call schedules (oncall/*.yaml) are not record files; removed too, or their members would be unknown.
    const schedules = loadSchedules(root)
      .schedules.map((s) => s.source.path)
      .filter((p) => examples.has(p));
    const removed = keepExamples ? [] : [...files.filter((f) => examples.has(f.path)).map((f) => f.path), ...schedules];
    const changes: FileChange[] = [{ path: CONFIG_FILE, text: newConfig }, ...removed.map((p) => ({ path: p, text: null }))];

    const { after } = checkChanges(root, changes, { now, scope: "all" });
    // init promises a repository that validates, so every error counts, not only new ones.
    const errors = after.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) throw new RejectedChangeError("the initialised repository", errors);
    const readmePath = path.join(root, README_FILE);
    const readme =
      keepExamples || !existsSync(readmePath)
        ? undefined
        : initReadmeText(readFileSync(readmePath, "utf8"), { title, url, description: str(values.description) });

    if (removed.length > 0 && interactive && values.yes !== true) {
      const kinds = ["incidents", "postmortems", "runbooks"]
        .map((k) => `${removed.filter((p) => p.startsWith(`${k}/`)).length} ${k}`)
        .concat(schedules.length > 0 && !keepExamples ? [`${schedules.length} on-call schedules`] : [])
        .join(", ");
      const go = await askConfirm(
        `Remove the ${removed.length} example records (${kinds}) and rewrite ${CONFIG_FILE}${readme ? ` and ${README_FILE}` : ""}?`,
      );
      if (!go) {
        return {
          summary: "Nothing was written: the example records and the config stay as they are",
          root,
          written: [],
          removed: [],
          warnings: [],
          commandsTitle: "",
          commands: [],
          notes: ["Run init again when you are ready, or with --keep-examples to keep the examples beside your own records."],
        };
      }
    }
    writeChanges(root, readme === undefined ? changes : [...changes, { path: README_FILE, text: readme }]);

    const gitPaths = [
      CONFIG_FILE,
      ...(readme ? [README_FILE] : []),
      "incidents",
      "postmortems",
      "runbooks",
      ...(schedules.length > 0 && !keepExamples ? ["oncall"] : []),
    ].map((p) => path.relative(cwd, path.join(root, p)) || p);
    return {
      summary: `Initialised ${title} (${components.length} component${components.length === 1 ? "" : "s"}${removed.length > 0 ? `, ${removed.length} example records removed` : ""})`,
      root,
      written: [{ path: CONFIG_FILE, id: "sitrep.config", kind: "config", record: parseYaml(newConfig) as Record<string, unknown> }],
      removed,
      warnings: after.diagnostics.filter((d) => d.severity === "warning"),
      commandsTitle: "Commit it:",
      commands: [
        `git add -A ${gitPaths.map(shellQuote).join(" ")}`,
        `git commit -m ${shellQuote(`Initialise sitrep for ${title}`)}`,
        "git push",
      ],
      notes: [
        ...(readme ? [`Rewrote the paragraph about the examples in ${README_FILE} for ${title}.`] : []),
        'Next (README.md, "After `sitrep init`"): keep this repository private (docs/hosting.md), turn on Pages,',
        "require the ci-ok check on main, create the sitrep:fast-lane label, and review the severities and policies",
        `in sitrep.config.yaml. When something breaks: ${SITREP} declare --help  (guide: docs/declaring-an-incident.md)`,
      ],
    };
  },

  present: presentAuthoring,
};

function readSiteUrl(configText: string): string | undefined {
  try {
    const data = parseYaml(configText) as { site?: { url?: unknown } } | null;
    return typeof data?.site?.url === "string" ? data.site.url : undefined;
  } catch {
    return undefined;
  }
}
