// `sitrep import <statuspage|cstate> …`: bring the history of another status page into the
// records. Reads the source, plans every file change (scripts/import/plan-import.ts), checks the
// repository as it would be after them, and writes them all or none. Re-running finds each
// record by its `source` and changes nothing the source did not change.
import path from "node:path";
import type { Command, CommandInput } from "../cli/command.ts";
import { jsonOption } from "../cli/common-options.ts";
import { SitrepError, UsageError } from "../errors.ts";
import { checkChanges } from "../authoring/writes/check-changes.ts";
import { writeChanges } from "../authoring/writes/write-changes.ts";
import { findRecordsRoot } from "../records/root.ts";
import { formatPretty } from "../validate/format-pretty.ts";
import { readExisting } from "../import/read-existing.ts";
import { isCurrentIn, planImport, type ExistingRecords } from "../import/plan-import.ts";
import { formatImport, importResult, type ImportResult } from "../import/import-result.ts";
import type { ImportSourceData } from "../import/imported.ts";
import { readStatuspageFolder } from "../import/statuspage-folder.ts";
import { MANAGE_API_URL, readManageApi, readPublicPage } from "../import/statuspage-api.ts";
import { statuspageSource } from "../import/statuspage-source.ts";
import { readCstateSite } from "../import/cstate-read.ts";
import type { HttpOptions } from "../import/http-json.ts";
import { readUpptime } from "../import/upptime-read.ts";

const SYSTEMS = ["statuspage", "cstate", "upptime"];

export const command: Command<ImportResult> = {
  spec: {
    name: "import",
    summary: "Import incident history from Statuspage, cState or Upptime.",
    usage:
      "sitrep import <statuspage|cstate|upptime> [<folder>|<url>] [--page-id <id>] [--api-url <url>] [--severity-map <impact=severity,…>] [--component <name=id>…] [--dry-run] [--json]",
    description:
      "statuspage <folder>: incidents.json and components.json as the public API answers them (scheduled-maintenances.json too).\n" +
      "statuspage <url>: a status page's public API (the 50 newest incidents and the listed maintenances).\n" +
      "statuspage --page-id <id>: the Manage API, the whole history with postmortems (key in STATUSPAGE_API_KEY;\n" +
      "  --api-url or STATUSPAGE_API_URL changes the base, default " +
      MANAGE_API_URL +
      ").\n" +
      "cstate <site folder>: a cState Hugo site (content/issues/ and config.yml).\n" +
      "upptime <repository folder>: .upptimerc.yml, and the issues labelled `status` through the GitHub API\n" +
      "  (GITHUB_REPOSITORY, else owner/repo of .upptimerc.yml; GITHUB_TOKEN and GITHUB_API_URL as for sync).\n" +
      "Every record keeps `source: <system>:<id>`: a second import changes nothing, a later one adds new incidents and\n" +
      "new updates. Imported records skip the rules for incidents run in sitrep (postmortem required, cadence) and\n" +
      "declaration lag. Components are matched by name to sitrep.config.yaml, or added with their groups.\n" +
      "Nothing is written unless every imported record validates. See docs/importing.md.",
    options: {
      "page-id": { type: "string", valueName: "id", description: "Statuspage page id: read the Manage API (needs STATUSPAGE_API_KEY)." },
      "api-url": {
        type: "string",
        valueName: "url",
        description: `Manage API base URL (default STATUSPAGE_API_URL, else ${MANAGE_API_URL}).`,
      },
      "severity-map": {
        type: "string",
        valueName: "impact=severity,…",
        description: "Impact → severity, e.g. critical=SEV1,major=SEV2 (default: the severity whose `impact` matches).",
      },
      component: {
        type: "string",
        multiple: true,
        valueName: "name=id",
        description: 'Map a source component to a configured one, e.g. "API=public-api".',
      },
      "dry-run": { type: "boolean", description: "Print what would be created, updated and skipped; write nothing." },
      json: jsonOption("Print the result as JSON: items, components, notes, counts."),
    },
    examples: [
      "npx sitrep import statuspage ./statuspage-export --dry-run",
      "npx sitrep import statuspage https://status.example.com",
      "STATUSPAGE_API_KEY=… npx sitrep import statuspage --page-id p31zjtct2jer",
      "npx sitrep import cstate ../old-status-site --severity-map critical=SEV1,major=SEV2,minor=SEV3",
      "GITHUB_TOKEN=… npx sitrep import upptime ../upptime-repo --dry-run",
    ],
    exitCodes:
      "0 imported (or nothing to do), 1 the source holds something that cannot be imported (nothing written), 2 usage, network or API failure.",
    positionals: true,
  },

  async run(input) {
    const { values, positionals, cwd, now } = input;
    const [system, from, ...rest] = positionals;
    if (!system || !SYSTEMS.includes(system)) {
      throw new UsageError(
        system ? `\`${system}\` is not a source sitrep imports from.` : "Say what to import from.",
        `Use one of: ${SYSTEMS.join(", ")} (e.g. \`sitrep import statuspage ./export\`).`,
      );
    }
    if (rest.length > 0) throw new UsageError(`Unexpected argument \`${rest[0]}\`.`, "Give one folder or URL.");
    const root = findRecordsRoot(cwd);
    const { config, existing } = readExisting(root);
    const warnings: string[] = [];
    const data =
      system === "statuspage"
        ? await readStatuspage(input, from, warnings, existing)
        : system === "cstate"
          ? readCstate(cwd, from)
          : await readUpptime(
              path.resolve(cwd, requireFolder(from, "upptime", "the folder of your Upptime repository (with .upptimerc.yml)")),
              from!,
              input.env,
              (m) => warnings.push(m),
            );
    const plan = planImport(data, existing, config, {
      severityMap: values["severity-map"] as string | undefined,
      componentFlags: (values.component as string[] | undefined) ?? [],
    });
    const dryRun = values["dry-run"] === true;
    if (!dryRun && plan.changes.length > 0) {
      const check = checkChanges(root, plan.changes, { now, scope: "changed" });
      if (check.errors.length > 0) {
        throw new SitrepError(
          `Nothing was imported: ${check.errors.length} problem(s) in the records the import would write.\n\n${formatPretty(check.errors.slice(0, 50), { color: false })}`,
          {
            hint: "Each file names its source item in `source:`; fix that item in the export (or map it with --severity-map/--component), then import again. Run with --dry-run to see the plan.",
            exitCode: 1,
          },
        );
      }
      writeChanges(root, plan.changes);
    }
    return importResult(plan, dryRun, warnings);
  },

  present(result, { values }) {
    const stderr = result.warnings.map((w) => `warning: ${w}`).join("\n");
    return { stdout: values.json ? JSON.stringify(result, null, 2) : formatImport(result), stderr, exitCode: 0 };
  },
};

async function readStatuspage(
  { values, cwd, env }: CommandInput,
  from: string | undefined,
  warnings: string[],
  existing: ExistingRecords,
): Promise<ImportSourceData> {
  const isCurrent = isCurrentIn(existing);
  const pageId = values["page-id"] as string | undefined;
  const http: HttpOptions = { warn: (m) => warnings.push(m), backoffMs: numberFromEnv(env, "SITREP_IMPORT_BACKOFF_MS") };
  if (pageId !== undefined) {
    if (from) throw new UsageError("Give either --page-id (the Manage API) or a folder or URL, not both.", "Drop one of them.");
    const key = env.STATUSPAGE_API_KEY;
    if (!key)
      throw new UsageError(
        "--page-id reads the Manage API, which needs STATUSPAGE_API_KEY.",
        "Set STATUSPAGE_API_KEY to your Statuspage API key (Statuspage → your avatar → API info); or import the public page by its URL.",
      );
    const apiUrl = (values["api-url"] as string | undefined) ?? env.STATUSPAGE_API_URL ?? MANAGE_API_URL;
    const docs = await readManageApi(apiUrl, pageId, key, http);
    return statuspageSource(
      docs,
      `Manage API page ${pageId}`,
      { incidents: `Manage API incidents of page ${pageId}`, components: `Manage API components of page ${pageId}` },
      isCurrent,
    );
  }
  if (!from)
    throw new UsageError(
      "Say where to import from: a folder, a status page URL, or --page-id.",
      "e.g. `sitrep import statuspage ./export` or `sitrep import statuspage https://status.example.com`.",
    );
  if (/^https?:\/\//i.test(from)) {
    const docs = await readPublicPage(from, http);
    const data = statuspageSource(docs, from, { incidents: `${from} incidents`, components: `${from} components.json` }, isCurrent);
    if (docs.incidents.length >= 50)
      data.notes.push(
        "The public API lists only the 50 newest incidents; for the whole history use the Manage API (--page-id with STATUSPAGE_API_KEY).",
      );
    return data;
  }
  const folder = path.resolve(cwd, from);
  return statuspageSource(readStatuspageFolder(folder), from, { incidents: "incidents.json", components: "components.json" }, isCurrent);
}

function readCstate(cwd: string, from: string | undefined): ImportSourceData {
  return readCstateSite(
    path.resolve(cwd, requireFolder(from, "cstate", "the folder of the cState site (with config.yml and content/issues/)")),
    from!,
  );
}

function requireFolder(from: string | undefined, system: string, what: string): string {
  if (!from) throw new UsageError(`Say what to import: ${what}.`, `e.g. \`sitrep import ${system} ../old-status\`.`);
  return from;
}

function numberFromEnv(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${name} is \`${raw}\`, not a number of milliseconds.`, `Unset it, or set a number ≥ 0.`);
  return value;
}
